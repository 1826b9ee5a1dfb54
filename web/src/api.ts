// The plantar JSON API (the same shapes as `plantar ... --json`). Every
// state-changing request carries the CSRF token from GET /api/session.

export type Verdict = 'go' | 'caution' | 'stop';
export interface Reason { condition: string; message: string; sources: string[] }
export interface Screening {
  verdict: Verdict; urgent: boolean; max_pressure: number;
  avoid: string[]; avoid_techniques: string[]; reasons: Reason[];
}
export interface Step {
  technique: string; foot: 'left' | 'right'; region: string;
  seconds: number; pressure: number; cue: string; goals: string[];
}
export interface Routine { verdict: Screening; total_seconds: number; steps: Step[]; notes: string[] }
export interface ConditionReport { id: string; severity?: string; at?: string[] }
export interface PlanRequest {
  goals: string[]; minutes: number; feet: 'both' | 'left' | 'right';
  giver: 'self' | 'partner'; tools: string[]; conditions: ConditionReport[];
}
export interface Condition {
  id: string; name: string; question: string; signs: string[]; local: boolean; severities: string[];
  rule: { verdict: Verdict; urgent: boolean; message: string };
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

let token: Promise<string> | null = null;

function sessionToken(): Promise<string> {
  token ??= fetch('/api/session', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((s: { token: string }) => s.token)
    .catch((e) => { token = null; throw e; });
  return token;
}

async function reply<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(body.error ?? `request failed (${response.status})`, response.status, body.field);
  return body as T;
}

/// GET, fresh every time (the journal changes).
export const get = <T,>(path: string): Promise<T> =>
  fetch('/api/' + path, { credentials: 'same-origin', cache: 'no-store' }).then((r) => reply<T>(r));

const cache = new Map<string, Promise<unknown>>();

/// GET, remembered for the life of the page (knowledge does not change).
export function learn<T>(path: string): Promise<T> {
  if (!cache.has(path)) {
    const p = fetch('/api/' + path, { credentials: 'same-origin' }).then((r) => reply<T>(r));
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
  if (response.status === 403) { token = null; response = await send(); }  // the server restarted
  return reply<T>(response);
}

export const check = (conditions: ConditionReport[]) => post<Screening>('check', { conditions });
export const plan = (request: PlanRequest) => post<Routine>('plan', request);
