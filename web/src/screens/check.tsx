// The safety check. One list first: the common reasons to stop or take care,
// grouped (skin, feeling and circulation, injury, pregnancy, other; the
// groups live in safety.toml) with one "None of these" answer, so a healthy
// person is done in one tap. Then one question a screen, only for what was
// ticked: how bad (in plain words, with "Not sure"), then where. Then the
// verdict: one headline, one pressure statement, each point once.
import { useState } from 'preact/hooks';
import { check, learn, type Condition, type ConditionReport, type Region, type Screening } from '../api';
import { saveCheck } from '../store';
import { Pending, Title, useLoad, words } from '../ui';
import './check.css';

type Step = { kind: 'severity' | 'where'; condition: Condition };
type Stage = { kind: 'list' } | { kind: 'follow'; index: number } | { kind: 'verdict' };

/// `then`: where a go or caution leads ("bedtime": Home's one-tap bedtime session).
export function Check({ then }: { then?: string }) {
  const data = useLoad(() => Promise.all([learn<Condition[]>('learn/conditions'), learn<Region[]>('regions')]));
  if (!data.value) return <section class="screen"><Title>Safety check</Title><Pending error={data.error} /></section>;
  return <Questions conditions={data.value[0]} regions={data.value[1]} then={then} />;
}

interface Group { id: string; title: string; conditions: Condition[] }

// The list's groups in safety.toml's order.
function grouped(conditions: Condition[]): Group[] {
  const groups = new Map<string, Group & { order: number }>();
  for (const c of conditions) {
    const g = c.group ?? { id: 'other', title: 'Other', order: 99, position: 0 };
    if (!groups.has(g.id)) groups.set(g.id, { id: g.id, title: g.title, order: g.order, conditions: [] });
    groups.get(g.id)!.conditions.push(c);
  }
  for (const g of groups.values()) g.conditions.sort((a, b) => (a.group?.position ?? 0) - (b.group?.position ?? 0));
  return [...groups.values()].sort((a, b) => a.order - b.order);
}

// The follow-up questions for what was ticked, most urgent condition first.
// None at all when one ticked answer is a stop whatever else is said.
function followUps(conditions: Condition[], ticked: Set<string>): Step[] {
  const chosen = conditions.filter((c) => ticked.has(c.id));
  if (chosen.some((c) => c.rule.verdict === 'stop' && !c.local && !c.severities.length)) return [];
  const steps: Step[] = [];
  for (const c of chosen) {
    if (c.severities.length) steps.push({ kind: 'severity', condition: c });
    if (c.local) steps.push({ kind: 'where', condition: c });
  }
  return steps;
}

function Questions({ conditions, regions, then }: { conditions: Condition[]; regions: Region[]; then?: string }) {
  const [stage, setStage] = useState<Stage>({ kind: 'list' });
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [reports, setReports] = useState<Map<string, ConditionReport>>(new Map());
  const [result, setResult] = useState<{ screening?: Screening; error?: string }>({});
  const steps = followUps(conditions, ticked);

  const finish = (final: Map<string, ConditionReport>) => {
    const list = conditions.filter((c) => final.has(c.id)).map((c) => final.get(c.id)!);
    setStage({ kind: 'verdict' });
    setResult({});
    check(list).then((screening) => { saveCheck(list); setResult({ screening }); },
      (e: Error) => setResult({ error: e.message }));
  };
  const start = (chosen: Set<string>) => {
    const initial = new Map([...chosen].map((id) => [id, { id } as ConditionReport]));
    setReports(initial);
    if (followUps(conditions, chosen).length) setStage({ kind: 'follow', index: 0 });
    else finish(initial);
  };
  const answered = (index: number, report: ConditionReport) => {
    const updated = new Map(reports).set(report.id, { ...reports.get(report.id), ...report });
    setReports(updated);
    if (index + 1 < steps.length) setStage({ kind: 'follow', index: index + 1 });
    else finish(updated);
  };

  if (stage.kind === 'verdict') {
    return <VerdictScreen {...result} then={then} onRestart={() => { setTicked(new Set()); setStage({ kind: 'list' }); }} />;
  }
  if (stage.kind === 'follow') {
    const step = steps[stage.index];
    const back = () => setStage(stage.index ? { kind: 'follow', index: stage.index - 1 } : { kind: 'list' });
    const onDone = (r: ConditionReport) => answered(stage.index, r);
    return step.kind === 'severity'
      ? <Severity key={'s' + step.condition.id} condition={step.condition} onDone={onDone} onBack={back} />
      : <Where key={'w' + step.condition.id} condition={step.condition} regions={regions} onDone={onDone} onBack={back} />;
  }
  const toggle = (id: string) => {
    const s = new Set(ticked);
    s.has(id) ? s.delete(id) : s.add(id);
    setTicked(s);
  };
  return (
    <section class="screen check-list">
      <Title>Safety check</Title>
      <p class="lead">Does any of these apply to you today?</p>
      <button class="big primary none-of-these" onClick={() => { setTicked(new Set()); start(new Set()); }}>
        None of these
      </button>
      <p class="small">Or tick each one that does, then press Next.</p>
      {grouped(conditions).map((g) => (
        <fieldset key={g.id} class="check-group">
          <legend>{g.title}</legend>
          {g.conditions.map((c) => (
            <label class={ticked.has(c.id) ? 'choice tick on' : 'choice tick'} key={c.id}>
              <input type="checkbox" checked={ticked.has(c.id)} onChange={() => toggle(c.id)} /> {c.label ?? c.name}
            </label>
          ))}
        </fieldset>
      ))}
      <button class="big primary" disabled={!ticked.size} onClick={() => start(ticked)}>
        {ticked.size ? `Next (${ticked.size} ticked)` : 'Next'}
      </button>
    </section>
  );
}

