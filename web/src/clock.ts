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

export class AudioClock implements SessionClock {
  readonly voiced = true;
  private listeners: (() => void)[] = [];
  private notify = () => this.listeners.forEach((fn) => fn());

  constructor(readonly audio: HTMLAudioElement, readonly total: number, speed: number) {
    audio.playbackRate = speed;
    audio.defaultPlaybackRate = speed;
    for (const type of ['play', 'pause', 'seeked', 'timeupdate', 'ended']) audio.addEventListener(type, this.notify);
  }
  ms() { return this.audio.ended ? this.total : Math.min(this.total, this.audio.currentTime * 1000); }
  playing() { return !this.audio.paused && !this.audio.ended; }
  play() { return this.audio.play(); }
  pause() { this.audio.pause(); }
  seek(ms: number) {
    this.audio.currentTime = Math.max(0, Math.min(this.total, ms)) / 1000;
    this.notify();
  }
  listen(fn: () => void) { this.listeners.push(fn); }
  destroy() {
    this.audio.pause();
    for (const type of ['play', 'pause', 'seeked', 'timeupdate', 'ended']) this.audio.removeEventListener(type, this.notify);
    this.listeners = [];
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
