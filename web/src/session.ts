// The guided session and the journal on the web: the timeline and audio of a
// routine (/api/timeline, /api/audio), the journal's API, and what the guide
// hands to the journal on this device (localStorage).
import { get, post, type Routine } from './api';
import { read, write } from './store';

export interface StepSpan {
  start_ms: number; end_ms: number; title: string; foot: 'left' | 'right'; region: string;
  area: string; pressure: number; cue: string;
}
export interface Cue { at_ms: number; kind: string; text: string; step: number }
export interface Timeline { intro_ms: number; outro_ms: number; total_ms: number; steps: StepSpan[]; cues: Cue[] }
export interface AudioInfo {
  id: string; url: string; seconds: number; rendered: boolean; render_seconds: number;
  ready?: boolean;  // false: only `first` (the session's opening) is there yet
  first?: { url: string; seconds: number };
}

export const measures = ['stress', 'pain', 'tension'] as const;
export type Ratings = Partial<Record<(typeof measures)[number], number>>;
export interface SoreSpot { foot: 'left' | 'right'; region: string; x: number; y: number; intensity: number }
export interface JournalSession {
  id: number; start: string; end: string | null; minutes: number | null; goals: string[]; techniques: string[];
  steps_total: number | null; steps_done: number | null; finished: boolean; stop_reason: string;
  before: Ratings; after: Ratings; morning: Record<string, number>; sore: SoreSpot[]; note: string;
}
export interface Summary { n: number; mean: number | null; sd: number | null }
export interface MeasureStats {
  measure: string; before: Summary; after: Summary; change: Summary; weeks: { week: string; n: number; mean: number }[];
}
export interface Stats {
  sessions: number; finished: number; first: string | null; last: string | null; measures: MeasureStats[];
  streaks: { current: number; longest: number; days: number }; note: string;
}

export const timeline = (routine: Routine) => post<Timeline>('timeline', routine);
/// How the session is voiced: the speaking rate, 0.8 (slower) to 1.2, and
/// an optional soft sound under the voice with its volume (0 to 1).
export interface Voicing { rate: number; background: Background; volume: number }
export const backgrounds = ['none', 'brown', 'tone'] as const;
export type Background = (typeof backgrounds)[number];

/// The session's voice. With `first`, an audio still to be made answers
/// with its opening first.
export const audio = (routine: Routine, v: Voicing = { rate: 1, background: 'none', volume: 0.2 }, first = false) => {
  const query = [
    v.rate === 1 ? '' : `rate=${v.rate}`,
    v.background === 'none' ? '' : `background=${v.background}&background_volume=${v.volume}`,
    first ? 'first=1' : '',
  ].filter(Boolean).join('&');
  return post<AudioInfo>(query ? `audio?${query}` : 'audio', routine);
};
export const speakingRates = [0.8, 0.9, 1, 1.1, 1.2] as const;
export const history = (last = 60) => get<{ sessions: JournalSession[] }>('journal', { last: String(last) });
export const stats = () => get<Stats>('stats');
export const record = (session: Partial<JournalSession> & { routine?: Routine }) =>
  post<JournalSession>('journal', session);

/// The index of the step playing at `ms`, or -1 in the intro and outro.
export function stepAt(t: Timeline, ms: number): number {
  return t.steps.findIndex((s) => ms >= s.start_ms && ms < s.end_ms);
}

/// The words being said at `ms`: the last spoken cue that has started.
export function captionAt(t: Timeline, ms: number): string {
  let text = '';
  for (const c of t.cues) {
    if (c.at_ms > ms) break;
    if (c.text) text = c.text;
  }
  return text;
}

/// Local time as the journal writes it: 2026-11-20T21:30:00.
export function localStamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}

/// A session the guide ran, waiting for its after-ratings in the journal.
export interface Pending {
  routine: Routine; before: Ratings; start: string; end: string; finished: boolean; stepsDone: number;
}

export const lastRoutine = () => read<Routine>('routine');
export const saveRoutine = (routine: Routine) => write('routine', routine);
export const pending = () => read<Pending>('pending');
export const savePending = (p: Pending | null) => write('pending', p);

/// Tests speed the session clock up: localStorage plantar.testSpeed = "16".
export function testSpeed(): number {
  const speed = Number(read<number>('testSpeed') ?? 1);
  return Number.isFinite(speed) && speed > 0 ? Math.min(speed, 1000) : 1;
}

/// The next morning's check-in (sleep, first-step heel pain), as `plantar log --morning`.
export const morningMeasures = ['sleep', 'heel_pain'] as const;
export type Morning = Partial<Record<(typeof morningMeasures)[number], number>>;
export const recordMorning = (morning: Morning & { session?: number }) =>
  post<JournalSession>('journal/morning', morning);
