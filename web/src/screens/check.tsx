// The safety check: one question a screen with big yes/no buttons and the
// warning signs in plain words, a follow-up for how bad and where, then the
// verdict. An unconditional stop ends the questions at once.
import { useState } from 'preact/hooks';
import { check, learn, type Condition, type ConditionReport, type Region, type Screening } from '../api';
import { saveCheck } from '../store';
import { Pending, Title, useLoad, words } from '../ui';

type Stage = { kind: 'ask'; index: number } | { kind: 'detail'; index: number } | { kind: 'verdict' };

export function Check() {
  const data = useLoad(() => Promise.all([learn<Condition[]>('learn/conditions'), learn<Region[]>('regions')]));
  if (!data.value) return <section class="screen"><Title>Safety check</Title><Pending error={data.error} /></section>;
  return <Questions conditions={data.value[0]} regions={data.value[1]} />;
}

function Questions({ conditions, regions }: { conditions: Condition[]; regions: Region[] }) {
  const [stage, setStage] = useState<Stage>({ kind: 'ask', index: 0 });
  const [answers, setAnswers] = useState<Map<string, ConditionReport>>(new Map());
  const [result, setResult] = useState<{ screening?: Screening; error?: string }>({});

  const finish = (final: Map<string, ConditionReport>) => {
    const reports = [...final.values()];
    setStage({ kind: 'verdict' });
    setResult({});
    check(reports).then((screening) => { saveCheck(reports); setResult({ screening }); },
      (e: Error) => setResult({ error: e.message }));
  };
  const next = (index: number, final: Map<string, ConditionReport>) =>
    index + 1 < conditions.length ? setStage({ kind: 'ask', index: index + 1 }) : finish(final);
  const answer = (index: number, yes: boolean) => {
    const c = conditions[index];
    const updated = new Map(answers);
    if (!yes) {
      updated.delete(c.id);
      setAnswers(updated);
      return next(index, updated);
    }
    updated.set(c.id, { id: c.id });
    setAnswers(updated);
    if (c.local || c.severities.length) return setStage({ kind: 'detail', index });
    if (c.rule.verdict === 'stop') return finish(updated);  // nothing else can change a stop
    next(index, updated);
  };

  if (stage.kind === 'verdict') return <VerdictScreen {...result} onRestart={() => { setAnswers(new Map()); setStage({ kind: 'ask', index: 0 }); }} />;
  const c = conditions[stage.index];
  if (stage.kind === 'detail') {
    return (
      <Detail key={c.id} condition={c} regions={regions} onDone={(report) => {
        const updated = new Map(answers).set(c.id, report);
        setAnswers(updated);
        next(stage.index, updated);
      }} />
    );
  }
  return (
    <section class="screen question" key={c.id}>
      <p class="progress">Question {stage.index + 1} of {conditions.length}
        <progress max={conditions.length} value={stage.index} aria-hidden="true" /></p>
      <Title>{c.question}</Title>
      {c.signs.length > 0 && (
        <div class="signs">
          <h2>Signs to look for</h2>
          <ul>{c.signs.map((s) => <li key={s}>{s}</li>)}</ul>
        </div>
      )}
      <div class="yesno">
        <button class="big yes" onClick={() => answer(stage.index, true)}>Yes</button>
        <button class="big no" onClick={() => answer(stage.index, false)}>No</button>
      </div>
      {stage.index > 0 && (
        <button class="link" onClick={() => setStage({ kind: 'ask', index: stage.index - 1 })}>Back to the last question</button>
      )}
    </section>
  );
}

