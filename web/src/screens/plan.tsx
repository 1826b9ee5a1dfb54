// Plan: goals, minutes, feet, tools and who gives the massage; the routine
// as a readable list with the foot map. A stop verdict shows no steps.
import { useEffect, useRef, useState } from 'preact/hooks';
import { learn, plan, type Condition, type Goal, type PlanRequest, type Region, type Routine, type Step, type Technique, type Tool } from '../api';
import { bedtime, checkedToday, lastCheck, lastPlan, savePlan } from '../store';
import { FootMap } from '../footmap';
import { saveRoutine } from '../session';
import { Pending, Title, minutes, useLoad, words } from '../ui';
import { Chip, VerdictSummary } from './check';
import { Picture } from '../picture';

interface Knowledge { goals: Goal[]; tools: Tool[]; techniques: Technique[]; regions: Region[]; conditions: Condition[] }

const loadKnowledge = () => Promise.all([
  learn<Goal[]>('learn/goals'), learn<Tool[]>('learn/tools'), learn<Technique[]>('learn/techniques'), learn<Region[]>('regions'),
  learn<Condition[]>('learn/conditions'),
]).then(([goals, tools, techniques, regions, conditions]) => ({ goals, tools, techniques, regions, conditions }));

const title = (preset?: string) => (preset === 'bedtime' ? 'Before bed: 5 minutes' : 'Your routine');

export function Plan({ preset }: { preset?: string }) {
  const data = useLoad(loadKnowledge);
  if (!data.value) return <section class="screen"><Title>{title(preset)}</Title><Pending error={data.error} /></section>;
  return <PlanForm kb={data.value} preset={preset} key={preset ?? ''} />;
}

function initial(preset?: string): PlanRequest {
  const conditions = lastCheck()?.conditions ?? [];
  if (preset === 'bedtime') return bedtime(conditions);
  const last = lastPlan();
  return last ? { ...last, conditions } : { goals: ['relax'], minutes: 10, feet: 'both', giver: 'self', tools: [], conditions };
}

