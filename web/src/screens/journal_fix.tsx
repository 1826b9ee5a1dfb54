// Correcting a session of the journal: change its ratings and note, or
// delete it (asked first). PUT and DELETE /api/journal/ID, as `plantar edit`
// and `plantar delete` do on the command line.
import { useState } from 'preact/hooks';
import { change } from '../api';
import { RatingSliders } from '../ratings';
import type { JournalSession, Ratings } from '../session';

export function SessionFix({ session, onChanged }: { session: JournalSession; onChanged: () => void }) {
  const [mode, setMode] = useState<'idle' | 'edit' | 'delete'>('idle');
  const [before, setBefore] = useState<Ratings>(session.before);
  const [after, setAfter] = useState<Ratings>(session.after);
  const [note, setNote] = useState(session.note ?? '');
  const [error, setError] = useState('');
  const id = session.id;

  const fail = (e: Error & { field?: string }) => setError(e.message + (e.field ? ` (${e.field})` : ''));
  const save = (e: Event) => {
    e.preventDefault();
    const body: Partial<JournalSession> = { ...session, before, after, note };
    delete body.id;
    change('PUT', `journal/${id}`, body).then(() => { setMode('idle'); setError(''); onChanged(); }, fail);
  };
  const remove = () => change('DELETE', `journal/${id}`).then(onChanged, fail);

  if (mode === 'idle')
    return (
      <div class="session-fix">
        <button type="button" class="link" onClick={() => setMode('edit')}>Change</button>
        <button type="button" class="link" onClick={() => setMode('delete')}>Delete</button>
      </div>
    );
  if (mode === 'delete')
    return (
      <div class="session-fix" role="group" aria-label="Delete this session?">
        <span>Delete this session? This cannot be undone.</span>
        <button type="button" class="big danger" onClick={remove}>Yes, delete it</button>
        <button type="button" class="big" onClick={() => setMode('idle')}>No, keep it</button>
        {error && <p class="notice error" role="alert">Not deleted: {error}</p>}
      </div>
    );
  return (
    <form class="session-fix edit" onSubmit={save}>
      <fieldset>
        <legend>Before</legend>
        <RatingSliders value={before} onChange={setBefore} idPrefix={`fix${id}-before`} />
      </fieldset>
      <fieldset>
        <legend>After</legend>
        <RatingSliders value={after} onChange={setAfter} idPrefix={`fix${id}-after`} />
      </fieldset>
      <label class="note">
        <span>Note</span>
        <textarea rows={2} maxLength={2000} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>
      <div class="actions">
        <button type="submit" class="big primary">Save the change</button>
        <button type="button" class="big" onClick={() => setMode('idle')}>Cancel</button>
      </div>
      {error && <p class="notice error" role="alert">Not saved: {error}</p>}
    </form>
  );
}
