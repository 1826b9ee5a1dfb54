// The running guided session, kept above the routes: its clock (the audio
// element lives in the document, not in a screen), the routine and the
// before-ratings. Any screen can show it (the mini-player) and the guide
// picks it up again. Its position is saved on this device every few seconds,
// so a reload or a closed tab can offer to resume.
import { useEffect, useState } from 'preact/hooks';
import type { Region, Routine } from './api';
import { AudioClock, SilentClock, maxAudioRate, type SessionClock } from './clock';
import { localStamp, savePending, stepAt, testSpeed, type Ratings, type Timeline } from './session';
import type { VoiceFeed } from './voice';
import { read, write } from './store';

export interface Live {
  routine: Routine; line: Timeline; regions: Region[]; clock: SessionClock; before: Ratings; start: string;
  voiceError: string;
  device: boolean;  // the browser's own voice speaks the cues
  ended: boolean | null;  // null: running; true: finished; false: stopped early
}

/// What is kept in storage to resume after a reload.
export interface Saved { routine: Routine; before: Ratings; start: string; ms: number; url: string; savedAt: number }

let live: Live | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((fn) => fn());

export const current = () => live;

// The last position, also when the tab is closed or reloaded.
addEventListener('pagehide', () => { if (live) remember(live); });

/// The saved session to resume, if one was left running (less than a day ago).
export function resumable(): Saved | null {
  const saved = read<Saved>('live');
  return saved && Date.now() - saved.savedAt < 24 * 3600 * 1000 && Array.isArray(saved.routine?.steps) ? saved : null;
}

export const forget = () => write('live', null);

function remember(l: Live) {
  if (l.ended !== null) return forget();
  const url = l.clock instanceof AudioClock ? l.clock.audio.getAttribute('src') ?? '' : '';
  write('live', { routine: l.routine, before: l.before, start: l.start, ms: Math.round(l.clock.ms()), url, savedAt: Date.now() });
}

/// The one audio element of the app, outside every screen; made (and
/// loading) as soon as the voice is ready, so Start plays at once. Without
/// a url (the voice is not there yet) it holds no file.
export function audioElement(url: string | null): HTMLAudioElement {
  let element = document.querySelector<HTMLAudioElement>('audio#session-audio');
  if (!element) {
    element = document.createElement('audio');
    element.id = 'session-audio';
    element.preload = 'auto';
    document.body.appendChild(element);
  }
  if (url === null) {
    if (element.hasAttribute('src')) { element.removeAttribute('src'); element.load(); }
  } else if (element.getAttribute('src') !== url) {
    element.src = url;
  }
  return element;
}

interface Begin {
  routine: Routine; line: Timeline; regions: Region[]; before: Ratings; voiceError: string;
  voice: VoiceFeed | null;  // the voice, ready or still coming; null: none
  at?: number; start?: string;
  deviceVoice?: { rate: number };  // speak the cues with the browser's own voice (Web Speech API)
}

/// True when this browser can speak by itself (the Web Speech API).
export const hasDeviceVoice = () => typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';

// Speaks each cue as the clock passes it. It stops when the screen locks
// (the page is then paused), which the guide says where it is offered.
function deviceSpeaker(clock: SessionClock, line: Timeline, rate: number) {
  let said = line.cues.findIndex((c) => c.at_ms > clock.ms()) - 1;
  if (said < -1) said = line.cues.length - 1;
  return () => {
    const ms = clock.ms();
    let due = -1;
    line.cues.forEach((c, i) => { if (c.at_ms <= ms) due = i; });
    if (!clock.playing()) { speechSynthesis.cancel(); said = due; return; }
    if (due === said) return;
    const fresh = due > said && ms - line.cues[due].at_ms < 1500;  // not after a seek far ahead
    said = due;
    const text = due >= 0 ? line.cues[due].text : '';
    if (fresh && text) {
      const words = new SpeechSynthesisUtterance(text);
      words.rate = rate;
      speechSynthesis.speak(words);
    }
  };
}

