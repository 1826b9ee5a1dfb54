// Guide: the hands-free session. A big countdown, the step and its cue as
// captions, the foot map with the current area lit, a progress ring, what
// comes next, and big Back / Pause / Next buttons (space and arrow keys).
// The voice is the session's rendered audio in an <audio> element and the
// screen follows its current time, so it keeps going with the screen
// locked; the lock screen shows the step (Media Session) and the screen
// stays on while the page is visible (Wake Lock).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { learn, plan, type PlanRequest, type Region, type Routine } from '../api';
import { AudioClock, SilentClock, maxAudioRate, type SessionClock } from '../clock';
import { FootMap } from '../footmap';
import { StepView } from '../picture';
import { RatingSliders } from '../ratings';
import { audio, captionAt, lastRoutine, localStamp, savePending, saveRoutine, stepAt, testSpeed, timeline, type AudioInfo, type Ratings, type Timeline } from '../session';
import { bedtime, checkedToday, lastCheck, lastPlan, savePlan } from '../store';
import { VerdictSummary } from './check';
import { Pending, Title, minutes, useLoad } from '../ui';

const clockText = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

// #/guide/bedtime and #/guide/last plan first (with today's safety answers),
// so Home starts a session in two taps: the routine, then Start.
const presets: Record<string, () => PlanRequest | null> = {
  bedtime: () => bedtime(lastCheck()?.conditions ?? []),
  last: () => { const last = lastPlan(); return last && { ...last, conditions: lastCheck()?.conditions ?? [] }; },
};

export function Guide({ preset }: { preset?: string }) {
  const request = preset && presets[preset] ? presets[preset]() : null;
  return request ? <Planned request={request} /> : <Saved />;
}

function Planned({ request }: { request: PlanRequest }) {
  const made = useLoad(() => plan(request).then((routine) => { savePlan(request); saveRoutine(routine); return routine; }));
  if (!made.value) return <section class="screen"><Title>Guided session</Title><Pending error={made.error} /></section>;
  if (made.value.steps.length === 0) {
    return (
      <section class="screen">
        <VerdictSummary screening={made.value.verdict} />
        <p class="actions"><a class="big" href="#/check">Answer the safety check again</a></p>
      </section>
    );
  }
  return <Session routine={made.value} />;
}

function Saved() {
  const routine = useMemo(lastRoutine, []);
  if (!routine || routine.steps.length === 0) {
    return (
      <section class="screen">
        <Title>Guided session</Title>
        <p class="lead">Pick a routine first; the guide then talks you through it, step by step.</p>
        <div class="big-actions">
          <a class="big primary" href="#/plan/bedtime"><strong>5 minutes before bed</strong></a>
          <a class="big" href="#/plan"><strong>Make my own routine</strong></a>
        </div>
      </section>
    );
  }
  return <Session routine={routine} />;
}

type Voice = { state: 'preparing' } | { state: 'ready'; info: AudioInfo } | { state: 'failed'; error: string };

function Session({ routine }: { routine: Routine }) {
  const plan = useLoad(() => Promise.all([timeline(routine), learn<Region[]>('regions')]));
  const [voice, setVoice] = useState<Voice>({ state: 'preparing' });
  const [before, setBefore] = useState<Ratings>({});
  const [clock, setClock] = useState<SessionClock | null>(null);
  const [start, setStart] = useState('');
  const audioRef = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    audio(routine).then((info) => setVoice({ state: 'ready', info }), (e: Error) => setVoice({ state: 'failed', error: e.message }));
  }, []);
  useEffect(() => () => clock?.destroy(), [clock]);

  if (!plan.value) return <section class="screen"><Title>Guided session</Title><Pending error={plan.error} /></section>;
  const [line, regions] = plan.value;
  const speed = testSpeed();
  const begin = () => {
    const element = audioRef.current;
    const voiced = voice.state === 'ready' && element !== null && speed <= maxAudioRate;
    const next: SessionClock = voiced ? new AudioClock(element, line.total_ms, speed) : new SilentClock(line.total_ms, speed);
    setStart(localStamp());
    setClock(next);
    next.play().catch(() => {
      // The audio would not play (a codec or autoplay problem): go on silently.
      const silent = new SilentClock(line.total_ms, speed);
      setClock(silent);
      silent.play();
    });
  };
  const seconds = Math.max(5, Math.round(routine.total_seconds / 60));  // measured: about 1 s a minute
  return (
    <>
      {voice.state === 'ready' && <audio ref={audioRef} src={voice.info.url} preload="auto" />}
      {clock ? (
        <Running clock={clock} line={line} regions={regions} routine={routine} before={before} start={start} voiceError={voice.state === 'failed' ? voice.error : ''} />
      ) : (
        <section class="screen guide-before">
          <Title>Before you start</Title>
          <p class="lead">How do you feel right now? Move a slider to rate it, or leave them alone to skip.</p>
          {!checkedToday(lastCheck()) && (
            <p class="notice caution-note">No safety check today. <a href="#/check">Take it first</a> (1 minute): some health problems mean lighter pressure, or no massage at all.</p>
          )}
          <RatingSliders value={before} onChange={setBefore} idPrefix="before" />
          <p class="small">Sit comfortably with your feet within reach, and put the phone where you can see it. Stop if anything hurts.</p>
          {voice.state === 'preparing' && <p class="notice" role="status"><span class="spinner" aria-hidden="true" /> Preparing the voice… (about {seconds} s)</p>}
          {voice.state === 'failed' && <p class="notice caution-note" role="alert">The voice could not be prepared ({voice.error}). The session will run silently with captions.</p>}
          <button class="big primary" type="button" disabled={voice.state === 'preparing'} onClick={begin}>
            {voice.state === 'preparing' ? 'Preparing the voice…' : 'Start the session'}
          </button>
          <p class="small">Takes {minutes(routine.total_seconds)}, in {routine.steps.length} steps. <a href="#/plan/last">See or change the steps</a></p>
        </section>
      )}
    </>
  );
}

