// The running session outside the guide screen: a mini-player (the step, the
// time left, pause and return), the lock screen's controls (Media Session)
// and the screen kept on (Wake Lock), whatever screen is open.
import { useEffect } from 'preact/hooks';
import { AudioClock } from './clock';
import { back, next, phase, resumable, stop, toggle, useLive, type Live } from './live';

const clockText = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function Player({ onGuide }: { onGuide: boolean }) {
  const l = useLive(false);
  useEffect(() => { if (l && l.ended !== null && !onGuide) stop(); }, [l, l?.ended, onGuide]);
  if (!l) {
    const saved = onGuide ? null : resumable();
    return saved ? (
      <aside class="mini-player" aria-label="Guided session">
        <span class="mini-what">A session was left at {clockText(saved.ms)}</span>
        <a class="mini-return" href="#/guide">Resume</a>
      </aside>
    ) : null;
  }
  if (l.ended !== null) return null;
  return (
    <>
      <SessionHooks l={l} />
      {!onGuide && (
        <aside class="mini-player" aria-label="Guided session">
          <span class="mini-what"><strong>{phase(l)}</strong> · {clockText(l.line.total_ms - l.clock.ms())} left</span>
          <button type="button" class="mini-toggle" onClick={() => toggle(l)}>{l.clock.playing() ? 'Pause' : 'Play'}</button>
          <a class="mini-return" href="#/guide">Return</a>
        </aside>
      )}
    </>
  );
}

function SessionHooks({ l }: { l: Live }) {
  useMediaSession(l);
  useWakeLock(l);
  return null;
}

function useMediaSession(l: Live) {
  const { clock, line } = l;
  const session = 'mediaSession' in navigator ? navigator.mediaSession : null;
  useEffect(() => {
    if (!session) return;
    const actions: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => { clock.play().catch(() => undefined); }],
      ['pause', () => clock.pause()],
      ['nexttrack', () => next(l)],
      ['previoustrack', () => back(l)],
    ];
    for (const [action, handler] of actions) {
      try { session.setActionHandler(action, handler); } catch { /* not supported here */ }
    }
    return () => actions.forEach(([action]) => { try { session.setActionHandler(action, null); } catch { /* ignore */ } });
  }, [l]);
  const title = phase(l);
  useEffect(() => {
    if (!session || typeof MediaMetadata === 'undefined') return;
    session.metadata = new MediaMetadata({ title, artist: 'plantar', album: 'Guided foot massage' });
  }, [title]);
  const playing = clock.playing();
  useEffect(() => { if (session) session.playbackState = playing ? 'playing' : 'paused'; }, [playing]);
  const second = Math.floor(clock.ms() / 1000);
  useEffect(() => {
    if (!session?.setPositionState) return;
    try {
      const rate = clock instanceof AudioClock ? clock.audio.playbackRate : 1;
      session.setPositionState({ duration: line.total_ms / 1000, playbackRate: rate, position: Math.min(line.total_ms, clock.ms()) / 1000 });
    } catch { /* a position past the duration while seeking */ }
  }, [second, playing]);
}

/// Keeps the screen on while the session plays and the page is visible.
function useWakeLock(l: Live) {
  const { clock } = l;
  const playing = clock.playing();
  useEffect(() => {
    if (!('wakeLock' in navigator) || !playing) return;
    let lock: WakeLockSentinel | null = null;
    let live = true;
    const want = () => {
      if (!live || lock || document.visibilityState !== 'visible' || !clock.playing()) return;
      navigator.wakeLock.request('screen').then((w) => {
        if (!live) { w.release().catch(() => undefined); return; }
        lock = w;
        w.addEventListener('release', () => { lock = null; });
      }, () => undefined);  // refused (battery saver, no permission): the session goes on
    };
    want();
    document.addEventListener('visibilitychange', want);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', want);
      lock?.release().catch(() => undefined);
    };
  }, [clock, playing]);
}