function Severity({ condition, onDone, onBack }: { condition: Condition; onDone: (r: ConditionReport) => void; onBack: () => void }) {
  const means = condition.severity_means ?? {};
  return (
    <section class="screen question">
      <Title>{condition.label ?? condition.name}: which fits best?</Title>
      <div class="answers">
        {condition.severities.map((s) => (
          <button class="big" key={s} onClick={() => onDone({ id: condition.id, severity: s })}>{means[s] ?? s}</button>
        ))}
        <button class="big" onClick={() => onDone({ id: condition.id })}>
          Not sure
          <span>This counts as the more serious answer, to keep you safe.</span>
        </button>
      </div>
      <button class="link" onClick={onBack}>Back</button>
    </section>
  );
}

function Where({ condition, regions, onDone, onBack }: { condition: Condition; regions: Region[]; onDone: (r: ConditionReport) => void; onBack: () => void }) {
  const [places, setPlaces] = useState<Set<string>>(new Set());
  const toggle = (place: string) => {
    const s = new Set(places);
    s.has(place) ? s.delete(place) : s.add(place);
    setPlaces(s);
  };
  return (
    <section class="screen question">
      <Title>{condition.label ?? condition.name}: where is it?</Title>
      <p class="small">Pick every area. We will keep away from them.</p>
      {['left', 'right'].map((foot) => (
        <div class="chips" role="group" aria-label={`${foot} foot`} key={foot}>
          <span class="chips-label">{foot} foot</span>
          <Chip on={places.has(`${foot}:*`)} onClick={() => toggle(`${foot}:*`)}>whole {foot} foot</Chip>
          {regions.map((r) => (
            <Chip key={r.id} on={places.has(`${foot}:${r.id}`)} onClick={() => toggle(`${foot}:${r.id}`)}>{words(r.id)}</Chip>
          ))}
        </div>
      ))}
      <div class="answers">
        <button class="big primary" disabled={!places.size} onClick={() => onDone({ id: condition.id, at: [...places] })}>Next</button>
        <button class="big" onClick={() => onDone({ id: condition.id })}>
          Not sure where
          <span>Then no massage today, to keep you safe.</span>
        </button>
      </div>
      <button class="link" onClick={onBack}>Back</button>
    </section>
  );
}

export function Chip({ on, onClick, children }: { on: boolean; onClick: () => void; children: preact.ComponentChildren }) {
  return <button type="button" class={on ? 'chip on' : 'chip'} aria-pressed={on} onClick={onClick}>{children}</button>;
}

function VerdictScreen({ screening, error, then, onRestart }: { screening?: Screening; error?: string; then?: string; onRestart: () => void }) {
  if (!screening) return <section class="screen"><Title>Your answers</Title><Pending error={error} /></section>;
  return (
    <section class={`screen verdict verdict-${screening.verdict}`}>
      <VerdictSummary screening={screening} />
      <div class="actions">
        {screening.verdict !== 'stop' && then === 'bedtime' && <a class="big primary" href="#/guide/bedtime">Start the bedtime routine</a>}
        {screening.verdict !== 'stop' && <a class={then === 'bedtime' ? 'big' : 'big primary'} href="#/plan">Plan a routine that respects this</a>}
        <button class="big" onClick={onRestart}>Answer again</button>
      </div>
    </section>
  );
}

const unique = (items: string[]) => [...new Set(items.filter(Boolean))];

/// What a screening means, most important first: an urgent stop opens with
/// what to do now, and says nothing about how to massage.
export function VerdictSummary({ screening, heading = true }: { screening: Screening; heading?: boolean }) {
  const H = heading ? Title : ({ children }: { children: preact.ComponentChildren }) => <h2>{children}</h2>;
  if (screening.verdict === 'stop') {
    const stops = screening.reasons.filter((r) => (r.verdict ?? 'stop') === 'stop');
    const rank = (r: typeof stops[number]) => (r.emergency ? 2 : 0) + (r.urgent ? 1 : 0);
    const messages = unique([...stops].sort((a, b) => rank(b) - rank(a)).map((r) => r.message));
    const title = screening.emergency ? 'Get help now' : screening.urgent ? 'Get medical care today' : 'No foot massage today';
    return (
      <div class="verdict-box stop" role="alert">
        <H>{title}</H>
        {messages.map((m) => <p class="reason" key={m}>{m}</p>)}
        {!screening.urgent && <p>No foot massage until this has cleared. If you are unsure, ask a doctor, nurse, podiatrist or physiotherapist.</p>}
      </div>
    );
  }
  const pressure = screening.pressure_words || `${screening.max_pressure} of 5`;
  const points = unique([...screening.reasons.map((r) => r.message), ...(screening.notes ?? [])]);
  return (
    <div class={`verdict-box ${screening.verdict}`}>
      <H>{screening.verdict === 'go' ? 'Good to go' : 'Go gently'}</H>
      <p class="pressure">Pressure: up to <strong>{pressure}</strong>.</p>
      {screening.avoid.length > 0 && <p>Leave these areas alone: {screening.avoid.map(words).join(', ').replace(/:\*/g, ' (whole foot)').replace(/:/g, ' ')}.</p>}
      {points.length > 0 && <ul>{points.map((p) => <li key={p}>{p}</li>)}</ul>}
    </div>
  );
}