interface RunningProps {
  clock: SessionClock; line: Timeline; regions: Region[]; routine: Routine; before: Ratings; start: string; voiceError: string;
}

function Running({ clock, line, regions, routine, before, start, voiceError }: RunningProps) {
  const [, setTick] = useState(0);
  const [ended, setEnded] = useState<boolean | null>(null);  // null: running; true: finished; false: stopped early
  const ms = clock.ms();
  const index = stepAt(line, ms);
  const step = index >= 0 ? line.steps[index] : null;
  const playing = clock.playing();

  // Redraw on the clock's events, and every frame while playing.
  useEffect(() => {
    let frame = 0;
    const redraw = () => setTick((n) => n + 1);
    const loop = () => { redraw(); if (clock.playing()) frame = requestAnimationFrame(loop); };
    clock.listen(() => { cancelAnimationFrame(frame); loop(); });
    loop();
    return () => cancelAnimationFrame(frame);
  }, [clock]);

  useEffect(() => { if (ended === null && ms >= line.total_ms) finish(true); }, [ms >= line.total_ms]);
  useMediaSession(clock, line, step?.title ?? (ms < line.intro_ms ? 'Getting ready' : 'Finishing'), back, next);
  useWakeLock(clock, playing);

  function stepsDone() {
    const now = clock.ms();
    return line.steps.filter((s) => s.end_ms <= now).length;
  }
  function finish(finished: boolean) {
    clock.pause();
    savePending({ routine, before, start, end: localStamp(), finished, stepsDone: finished ? line.steps.length : stepsDone() });
    setEnded(finished);
  }
  function back() {
    const now = clock.ms();
    const i = stepAt(line, now);
    const starts = [0, ...line.steps.map((s) => s.start_ms)];
    const current = i >= 0 ? line.steps[i].start_ms : now >= line.intro_ms ? line.steps[line.steps.length - 1].start_ms : 0;
    // Within the first 3 seconds of a step, Back goes to the one before.
    const target = now - current > 3000 ? current : [...starts].reverse().find((s) => s < current) ?? 0;
    clock.seek(target);
  }
  function next() {
    const now = clock.ms();
    const later = line.steps.find((s) => s.start_ms > now);
    const outro = line.total_ms - line.outro_ms;
    if (later) clock.seek(later.start_ms);
    else if (now < outro) clock.seek(outro);
    else finish(true);
  }
  const toggle = () => (clock.playing() ? clock.pause() : clock.play().catch(() => undefined));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (ended !== null || e.altKey || e.ctrlKey || e.metaKey || target.matches('input, textarea, select')) return;
      if (e.key === ' ' && !target.matches('button, a')) { e.preventDefault(); toggle(); }
      if (e.key === 'ArrowLeft') { e.preventDefault(); back(); }
      if (e.key === 'ArrowRight') { e.preventDefault(); next(); }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [clock, ended]);

  if (ended !== null) return <Done finished={ended} minutes={Math.round(routine.total_seconds / 60)} />;

  const upcoming = line.steps[index >= 0 ? index + 1 : ms < line.intro_ms ? 0 : line.steps.length];
  const spanStart = step ? step.start_ms : ms < line.intro_ms ? 0 : line.total_ms - line.outro_ms;
  const spanEnd = step ? step.end_ms : ms < line.intro_ms ? line.intro_ms : line.total_ms;
  const fraction = spanEnd > spanStart ? (ms - spanStart) / (spanEnd - spanStart) : 1;
  const title = step?.title ?? (ms < line.intro_ms ? 'Getting ready' : 'Finishing');
  const lit = new Set(step ? [`${step.foot}:${step.region}`] : []);
  return (
    <section class="screen guide">
      <Title>{title}</Title>
      <p class="where">{step ? `${step.foot} foot · ${step.area} · pressure ${step.pressure} of 5` : `Step ${Math.min(index + 1, line.steps.length)} of ${line.steps.length}`}</p>
      <div class={`guide-main ${regions.find((r) => r.id === step?.region)?.view === 'side' ? 'side' : 'sole'}`}>
        <Ring fraction={fraction} label={clockText(spanEnd - ms)} />
        <StepView id={step ? routine.steps[index]?.technique : undefined} foot={step?.foot}><FootMap regions={regions} lit={lit} label={step ? `Foot map: the ${step.foot} ${step.area.toLowerCase()} is lit.` : 'Foot map.'} /></StepView>
      </div>
      <div class="controls">
        <button type="button" class="control" onClick={back} aria-label="Back: start of this step or the one before">◀ Back</button>
        <button type="button" class="control primary" onClick={toggle}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" class="control" onClick={next} aria-label="Next step">Next ▶</button>
      </div>
      <p class="caption" aria-live="polite">{captionAt(line, ms)}</p>
      <p class="next-step">{upcoming ? <>Next: <strong>{upcoming.title}</strong>, {upcoming.foot} {upcoming.area.toLowerCase()}</> : 'Next: the end. Well done so far.'}</p>
      <div class="session-progress">
        <progress max={line.total_ms} value={ms} aria-label="Whole session" />
        <span>{clockText(ms)} of {clockText(line.total_ms)}</span>
      </div>
      {!clock.voiced && <p class="notice caution-note">No voice this time{voiceError ? ` (${voiceError})` : ''}: follow the captions.</p>}
      <p class="small">Keys: space pauses or plays, the arrows go back or on. <button type="button" class="link" onClick={() => finish(false)}>End the session now</button></p>
    </section>
  );
}

