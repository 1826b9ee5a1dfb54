// The end of a guided session, on the guide itself: the after-ratings
// recorded right there (sore spots and a note can follow in the journal),
// then this session's change, the streak, and tomorrow's morning check-in.
import { useMemo, useState } from 'preact/hooks';
import { clearDraft, useDraft } from './draft';
import { RatingSliders } from './ratings';
import { pending, record, savePending, stats, type JournalSession, type Ratings } from './session';
import { useLoad } from './ui';

export function AfterRatings() {
  const guided = useMemo(pending, []);
  const draft = `after.${guided?.start ?? ''}`;  // kept should the login end meanwhile (draft.ts)
  const [after, setAfter] = useDraft<Ratings>(draft, () => ({}));
  const [saved, setSaved] = useState<JournalSession | null>(null);
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  if (saved) return <AfterSaved session={saved} />;
  if (!guided) return null;
  const save = (e: Event) => {
    e.preventDefault();
    if (Object.keys(after).length === 0) return setState({ error: 'Move at least one slider first, or skip it.' });
    setState({ busy: true });
    record({
      before: guided.before, after, start: guided.start, end: guided.end, routine: guided.routine,
      finished: guided.finished, steps_done: guided.stepsDone,
      ...(guided.finished ? {} : { stop_reason: 'ended early in the web guide' }),
    }).then((s) => { savePending(null); clearDraft(draft); setSaved(s); }, (err: Error) => setState({ error: err.message }));
  };
  return (
    <form class="journal-entry after-now" onSubmit={save}>
      <h2>How do you feel now?</h2>
      <RatingSliders value={after} onChange={setAfter} idPrefix="after" />
      <button class="big primary" type="submit" disabled={state.busy}>Save how I feel</button>
      {state.error && <p class="notice error" role="alert">Not saved: {state.error}</p>}
      <p class="small"><a href="#/journal">Add sore spots or a note in the journal instead</a></p>
    </form>
  );
}

/// What changed in this session, the streak, and tomorrow's check-in.
function AfterSaved({ session }: { session: JournalSession }) {
  const sums = useLoad(stats, [session.id]);
  const changes = Object.entries(session.after).flatMap(([m, v]) => {
    const b = session.before[m as keyof Ratings];
    if (v === undefined) return [];
    if (b === undefined) return [`${m} ${v}`];
    const d = v - b;
    return [`${m} ${b} → ${v} (${d === 0 ? 'no change' : d > 0 ? `${d} higher` : `${-d} lower`})`];
  });
  const streak = sums.value?.streaks.current ?? 0;
  return (
    <div class="notice saved after-saved" role="status">
      <p><strong>Saved to your journal.</strong> {changes.length ? `This session: ${changes.join(', ')}.` : ''}</p>
      {streak > 1 && <p class="streak">That makes {streak} days in a row with a session.</p>}
      {streak === 1 && <p class="streak">A new streak starts today: one more session tomorrow makes two days in a row.</p>}
      <p><strong>Tomorrow morning:</strong> before or just after your first steps, open the <a href="#/journal">Journal</a>. Two sliders, for your sleep and your heel pain, take ten seconds.</p>
    </div>
  );
}
