// The guided session's clock. With the voice, the clock IS the audio
// element's current time, so the screen follows what is said and the
// session keeps going with the screen locked; without it (the audio failed),
// a silent clock on performance.now() keeps the captions going.
export interface SessionClock {
  readonly total: number;                  // ms
  readonly voiced: boolean;
  ms(): number;
  playing(): boolean;
  play(): Promise<void>;
  pause(): void;
  seek(ms: number): void;
  /// Called on play, pause, seek, the audio's timeupdate and the end.
  listen(fn: () => void): void;
  destroy(): void;
}

/// Browsers play media at up to 16 times normal speed.
export const maxAudioRate = 16;

/// The voice, in the audio element. The file can come in two goes: first the
/// session's opening (so it speaks at once), then the whole file, taken up
/// at the same position where the opening ends (in a quiet moment). Until a
/// file is there, or past the end of the opening, the clock holds its
/// position and says it is waiting.
export class AudioClock implements SessionClock {
  readonly voiced = true;
  private listeners: (() => void)[] = [];
  private notify = () => this.listeners.forEach((fn) => fn());
  private held: number | null = null;  // the position while waiting for more of the voice
  private holds = 0;                   // counts holds: a late play() must not end a newer one
  private wanted = false;              // play once it is there
  private next: { url: string; until: number } | null = null;
  /// Called if a file that came later will not play.
  onFail: () => void = () => undefined;

  /// `until`: how much of the session the element's file holds (ms; 0 while none).
  constructor(readonly audio: HTMLAudioElement, readonly total: number, speed: number, private until = total) {
    audio.playbackRate = speed;
    audio.defaultPlaybackRate = speed;
    for (const type of ['play', 'pause', 'seeked', 'timeupdate']) audio.addEventListener(type, this.notify);
    audio.addEventListener('ended', this.ended);
    audio.dataset.part = until >= total ? 'whole' : 'first';
    if (until <= 0) this.held = 0;
  }
  ms() {
    if (this.held !== null) return this.held;
    return this.audio.ended ? Math.min(this.total, this.until) : Math.min(this.total, this.audio.currentTime * 1000);
  }
  playing() { return this.held !== null ? this.wanted : !this.audio.paused && !this.audio.ended; }
  /// True while the voice for the current position is still being prepared.
  waiting() { return this.held !== null && this.wanted; }
  play() {
    if (this.held === null) return this.audio.play().catch(this.aborted);
    this.wanted = true;
    this.notify();
    return Promise.resolve();
  }
  pause() {
    if (this.held === null) return this.audio.pause();
    this.wanted = false;
    this.notify();
  }
  seek(ms: number) {
    const to = Math.max(0, Math.min(this.total, ms));
    if (to >= this.until && this.until < this.total) {
      // Past what has come: wait there for the rest.
      if (this.held === null) this.wanted = !this.audio.paused && !this.audio.ended;
      this.hold(to);
      this.audio.pause();
      if (this.next) this.swap();  // the rest came while the opening played
    } else {
      if (this.held !== null) { this.held = null; if (this.wanted) this.audio.play().catch(this.failed); }
      this.audio.currentTime = to / 1000;
    }
    this.notify();
  }
  /// The next file: it holds the session up to `until` ms (all of it by default).
  continueWith(url: string, until = this.total) {
    this.next = { url, until };
    if (this.held !== null) this.swap();
  }
  listen(fn: () => void) { this.listeners.push(fn); }
  destroy() {
    this.audio.pause();
    for (const type of ['play', 'pause', 'seeked', 'timeupdate']) this.audio.removeEventListener(type, this.notify);
    this.audio.removeEventListener('ended', this.ended);
    this.listeners = [];
  }

  // A play cut short by a pause or the next file (AbortError) is no failure:
  // the clock holds its place, or that file plays.
  private failed = (e: Error) => { if (e?.name !== 'AbortError') this.onFail(); };
  private aborted = (e: Error) => { if (e?.name !== 'AbortError') throw e; };
  private hold(at: number) { this.held = at; this.holds++; }
  private ended = () => {
    if (this.until >= this.total) return this.notify();
    // The opening is over: hold here until the rest comes (or take it up now).
    this.hold(this.until);
    this.wanted = true;
    if (this.next) this.swap();
    this.notify();
  };
  private swap() {
    const { url, until } = this.next!;
    const at = this.held ?? this.audio.currentTime * 1000;
    this.next = null;
    if (at >= until && until < this.total) return;  // still not far enough
    this.until = until;
    this.audio.dataset.part = until >= this.total ? 'whole' : 'first';
    this.audio.src = url;  // its playback rate comes back from defaultPlaybackRate
    this.audio.currentTime = at / 1000;
    // Playing from here, unless a seek past what has come held the clock meanwhile.
    const holds = this.holds;
    const release = () => { if (this.holds === holds) this.held = null; this.notify(); };
    if (this.wanted) {
      this.audio.play().then(release, (e: Error) => { release(); this.failed(e); });
    } else {
      this.audio.addEventListener('loadedmetadata', release, { once: true });
    }
  }
}

export class SilentClock implements SessionClock {
  readonly voiced = false;
  private base = 0;
  private startedAt: number | null = null;
  private timer = 0;
  private listeners: (() => void)[] = [];
  private notify = () => this.listeners.forEach((fn) => fn());

  constructor(readonly total: number, private speed: number) {}
  ms() {
    const ms = this.startedAt === null ? this.base : this.base + (performance.now() - this.startedAt) * this.speed;
    return Math.min(this.total, ms);
  }
  playing() { return this.startedAt !== null; }
  play() {
    if (this.startedAt === null && this.ms() < this.total) {
      this.startedAt = performance.now();
      // A coarse tick so the end is noticed even when no frame is drawn.
      this.timer = window.setInterval(() => {
        if (this.ms() >= this.total) this.pause();
        this.notify();
      }, 250);
    }
    this.notify();
    return Promise.resolve();
  }
  pause() {
    this.base = this.ms();
    this.startedAt = null;
    window.clearInterval(this.timer);
    this.notify();
  }
  seek(ms: number) {
    this.base = Math.max(0, Math.min(this.total, ms));
    if (this.startedAt !== null) this.startedAt = performance.now();
    this.notify();
  }
  listen(fn: () => void) { this.listeners.push(fn); }
  destroy() { window.clearInterval(this.timer); this.listeners = []; }
}