/// Starts (or resumes, from `at` ms) a session; plays silently with captions
/// if there is no voice or it will not play.
export function begin(b: Begin): Live {
  stop();
  const speed = testSpeed();
  const feed = b.voice && b.voice.state.state !== 'failed' ? b.voice : null;
  const voiced = feed !== null && !b.deviceVoice && speed <= maxAudioRate;
  const clock: SessionClock = voiced ? voiceClock(feed, b.line.total_ms, speed) : new SilentClock(b.line.total_ms, speed);
  const l: Live = { routine: b.routine, line: b.line, regions: b.regions, clock, before: b.before, start: b.start ?? localStamp(), voiceError: b.voiceError, device: !!b.deviceVoice && hasDeviceVoice(), ended: null };
  live = l;
  // On without the voice, from where it was, if the voice fails or will not play.
  const silently = (error: string) => { if (live === l) begin({ ...b, voice: null, voiceError: error || b.voiceError, at: clock.ms(), start: l.start }); };
  if (clock instanceof AudioClock && feed) follow(feed, clock, () => live === l, silently);
  let lastSaved = 0;
  const speak = b.deviceVoice && hasDeviceVoice() ? deviceSpeaker(clock, b.line, b.deviceVoice.rate) : null;
  clock.listen(() => {
    speak?.();
    const now = Date.now();
    if (now - lastSaved > 2000 || !clock.playing()) { lastSaved = now; remember(l); }
    if (l.ended === null && clock.ms() >= l.line.total_ms) finish(true);
    notify();
  });
  if (b.at) clock.seek(b.at);
  // The audio would not play (a codec or autoplay problem): go on silently.
  clock.play().catch(() => silently(''));
  remember(l);
  notify();
  return l;
}

// The audio clock for the voice as far as it has come: the whole file, the
// session's opening, or nothing yet.
function voiceClock(feed: VoiceFeed, total: number, speed: number): AudioClock {
  const s = feed.state;
  const url = s.state === 'ready' ? s.info.url : s.state === 'first' ? s.url : null;
  const until = s.state === 'ready' ? total : s.state === 'first' ? s.ms : 0;
  return new AudioClock(audioElement(url), total, speed, until);
}

// Hands the clock the rest of the voice as it comes.
function follow(feed: VoiceFeed, clock: AudioClock, current: () => boolean, silently: (error: string) => void) {
  clock.onFail = () => silently('');
  if (!feed.coming) return;
  const off = feed.listen(() => {
    const s = feed.state;
    if (!current()) return off();
    if (s.state === 'first') clock.continueWith(s.url, s.ms);
    else if (s.state === 'ready') { off(); clock.continueWith(s.info.url); }
    else if (s.state === 'failed') { off(); silently(s.error); }
  });
}

/// Drops the session (after it ended, or to start another).
export function stop() {
  if (hasDeviceVoice()) speechSynthesis.cancel();
  live?.clock.destroy();
  live = null;
  notify();
}

export function stepsDone(l: Live) {
  const now = l.clock.ms();
  return l.line.steps.filter((s) => s.end_ms <= now).length;
}

/// Ends the session and hands it to the journal for the after-ratings.
export function finish(finished: boolean) {
  const l = live;
  if (!l || l.ended !== null) return;
  l.ended = finished;  // first: pausing notifies the listeners again
  l.clock.pause();
  savePending({ routine: l.routine, before: l.before, start: l.start, end: localStamp(), finished, stepsDone: finished ? l.line.steps.length : stepsDone(l) });
  forget();
  notify();
}

/// Back: the start of this step, or within its first 3 seconds the one before.
export function back(l: Live) {
  const { clock, line } = l;
  const now = clock.ms();
  const i = stepAt(line, now);
  const starts = [0, ...line.steps.map((s) => s.start_ms)];
  const current = i >= 0 ? line.steps[i].start_ms : now >= line.intro_ms ? line.steps[line.steps.length - 1].start_ms : 0;
  const target = now - current > 3000 ? current : [...starts].reverse().find((s) => s < current) ?? 0;
  clock.seek(target);
}

export function next(l: Live) {
  const now = l.clock.ms();
  const later = l.line.steps.find((s) => s.start_ms > now);
  const outro = l.line.total_ms - l.line.outro_ms;
  if (later) l.clock.seek(later.start_ms);
  else if (now < outro) l.clock.seek(outro);
  else finish(true);
}

export const toggle = (l: Live) => (l.clock.playing() ? l.clock.pause() : l.clock.play().catch(() => undefined));

/// The step's name, or the intro and outro in words.
export function phase(l: Live, ms = l.clock.ms()): string {
  const i = stepAt(l.line, ms);
  if (i >= 0) return l.line.steps[i].title;
  return ms < l.line.intro_ms ? 'Getting ready' : 'Finishing';
}

/// The live session; re-renders on its events, and every frame while `frames` and playing.
export function useLive(frames = false): Live | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    let frame = 0;
    const redraw = () => setTick((n) => n + 1);
    const loop = () => { redraw(); if (frames && live?.clock.playing()) frame = requestAnimationFrame(loop); };
    const changed = () => { cancelAnimationFrame(frame); loop(); };
    listeners.add(changed);
    loop();
    const save = () => { if (live && document.visibilityState === 'hidden') remember(live); };
    document.addEventListener('visibilitychange', save);
    return () => { listeners.delete(changed); cancelAnimationFrame(frame); document.removeEventListener('visibilitychange', save); };
  }, [frames]);
  return live;
}
