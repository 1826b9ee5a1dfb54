// The plantar JSON API (the same shapes as `plantar ... --json`). Every
// state-changing request carries the CSRF token from GET /api/session.
import { currentRoute, go } from './router';

export type Verdict = 'go' | 'caution' | 'stop';
export interface Reason {
  condition: string; message: string; sources: string[];
  verdict?: Verdict; urgent?: boolean; emergency?: boolean;
}
export interface Screening {
  verdict: Verdict; urgent: boolean; emergency?: boolean; max_pressure: number; pressure_words?: string;
  avoid: string[]; avoid_techniques: string[]; reasons: Reason[]; notes?: string[];
}
export interface Step {
  technique: string; foot: 'left' | 'right'; region: string;
  seconds: number; pressure: number; cue: string; goals: string[];
  // Routines saved before these fields existed lack them.
  phase?: 'warmup' | 'main' | 'finish'; kind?: 'massage' | 'stretch' | 'movement'; why?: string;
  pressure_words?: string; hold_seconds?: number; stretch_to?: string; standing?: boolean;
  transition?: string; apply?: string;
}
export interface Routine { verdict: Screening; giver?: 'self' | 'partner'; total_seconds: number; steps: Step[]; notes: string[] }
export interface ConditionReport { id: string; severity?: string; at?: string[] }
export interface PlanRequest {
  goals: string[]; minutes: number; feet: 'both' | 'left' | 'right';
  giver: 'self' | 'partner'; tools: string[]; conditions: ConditionReport[];
}
export interface Condition {
  id: string; name: string; label?: string; question: string; signs: string[]; local: boolean; severities: string[];
  severity_means?: Record<string, string>;
  rule: { verdict: Verdict; urgent: boolean; emergency?: boolean; message: string };
  group?: { id: string; title: string; order: number; position: number };
}
export interface Goal { id: string; name: string; description: string; expect: string; claims: string[] }
export interface Tool { id: string; name: string; description: string }
export interface Technique {
  id: string; name: string; phase: string; regions: string[];
  pressure: { min: number; default: number; max: number }; seconds: { min: number; default: number; max: number };
  tools: string[]; goals: string[]; cue: string; steps: string[]; cautions: string[];
}
export interface Region { id: string; name: string; plain: string; view: 'sole' | 'side'; leg: boolean; outline: [number, number][] }
export interface Zone { id: string; name: string; feet: string[]; region: string; tradition: string; outline: [number, number][] }
export type Grade = 'moderate' | 'limited' | 'insufficient' | 'contradicted' | 'none';
export interface Claim { id: string; topic: string; grade: Grade; say: string; sources: string[] }
export interface Source { id: string; citation: string; doi: string; pmid: string }
export interface Tip { id: string; title: string; text: string }

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly field?: string) { super(message); }
}

/// GET /api/session: the CSRF token, and whether this plantar is hosted (accounts).
export interface SessionInfo { token: string; lan: boolean; hosted?: boolean }
let session: Promise<SessionInfo> | null = null;
let known: SessionInfo | null = null;

