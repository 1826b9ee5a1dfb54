// The morning check-in: how you slept and how the heel felt on the first
// steps out of bed, the measure that matters most for plantar fasciitis. It
// joins the latest session, as `plantar log --morning` does.
import { useState } from 'preact/hooks';
import { clearDraft, useDraft } from './draft';
import { measureName } from './ratings';
import { morningMeasures, recordMorning, type JournalSession, type Morning } from './session';

const hints: Record<string, string> = {
  sleep: '0 slept very badly · 10 slept very well',
  heel_pain: 'Your first steps out of bed: 0 no pain · 10 worst pain',
};

export function MorningCheckIn({ latest, onSaved }: { latest: JournalSession; onSaved: () => void }) {
  const draft = `morning.${latest.id}`;
  const [value, setValue] = useDraft<Morning>(draft, () => ({}));
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  const when = new Date(latest.start).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'short' });
  const save = (e: Event) => {
    e.preventDefault();
    if (Object.keys(value).length === 0) return setState({ error: 'Move at least one slider first.' });
    setState({ busy: true });
    recordMorning({ ...value, session: latest.id }).then(() => { clearDraft(draft); onSaved(); }, (err: Error) => setState({ error: err.message }));
  };
  return (
    <form class="journal-entry morning" id="morning" onSubmit={save}>
      <h2>This morning</h2>
      <p class="small">After your session of {when}.</p>
      <div class="ratings">
        {morningMeasures.map((m) => {
          const v = value[m];
          const id = `morning-${m}`;
          return (
            <div class="rating" key={m}>
              <label for={id}>
                <span>{m === 'heel_pain' ? 'Heel pain' : measureName(m)}</span>
                <output for={id} class={v === undefined ? 'unset' : ''}>{v === undefined ? 'not rated' : `${v} of 10`}</output>
              </label>
              <input id={id} type="range" min={0} max={10} step={1} value={v ?? 5} class={v === undefined ? 'unset' : ''}
                aria-valuetext={v === undefined ? 'not rated' : `${v} of 10`} aria-describedby={`${id}-hint`}
                onInput={(e) => setValue({ ...value, [m]: Number((e.target as HTMLInputElement).value) })} />
              <span class="hint" id={`${id}-hint`}>{hints[m]}</span>
            </div>
          );
        })}
      </div>
      <button class="big primary" type="submit" disabled={state.busy}>Save this morning</button>
      {state.error && <p class="notice error" role="alert">Not saved: {state.error}</p>}
    </form>
  );
}