function Detail({ condition, regions, onDone }: { condition: Condition; regions: Region[]; onDone: (r: ConditionReport) => void }) {
  const [severity, setSeverity] = useState('');
  const [places, setPlaces] = useState<Set<string>>(new Set());
  const toggle = (place: string) => {
    const s = new Set(places);
    s.has(place) ? s.delete(place) : s.add(place);
    setPlaces(s);
  };
  const done = () => {
    const report: ConditionReport = { id: condition.id };
    if (severity) report.severity = severity;
    if (places.size) report.at = [...places];
    onDone(report);
  };
  return (
    <section class="screen">
      <Title>{condition.name}: a little more</Title>
      {condition.severities.length > 0 && (
        <fieldset>
          <legend>How bad is it?</legend>
          {condition.severities.map((s) => (
            <label class="choice" key={s}>
              <input type="radio" name="severity" checked={severity === s} onChange={() => setSeverity(s)} /> {s}
            </label>
          ))}
          <label class="choice"><input type="radio" name="severity" checked={severity === ''} onChange={() => setSeverity('')} /> not sure</label>
        </fieldset>
      )}
      {condition.local && (
        <fieldset>
          <legend>Where is it? Pick every area, or none if you are not sure.</legend>
          {['left', 'right'].map((foot) => (
            <div class="chips" role="group" aria-label={`${foot} foot`} key={foot}>
              <span class="chips-label">{foot} foot</span>
              <Chip on={places.has(`${foot}:*`)} onClick={() => toggle(`${foot}:*`)}>whole {foot} foot</Chip>
              {regions.map((r) => (
                <Chip key={r.id} on={places.has(`${foot}:${r.id}`)} onClick={() => toggle(`${foot}:${r.id}`)}>{words(r.id)}</Chip>
              ))}
            </div>
          ))}
        </fieldset>
      )}
      <p class="small">Not sure counts as the more serious answer, to keep you safe.</p>
      <button class="big primary" onClick={done}>Next</button>
    </section>
  );
}

export function Chip({ on, onClick, children }: { on: boolean; onClick: () => void; children: preact.ComponentChildren }) {
  return <button type="button" class={on ? 'chip on' : 'chip'} aria-pressed={on} onClick={onClick}>{children}</button>;
}

function VerdictScreen({ screening, error, onRestart }: { screening?: Screening; error?: string; onRestart: () => void }) {
  if (!screening) return <section class="screen"><Title>Your answers</Title><Pending error={error} /></section>;
  return (
    <section class={`screen verdict verdict-${screening.verdict}`}>
      <VerdictSummary screening={screening} />
      <div class="actions">
        {screening.verdict !== 'stop' && <a class="big primary" href="#/plan">Plan a routine that respects this</a>}
        <button class="big" onClick={onRestart}>Answer again</button>
      </div>
    </section>
  );
}

/// What a screening means, most important first: an urgent stop opens with
/// what to do now.
export function VerdictSummary({ screening, heading = true }: { screening: Screening; heading?: boolean }) {
  const H = heading ? Title : ({ children }: { children: preact.ComponentChildren }) => <h2>{children}</h2>;
  if (screening.verdict === 'stop') {
    return (
      <div class="verdict-box stop" role="alert">
        <H>{screening.urgent ? 'Get medical care today' : 'No foot massage today'}</H>
        {screening.reasons.map((r) => <p class="reason" key={r.condition}>{r.message}</p>)}
        {!screening.urgent && <p>Please see a doctor, nurse, podiatrist or physiotherapist before any foot massage.</p>}
      </div>
    );
  }
  return (
    <div class={`verdict-box ${screening.verdict}`}>
      <H>{screening.verdict === 'go' ? 'Good to go' : 'Go gently'}</H>
      <p>Pressure up to <strong>{screening.max_pressure} of 5</strong>{screening.max_pressure <= 2 ? ': light only' : ''}.</p>
      {screening.avoid.length > 0 && <p>Leave these areas alone: {screening.avoid.map(words).join(', ').replace(/:\*/g, ' (whole foot)').replace(/:/g, ' ')}.</p>}
      {screening.reasons.length > 0 && <ul>{screening.reasons.map((r) => <li key={r.condition}>{r.message}</li>)}</ul>}
    </div>
  );
}
