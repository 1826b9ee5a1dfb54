// Guide: the hands-free session. A big countdown, the step and its cue as
// captions, the foot map with the current area lit, a progress ring, what
// comes next, and big Back / Pause / Next buttons (space and arrow keys).
// The voice is the session's rendered audio in an <audio> element and the
// screen follows its current time, so it keeps going with the screen
// locked; the lock screen shows the step (Media Session) and the screen
// stays on while the page is visible (Wake Lock).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { learn, plan, type PlanRequest, type Region, type Routine } from '../api';
import { FootMap } from '../footmap';
import { StepView } from '../picture';
import { RatingSliders } from '../ratings';
import { audioElement, back, begin, hasDeviceVoice, finish, forget, next, phase, resumable, toggle, useLive, type Live } from '../live';
import { backgrounds, captionAt, lastRoutine, saveRoutine, speakingRates, stepAt, timeline, type Background, type Ratings } from '../session';
import { AudioClock } from '../clock';
import { VoiceFeed, lastWaits } from '../voice';
import { AfterRatings } from '../after';
import { bedtime, checkedToday, lastCheck, lastPlan, read, savePlan, write } from '../store';
import { VerdictSummary } from './check';
import { Pending, Title, minutes, useLoad } from '../ui';

export const clockText = (ms: number) => {
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
  const l = useLive(true);
  if (l) return l.ended === null ? <Running l={l} /> : <Done finished={l.ended} minutes={Math.round(l.routine.total_seconds / 60)} />;
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

function Session({ routine }: { routine: Routine }) {
  const plan = useLoad(() => Promise.all([timeline(routine), learn<Region[]>('regions')]));
  const saved = useMemo(() => { const r = resumable(); return r && JSON.stringify(r.routine) === JSON.stringify(routine) ? r : null; }, []);
  const [before, setBefore] = useState<Ratings>(saved?.before ?? read<Ratings>('before') ?? {});
  const [waited, setWaited] = useState(0);
  const [rate, setRate] = useState<number>(read<number>('rate') ?? 1);
  const [device, setDevice] = useState(() => hasDeviceVoice() && read<boolean>('deviceVoice') === true);
  // The voice is asked for as soon as the screen opens; Start works at once
  // and the guide speaks as soon as the session's opening is there.
  const [background, setBackground] = useState<Background>(() => backgrounds.find((b) => b === read<string>('background')) ?? 'none');
  const [volume, setVolume] = useState<number>(read<number>('backgroundVolume') ?? 0.2);
  const feed = useMemo(() => new VoiceFeed(routine, { rate, background, volume }), [rate, background, volume]);
  const [, redraw] = useState(0);
  useEffect(() => {
    setWaited(0);
    const asked = performance.now();
    const timer = setInterval(() => setWaited(Math.floor((performance.now() - asked) / 1000)), 1000);
    const changed = () => {
      const s = feed.state;
      if (s.state !== 'preparing') clearInterval(timer);
      if (s.state === 'first' || s.state === 'ready') audioElement(s.state === 'first' ? s.url : s.info.url);  // loading before Start
      redraw((n) => n + 1);
    };
    const off = feed.listen(changed);
    changed();
    return () => { clearInterval(timer); off(); };
  }, [feed]);
  const voice = feed.state;
  const rateBefore = (value: Ratings) => { setBefore(value); write('before', value); };

  if (!plan.value) return <section class="screen"><Title>Guided session</Title><Pending error={plan.error} /></section>;
  const [line, regions] = plan.value;
  const go = (at?: number) => {
    write('before', null);
    begin({
      routine, line, regions, before, voice: feed,
      voiceError: voice.state === 'failed' ? voice.error : '', at, start: at ? saved?.start : undefined,
      deviceVoice: device ? { rate } : undefined,
    });
  };
  const waits = lastWaits();
  const expected = waits.first ?? waits.whole;
  return (
    <section class="screen guide-before">
      <Title>Before you start</Title>
      {saved && (
        <div class="notice resume" role="status">
          <p>You stopped this session at {clockText(saved.ms)} of {clockText(line.total_ms)}.</p>
          <button class="big primary" type="button" onClick={() => go(saved.ms)}>Resume at {clockText(saved.ms)}</button>
        </div>
      )}
      <p class="lead">How do you feel right now? Move a slider to rate it, or leave them alone to skip.</p>
      {!checkedToday(lastCheck()) && (
        <p class="notice caution-note">No safety check today. <a href="#/check">Take it first</a> (1 minute): some health problems mean lighter pressure, or no massage at all.</p>
      )}
      <RatingSliders value={before} onChange={rateBefore} idPrefix="before" />
      <p class="field-row">
        <label for="speaking-rate">Speaking speed</label>{' '}
        <select id="speaking-rate" value={rate} onChange={(e) => { const r = Number((e.target as HTMLSelectElement).value); write('rate', r); setRate(r); }}>
          {speakingRates.map((r) => <option key={r} value={r}>{r === 1 ? 'Normal' : r < 1 ? `Slower (${r}×)` : `Faster (${r}×)`}</option>)}
        </select>
      </p>
      <p class="field-row">
        <label for="background-sound">Background sound</label>{' '}
        <select id="background-sound" value={background} onChange={(e) => { const b = (e.target as HTMLSelectElement).value as Background; write('background', b); setBackground(b); }}>
          <option value="none">None</option>
          <option value="brown">Soft noise, like far-off rain</option>
          <option value="tone">A slow, low hum</option>
        </select>
      </p>
      {background !== 'none' && (
        <p class="field-row">
          <label for="background-volume">Background volume</label>{' '}
          <input id="background-volume" type="range" min="0.05" max="1" step="0.05" value={volume}
            onChange={(e) => { const v = Number((e.target as HTMLInputElement).value); write('backgroundVolume', v); setVolume(v); }} />
        </p>
      )}
      {hasDeviceVoice() && (
        <p class="field-row">
          <label>
            <input type="checkbox" checked={device} onChange={(e) => { const on = (e.target as HTMLInputElement).checked; write('deviceVoice', on); setDevice(on); }} />{' '}
            Use this device's own voice instead. It stops when the screen locks, so keep the screen on.
          </label>
        </p>
      )}
      <p class="small">Sit comfortably with your feet within reach, and put the phone where you can see it. Stop if anything hurts.</p>
      {voice.state === 'preparing' && (
        <p class="notice" role="status"><span class="spinner" aria-hidden="true" /> Preparing the voice… {waited} s so far{expected ? ` (last time it took about ${Math.max(1, Math.round(expected))} s)` : ''}. You can start now: it speaks as soon as it is ready.</p>
      )}
      {voice.state === 'failed' && <p class="notice caution-note" role="alert">The voice could not be prepared ({voice.error}). The session will run silently with captions.</p>}
      <button class={saved ? 'big' : 'big primary'} type="button" onClick={() => { forget(); go(); }}>
        {saved ? 'Start over' : 'Start the session'}
      </button>
      <p class="small">Takes {minutes(routine.total_seconds)}, in {routine.steps.length} steps. <a href="#/plan/last">See or change the steps</a></p>
    </section>
  );
}

/// Keyboard hints only for people with a keyboard: a fine pointer, or a key pressed.
function useHasKeyboard() {
  const [has, setHas] = useState(() => typeof matchMedia === 'function' && matchMedia('(any-pointer: fine)').matches);
  useEffect(() => {
    if (has) return;
    const seen = () => setHas(true);
    addEventListener('keydown', seen, { once: true });
    return () => removeEventListener('keydown', seen);
  }, [has]);
  return has;
}

function Running({ l }: { l: Live }) {
  const { clock, line, regions } = l;
  const ms = clock.ms();
  const index = stepAt(line, ms);
  const step = index >= 0 ? line.steps[index] : null;
  const playing = clock.playing();
  const keyboard = useHasKeyboard();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (l.ended !== null || e.altKey || e.ctrlKey || e.metaKey || target.matches('input, textarea, select')) return;
      if (e.key === ' ' && !target.matches('button, a')) { e.preventDefault(); toggle(l); }
      if (e.key === 'ArrowLeft') { e.preventDefault(); back(l); }
      if (e.key === 'ArrowRight') { e.preventDefault(); next(l); }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [l]);

  const upcoming = line.steps[index >= 0 ? index + 1 : ms < line.intro_ms ? 0 : line.steps.length];
  const spanStart = step ? step.start_ms : ms < line.intro_ms ? 0 : line.total_ms - line.outro_ms;
  const spanEnd = step ? step.end_ms : ms < line.intro_ms ? line.intro_ms : line.total_ms;
  const fraction = spanEnd > spanStart ? (ms - spanStart) / (spanEnd - spanStart) : 1;
  const title = phase(l, ms);
  const lit = new Set(step ? [`${step.foot}:${step.region}`] : []);
  const where = step
    ? `Step ${index + 1} of ${line.steps.length}: ${step.foot} foot · ${step.area} · pressure ${step.pressure} of 5`
    : ms < line.intro_ms ? `Preparing: ${line.steps.length} steps to come` : `Finished all ${line.steps.length} steps: the last words`;
  return (
    <section class="screen guide">
      <Title>{title}</Title>
      <p class="where">{where}</p>
      <div class={`guide-main ${regions.find((r) => r.id === step?.region)?.view === 'side' ? 'side' : 'sole'}`}>
        <Ring fraction={fraction} label={clockText(spanEnd - ms)} />
        <StepView id={step ? l.routine.steps[index]?.technique : undefined} foot={step?.foot}><FootMap regions={regions} lit={lit} label={step ? `Foot map: the ${step.foot} ${step.area.toLowerCase()} is lit.` : 'Foot map.'} /></StepView>
      </div>
      <div class="controls">
        <button type="button" class="control" onClick={() => back(l)} aria-label="Back: start of this step or the one before">◀ Back</button>
        <button type="button" class="control primary" onClick={() => toggle(l)}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" class="control" onClick={() => next(l)} aria-label="Next step">Next ▶</button>
      </div>
      <p class="caption" aria-live="polite">{captionAt(line, ms)}</p>
      <p class="next-step">{upcoming ? <>Next: <strong>{upcoming.title}</strong>, {upcoming.foot} {upcoming.area.toLowerCase()}</> : 'Next: the end. Well done so far.'}</p>
      <div class="session-progress">
        <progress max={line.total_ms} value={ms} aria-label="Whole session" />
        <span>{clockText(ms)} of {clockText(line.total_ms)}</span>
      </div>
      {l.clock instanceof AudioClock && l.clock.waiting() && <p class="notice" role="status"><span class="spinner" aria-hidden="true" /> Getting the voice ready…</p>}
      {l.device && <p class="notice">This device's own voice is speaking: it stops when the screen locks.</p>}
      {!clock.voiced && !l.device && <p class="notice caution-note">No voice this time{l.voiceError ? ` (${l.voiceError})` : ''}: follow the captions.</p>}
      <p class="small">
        {keyboard && 'Keys: space pauses or plays, the arrows go back or on. '}
        <button type="button" class="link" onClick={() => finish(false)}>End the session now</button>
      </p>
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
      <AfterRatings />
      <div class="big-actions">
        <a class="big" href="#/insights"><strong>See how your sessions add up</strong></a>
        <a class="big" href="#/"><strong>Back home</strong></a>
      </div>
    </section>
  );
}