export function sessionInfo(): Promise<SessionInfo> {
  session ??= fetch('/api/session', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((s: SessionInfo) => (known = s))
    .catch((e) => { session = null; throw e; });
  return session;
}

/// What GET /api/session said, once it has answered (null before).
export const sessionKnown = () => known;

const sessionToken = () => sessionInfo().then((s) => s.token);

// The requests that answer 401 for a wrong password, not for a missing session.
const accountAreas = new Set(['account', 'login', 'logout', 'password', 'session']);

/// Hosted mode: takes a logged-out person to the login screen, which brings
/// them back here (the current route) once they are in.
export async function toLogin(): Promise<void> {
  const info = await sessionInfo().catch(() => null);
  if (!info?.hosted) return;
  const here = currentRoute();
  if (here[0] !== 'account') go('account/' + encodeURIComponent(here.join('/')));
}

/// Said when someone logs in or out, for what shows who is logged in.
export const accountEvent = 'plantar-account';
export const accountChanged = () => { dispatchEvent(new Event(accountEvent)); };

async function reply<T>(response: Response, path = ''): Promise<T> {
  const body = await response.json().catch(() => ({}));
  if (response.status === 401 && !accountAreas.has(path.split(/[/?]/)[0])) void toLogin();
  if (!response.ok) throw new ApiError(body.error ?? `request failed (${response.status})`, response.status, body.field);
  return body as T;
}

const cache = new Map<string, Promise<unknown>>();

/// GET, remembered for the life of the page (knowledge does not change).
export function learn<T>(path: string): Promise<T> {
  if (!cache.has(path)) {
    const p = fetch('/api/' + path, { credentials: 'same-origin' }).then((r) => reply<T>(r, path));
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return cache.get(path) as Promise<T>;
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const send = async () => fetch('/api/' + path, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Plantar-Token': await sessionToken() },
    body: JSON.stringify(body),
  });
  let response = await send();
  if (response.status === 403) { session = null; response = await send(); }  // the server restarted
  return reply<T>(response, path);
}

/// PUT or DELETE with the CSRF token, like post().
export async function change<T>(method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const send = async () => fetch('/api/' + path, {
    method, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Plantar-Token': await sessionToken() },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  let response = await send();
  if (response.status === 403) { session = null; response = await send(); }  // the server restarted
  return reply<T>(response, path);
}

export const check = (conditions: ConditionReport[]) => post<Screening>('check', { conditions });
export const plan = (request: PlanRequest) => post<Routine>('plan', request);

// Ask, card and places (the answers of `plantar ask`, `card` and `places near`).
export interface AskAnswer {
  kind: 'question' | 'technique' | 'goal' | 'claim' | 'tip' | 'condition' | 'zone';
  id: string; title: string; text: string; grade?: Grade;
  claims: { id: string; topic: string; grade: Grade }[]; sources: string[]; score: number; safety: boolean;
}
export interface AskResult {
  query: string; answers: AskAnswer[]; suggestions: string[]; corrections: { typed: string; read_as: string }[];
}
export interface PlaceHours {
  state: 'open' | 'closed' | 'unknown' | 'not_given'; closes_at?: string; opens_at?: string; opening_hours: string;
  today?: string; tomorrow?: string;  // "09:00-12:00, 14:00-18:00", "closed", "open all day"
}
export interface Place {
  name: string; kind: string; kind_name: string; lat: number; lon: number; distance_km: number;
  direction: string; bearing: number; address: string; phone: string; website: string; wheelchair: string;
  hours: PlaceHours; osm: { type: string; id: number; url: string };
}
export interface NearAnswer {
  near: { name: string; lat: number; lon: number }; at: string; radius_km: number; kinds: string[];
  open_now: boolean; places: Place[]; attribution: string;
}
export interface NamedPlace { name: string; type: string; lat: number; lon: number }
export interface PlacesInfo {
  regions: { name: string; source: string; imported_at: string; places: number; named: number }[];
  kinds: { id: string; name: string; plural: string }[]; attribution: string;
}

/// A GET that is not remembered (the journal and places.db change).
export async function get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const params = new URLSearchParams(query).toString();
  return reply<T>(await fetch('/api/' + path + (params ? '?' + params : ''), { credentials: 'same-origin' }), path);
}

/// An error answer with what else it carried (the choices of an ambiguous place name).
export class ChoicesError extends ApiError {
  constructor(message: string, status: number, field: string | undefined, readonly choices: NamedPlace[]) {
    super(message, status, field);
  }
}

/// A place name that is not in the imported data, with the closest one ("" when none is close).
export class UnknownPlaceError extends ApiError {
  constructor(message: string, readonly suggestion: string) {
    super(message, 400, 'at');
  }
}

export const ask = (q: string) => get<AskResult>('ask', { q });
export const placesInfo = () => get<PlacesInfo>('places');
export async function placesNear(query: Record<string, string>): Promise<NearAnswer> {
  const response = await fetch('/api/places/near?' + new URLSearchParams(query).toString(), { credentials: 'same-origin' });
  if (response.status === 400) {
    const body = await response.json().catch(() => ({}));
    if (Array.isArray(body.choices)) throw new ChoicesError(body.error, 400, body.field, body.choices);
    if (body.reason === 'unknown_place') throw new UnknownPlaceError(body.error, body.suggestion ?? '');
    throw new ApiError(body.error ?? 'bad request', 400, body.field);
  }
  return reply<NearAnswer>(response);
}

// Getting a region's data (`plantar places get`), done by the server.
export interface OfferedRegion { path: string; name: string; parent: string }
export interface RegionsAnswer { source: string; offline: boolean; suggested: OfferedRegion | null; regions: OfferedRegion[] }
export interface GetState {
  state: 'idle' | 'checksum' | 'download' | 'import' | 'done' | 'failed';
  region?: string; done?: number; total?: number; read?: number; size?: number;
  name?: string; places?: number; named?: number; error?: string;
}
export const offeredRegions = (query: Record<string, string>) => get<RegionsAnswer>('places/regions', query);
export const getState = () => get<GetState>('places/get');
export const startGet = (region: string) => post<GetState>('places/get', { region });