/// The step's progress as a ring around the countdown.
function Ring({ fraction, label }: { fraction: number; label: string }) {
  const r = 52;
  const c = 2 * Math.PI * r;
  const done = Math.max(0, Math.min(1, fraction));
  return (
    <div class="ring">
      <svg viewBox="0 0 120 120" aria-hidden="true" focusable="false">
        <circle cx="60" cy="60" r={r} class="ring-track" />
        <circle cx="60" cy="60" r={r} class="ring-done" stroke-dasharray={`${c.toFixed(2)}`} stroke-dashoffset={(c * (1 - done)).toFixed(2)} transform="rotate(-90 60 60)" />
      </svg>
      <span class="countdown" role="timer" aria-label={`${label} left in this step`}>{label}</span>
    </div>
  );
}

function Done({ finished, minutes }: { finished: boolean; minutes: number }) {
  return (
    <section class="screen guide-done">
      <Title>{finished ? 'Well done' : 'Session ended'}</Title>
      <p class="lead">{finished ? `That was your ${minutes}-minute routine. Take a moment before you get up.` : 'You can rate how it went all the same.'}</p>
      <div class="big-actions">
        <a class="big primary" href="#/journal"><strong>How do you feel now?</strong><span>Rate it in your journal (30 seconds)</span></a>
        <a class="big" href="#/"><strong>Back home</strong></a>
      </div>
    </section>
  );
}

function useMediaSession(clock: SessionClock, line: Timeline, title: string, back: () => void, next: () => void) {
  const session = 'mediaSession' in navigator ? navigator.mediaSession : null;
  useEffect(() => {
    if (!session) return;
    const actions: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => { clock.play().catch(() => undefined); }],
      ['pause', () => clock.pause()],
      ['nexttrack', () => next()],
      ['previoustrack', () => back()],
    ];
    for (const [action, handler] of actions) {
      try { session.setActionHandler(action, handler); } catch { /* not supported here */ }
    }
    return () => actions.forEach(([action]) => { try { session.setActionHandler(action, null); } catch { /* ignore */ } });
  }, [clock]);
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
function useWakeLock(clock: SessionClock, playing: boolean) {
  useEffect(() => {
    if (!('wakeLock' in navigator) || !playing) return;
    let lock: WakeLockSentinel | null = null;
    let live = true;
    const want = () => {
      if (!live || lock || document.visibilityState !== 'visible' || !clock.playing()) return;
      navigator.wakeLock.request('screen').then((l) => {
        if (!live) { l.release().catch(() => undefined); return; }
        lock = l;
        l.addEventListener('release', () => { lock = null; });
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
