// The session's voice as it gets ready. When the audio is not rendered yet,
// the server answers first with the session's opening (a few seconds of it,
// ready in about a second), then with the whole file; the guide can start
// speaking with the opening. How long each took is measured here, so what
// the screen says about the wait comes from this device, not a guess.
import { audio, type AudioInfo, type Voicing } from './session';
import type { Routine } from './api';
import { read, write } from './store';

export type VoiceState =
  | { state: 'preparing' }
  | { state: 'first'; url: string; ms: number }  // the opening is ready, the rest is coming
  | { state: 'ready'; info: AudioInfo }
  | { state: 'failed'; error: string };

export class VoiceFeed {
  state: VoiceState = { state: 'preparing' };
  private listeners = new Set<() => void>();
  private readonly asked = performance.now();

  constructor(routine: Routine, voicing: Voicing) {
    audio(routine, voicing, true).then((info) => {
      if (info.ready !== false || !info.first) return this.ready(info);
      this.set({ state: 'first', url: info.first.url, ms: Math.round(info.first.seconds * 1000) });
      write('voiceFirstWait', this.took());
      return audio(routine, voicing).then((whole) => this.ready(whole));
    }).catch((e: Error) => this.set({ state: 'failed', error: e.message }));
  }
  /// Calls `fn` on every change; returns the way to stop.
  listen(fn: () => void) { this.listeners.add(fn); return () => { this.listeners.delete(fn); }; }
  /// False once nothing more will come (ready or failed).
  get coming() { return this.state.state === 'preparing' || this.state.state === 'first'; }

  private took() { return (performance.now() - this.asked) / 1000; }
  private ready(info: AudioInfo) {
    if (info.rendered) write('voiceWait', this.took());
    this.set({ state: 'ready', info });
  }
  private set(state: VoiceState) { this.state = state; this.listeners.forEach((fn) => fn()); }
}

/// What the voice took to be ready last time it had to be made, measured on
/// this device: the opening (when the guide can start), and the whole file.
export const lastWaits = () => ({ first: read<number>('voiceFirstWait'), whole: read<number>('voiceWait') });