function PlanForm({ kb, preset }: { kb: Knowledge; preset?: string }) {
  const [request, setRequest] = useState<PlanRequest>(() => initial(preset));
  const [result, setResult] = useState<{ routine?: Routine; error?: string; busy?: boolean }>({});
  const set = (change: Partial<PlanRequest>) => setRequest({ ...request, ...change });
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const make = (r: PlanRequest) => {
    setResult({ busy: true });
    plan(r).then((routine) => { savePlan(r); setResult({ routine }); }, (e: Error) => setResult({ error: e.message }));
  };
  useEffect(() => { if (preset) make(request); }, []);
  const checked = checkedToday(lastCheck());

  return (
    <section class="screen plan">
      <Title>{title(preset)}</Title>
      {!checked && (
        <p class="notice caution-note">No safety check today. <a href="#/check">Take it first</a> (1 minute) so the routine fits you.</p>
      )}
      {checked && request.conditions.length > 0 && (
        <p class="notice">Following your safety check: {request.conditions.map((c) => kb.conditions.find((k) => k.id === c.id)?.name.toLowerCase() ?? words(c.id)).join(', ')}.</p>
      )}
      {result.routine && <RoutineView routine={result.routine} kb={kb} />}
      {preset && !result.routine && !result.error ? (
        <p class="notice" role="status">Making your routine…</p>
      ) : result.routine?.steps.length === 0 ? (
        <p class="actions"><a class="big" href="#/check">Answer the safety check again</a></p>
      ) : <form class="plan-form" onSubmit={(e) => { e.preventDefault(); make(request); }}>
        <h2>{result.routine ? 'Change it' : 'What would you like?'}</h2>
        <fieldset>
          <legend>Goals</legend>
          <div class="chips">
            {kb.goals.map((g) => (
              <Chip key={g.id} on={request.goals.includes(g.id)} onClick={() => set({ goals: toggle(request.goals, g.id) })}>{g.name}</Chip>
            ))}
          </div>
        </fieldset>
        <label class="slider">
          <span>How long: <output>{request.minutes} minutes</output></span>
          <input type="range" min={3} max={60} step={1} value={request.minutes}
            onInput={(e) => set({ minutes: Number((e.target as HTMLInputElement).value) })} />
        </label>
        <fieldset>
          <legend>Feet</legend>
          <div class="segmented">
            {(['both', 'left', 'right'] as const).map((f) => (
              <label key={f}><input type="radio" name="feet" checked={request.feet === f} onChange={() => set({ feet: f })} /> {f === 'both' ? 'both feet' : `${f} foot`}</label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Who gives the massage?</legend>
          <div class="segmented">
            <label><input type="radio" name="giver" checked={request.giver === 'self'} onChange={() => set({ giver: 'self' })} /> I do, on my own feet</label>
            <label><input type="radio" name="giver" checked={request.giver === 'partner'} onChange={() => set({ giver: 'partner' })} /> A partner does</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>What do you have?</legend>
          <div class="chips">
            {kb.tools.map((t) => (
              <Chip key={t.id} on={request.tools.includes(t.id)} onClick={() => set({ tools: toggle(request.tools, t.id) })}>{t.name}</Chip>
            ))}
          </div>
        </fieldset>
        <button class="big primary" type="submit" disabled={result.busy}>{result.routine ? 'Make it again' : 'Make my routine'}</button>
        {result.error && <p class="notice error" role="alert">{result.error}</p>}
      </form>}
    </section>
  );
}

// How hard, or for a stretch how far and how long to hold.
function how(s: Step): string {
  const plain = (text: string) => text.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
  if (s.kind === 'stretch' && s.hold_seconds) return `stretch to ${plain(s.stretch_to ?? 'a gentle pull')}, hold ${s.hold_seconds} seconds`;
  if (s.kind === 'movement') return 'movement, no pressure';
  return `pressure ${s.pressure} of 5${s.pressure_words ? `: ${plain(s.pressure_words)}` : ''}`;
}

interface Group { title: string; start: number; steps: { step: Step; at: number }[] }

// The routine as a session reads: each foot's warm-up, main work and finish,
// then the calf stretches together at the end (standing, after "now stand up").
function phaseGroups(steps: Step[]): Group[] {
  const phaseName = { warmup: 'warm-up', main: 'main work', finish: 'finish' };
  const groups: Group[] = [];
  let at = 0;
  let finishing = false;
  for (const s of steps) {
    finishing = finishing || s.technique === 'calf_stretch';
    const title = finishing
      ? (s.standing ? 'To finish, standing' : 'To finish')
      : `${s.foot === 'left' ? 'Left' : 'Right'} foot: ${phaseName[s.phase ?? 'main']}`;
    const last = groups[groups.length - 1];
    if (last && last.title === title) last.steps.push({ step: s, at });
    else groups.push({ title, start: at, steps: [{ step: s, at }] });
    at += s.seconds;
  }
  return groups;
}

function RoutineView({ routine, kb }: { routine: Routine; kb: Knowledge }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => { ref.current?.focus(); if (routine.steps.length) saveRoutine(routine); }, [routine]);
  if (routine.steps.length === 0) {
    return (
      <div class="routine blocked">
        <h2 tabIndex={-1} ref={ref}>No routine today</h2>
        <VerdictSummary screening={routine.verdict} heading={false} />
      </div>
    );
  }
  const name = (id: string) => kb.techniques.find((t) => t.id === id)?.name ?? words(id);
  const region = (id: string) => kb.regions.find((r) => r.id === id)?.name.toLowerCase() ?? words(id);
  const lit = new Set(routine.steps.map((s) => `${s.foot}:${s.region}`));
  const areas = [...lit].map((p) => p.replace(':', ' ').replace(/_/g, ' '));
  const groups = phaseGroups(routine.steps);
  return (
    <div class="routine">
      <h2 tabIndex={-1} ref={ref}>{Math.round(routine.total_seconds / 60)} minutes, {routine.steps.length} steps</h2>
      {routine.verdict.verdict === 'caution' && <VerdictSummary screening={routine.verdict} heading={false} />}
      <p class="next-up">
        <a class="big primary" href="#/guide" onClick={() => saveRoutine(routine)}>
          <strong>Start guided session</strong>
          <span>Spoken step by step, with a countdown; it keeps going with the screen locked</span>
        </a>
      </p>
      <FootMap regions={kb.regions} lit={lit} avoid={new Set(routine.verdict.avoid)}
        label={`Foot map of the areas in this routine: ${areas.join(', ')}.`} />
      {groups.map((g) => (
        <section class="phase" key={g.title + g.start}>
          <h3 class="phase-title">{g.title}</h3>
          <ol class="steps">
            {g.steps.map(({ step: s, at }) => (
              <li key={at}>
                <span class="time">{minutes(at)}</span>
                <div>
                  <Picture id={s.technique} foot={s.foot} thumb />
                  {s.transition && <p class="transition"><strong>{s.transition}</strong></p>}
                  <h4>{name(s.technique)}</h4>
                  <p class="where">{s.foot} foot, {region(s.region)} · {s.seconds} seconds · {how(s)}</p>
                  <p class="cue">{s.cue}</p>
                  {s.why && <p class="why">Why: {s.why}</p>}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {routine.notes.length > 0 && (
        <div class="notes"><h3>Good to know</h3><ul>{routine.notes.map((n) => <li key={n}>{n}</li>)}</ul></div>
      )}
    </div>
  );
}
