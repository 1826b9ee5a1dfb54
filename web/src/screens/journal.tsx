// Journal: how a session went. Before and after ratings on big sliders, sore
// spots marked by tapping the foot map (or picked from a list), a note; the
// history below. After the guide, it records that session's routine.
import { useMemo, useState } from 'preact/hooks';
import { learn, type Region } from '../api';
import { clearDraft, useDraft } from '../draft';
import { FootMap } from '../footmap';
import { MorningCheckIn } from '../morning';
import { RatingSliders, measureName, ratingsText } from '../ratings';
import { history, localStamp, pending, record, savePending, stats, type JournalSession, type Ratings, type SoreSpot } from '../session';
import { Pending as Loading, Title, useLoad, words } from '../ui';
import { SessionFix } from './journal_fix';

export function Journal() {
  const regions = useLoad(() => learn<Region[]>('regions'));
  const [saved, setSaved] = useState(0);
  const [last, setLast] = useState<JournalSession | null>(null);
  const [morningDone, setMorningDone] = useState(false);
  const guided = useMemo(pending, [saved]);
  const latest = useLoad(() => history(1), [saved]);
  const newest = latest.value?.sessions[latest.value.sessions.length - 1];
  return (
    <section class="screen journal">
      <Title>Journal</Title>
      {saved > 0 && last && <SavedNote session={last} />}
      {morningDone && <p class="notice saved" role="status">Morning saved. <a href="#/insights">See it on Insights</a></p>}
      {!guided && !last && newest && morningDue(newest) && <MorningCheckIn latest={newest} onSaved={() => { setMorningDone(true); setSaved(saved + 1); }} key={`m${newest.id}`} />}
      {regions.value ? <Entry regions={regions.value} onSaved={(s) => { setLast(s); setMorningDone(false); setSaved(saved + 1); }} key={saved} /> : <Loading error={regions.error} />}
      <History key={`h${saved}`} />
    </section>
  );
}

// The foot map's geometry (footmap.tsx): each foot in a 120 × 250 box, the
// right one mirrored and 140 to the right.
const footWidth = 120, footHeight = 250, rightFoot = 140;

function inside(outline: [number, number][], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
    const [xi, yi] = outline[i], [xj, yj] = outline[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/// The sore spot under a tap on the foot map, in the region's own box.
function spotAt(event: MouseEvent, regions: Region[], intensity: number): SoreSpot | null {
  const svg = (event.target as Element).closest('svg');
  const figure = svg?.closest('.views');
  const ctm = svg?.getScreenCTM();
  if (!svg || !figure || !ctm) return null;
  const view = figure.querySelectorAll('svg')[0] === svg ? 'sole' : 'side';
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
  const foot = p.x < rightFoot - 10 ? 'left' : 'right';
  const x = foot === 'left' ? p.x / footWidth : 1 - (p.x - rightFoot) / footWidth;
  const y = p.y / footHeight;
  const region = regions.find((r) => r.view === view && inside(r.outline, x, y));
  if (!region) return null;
  const xs = region.outline.map((q) => q[0]), ys = region.outline.map((q) => q[1]);
  const unit = (v: number, lo: number, hi: number) => Math.round(Math.max(0, Math.min(1, (v - lo) / (hi - lo || 1))) * 100) / 100;
  return { foot, region: region.id, x: unit(x, Math.min(...xs), Math.max(...xs)), y: unit(y, Math.min(...ys), Math.max(...ys)), intensity };
}

/// The morning check-in is offered from the day after the latest session
/// until its morning is recorded.
const morningDue = (s: JournalSession) => s.start.slice(0, 10) < localStamp().slice(0, 10) && Object.keys(s.morning).length === 0;

/// After a save: this session's change, the streak, and tomorrow's check-in.
function SavedNote({ session }: { session: JournalSession }) {
  const sums = useLoad(stats, [session.id]);
  const changes = Object.entries(session.after).flatMap(([m, v]) => {
    const b = session.before[m as keyof Ratings];
    return b === undefined || v === undefined ? [] : [`${m} ${b} → ${v} (${v - b > 0 ? '+' : ''}${v - b})`];
  });
  const streak = sums.value?.streaks.current ?? 0;
  return (
    <div class="notice saved" role="status">
      <p><strong>Saved.</strong> {changes.length ? `This session: ${changes.join(', ')}.` : ''}</p>
      {streak > 1 && <p>That makes {streak} days in a row with a session.</p>}
      {streak === 1 && <p>A new streak starts today: one more session tomorrow makes two days in a row.</p>}
      <p>Tomorrow morning, before or just after your first steps, come back here: two sliders for your sleep and your heel pain.</p>
      <p><a href="#/insights">See how your sessions add up</a></p>
    </div>
  );
}

/// What the person has filled in so far (kept as a draft until saved).
interface EntryForm { before: Ratings; after: Ratings; sore: SoreSpot[]; soreness: number; note: string }

function Entry({ regions, onSaved }: { regions: Region[]; onSaved: (s: JournalSession) => void }) {
  const guided = useMemo(pending, []);
  // One draft per session to record: a guided session's, or one typed in.
  const draft = guided ? `journal.${guided.start}` : 'journal';
  const [form, setForm] = useDraft<EntryForm>(draft, () => ({ before: guided?.before ?? {}, after: {}, sore: [], soreness: 5, note: '' }));
  const { before, after, sore, soreness, note } = form;
  const setBefore = (r: Ratings) => setForm({ ...form, before: r });
  const setAfter = (r: Ratings) => setForm({ ...form, after: r });
  const setSore = (spots: SoreSpot[]) => setForm({ ...form, sore: spots });
  const setSoreness = (n: number) => setForm({ ...form, soreness: n });
  const setNote = (text: string) => setForm({ ...form, note: text });
  const [state, setState] = useState<{ busy?: boolean; error?: string; field?: string }>({});
  const place = (s: { foot: string; region: string }) => `${s.foot}:${s.region}`;
  const toggle = (spot: SoreSpot) => setSore(sore.some((s) => place(s) === place(spot)) ? sore.filter((s) => place(s) !== place(spot)) : [...sore, spot]);
  const name = (id: string) => regions.find((r) => r.id === id)?.name.toLowerCase() ?? words(id);
  const beforeAsked = guided && Object.keys(guided.before).length > 0;

  const save = (e: Event) => {
    e.preventDefault();
    setState({ busy: true });
    const session = {
      before, after, note,
      sore: sore.map((s) => ({ ...s, intensity: soreness })),
      ...(guided ? {
        start: guided.start, end: guided.end, routine: guided.routine, finished: guided.finished, steps_done: guided.stepsDone,
        ...(guided.finished ? {} : { stop_reason: 'ended early in the web guide' }),
      } : { start: localStamp() }),
    };
    record(session).then((s) => {
      savePending(null);
      clearDraft(draft);
      onSaved(s);
    }, (err: Error & { field?: string }) => setState({ error: err.message, field: err.field }));
  };

  return (
    <form class="journal-entry" onSubmit={save}>
      <h2>{guided ? 'How do you feel now?' : 'Record a session'}</h2>
      {guided && <p class="lead">After your {Math.round(guided.routine.total_seconds / 60)}-minute guided session{guided.finished ? '' : ' (ended early)'}.</p>}
      {!guided && (
        <fieldset>
          <legend>Before the massage</legend>
          <RatingSliders value={before} onChange={setBefore} idPrefix="before" />
        </fieldset>
      )}
      {guided && beforeAsked && <p class="small">Before the session: {Object.entries(guided.before).map(([m, v]) => `${m} ${v}`).join(', ')}</p>}
      <fieldset>
        <legend>{guided ? 'Now, after the massage' : 'After the massage'}</legend>
        <RatingSliders value={after} onChange={setAfter} idPrefix="after" />
      </fieldset>
      <fieldset>
        <legend>Sore spots</legend>
        <p class="small">Tap where it is sore, or pick the places from the list below. Tap again to take a spot away.</p>
        <div class="tap-map" onClick={(e) => { const spot = spotAt(e, regions, soreness); if (spot) toggle(spot); }}>
          <FootMap regions={regions} lit={new Set(sore.map(place))} litLabel="sore"
            label={sore.length ? `Foot map with sore spots: ${sore.map((s) => `${s.foot} ${name(s.region)}`).join(', ')}.` : 'Foot map, no sore spots marked.'} />
        </div>
        <details class="spot-list">
          <summary>Pick sore spots from a list{sore.length ? ` (${sore.length} marked)` : ''}</summary>
          {(['left', 'right'] as const).map((foot) => (
            <div class="chips" key={foot} role="group" aria-label={`${foot} foot`}>
              <span class="chips-label">{measureName(foot)} foot</span>
              {regions.map((r) => {
                const on = sore.some((s) => s.foot === foot && s.region === r.id);
                return (
                  <button type="button" key={r.id} class={on ? 'chip on' : 'chip'} aria-pressed={on}
                    onClick={() => toggle({ foot, region: r.id, x: 0.5, y: 0.5, intensity: soreness })}>{r.name}</button>
                );
              })}
            </div>
          ))}
        </details>
        {sore.length > 0 && (
          <div class="rating">
            <label for="soreness"><span>How sore are they?</span><output for="soreness">{soreness} of 10</output></label>
            <input id="soreness" type="range" min={0} max={10} step={1} value={soreness}
              onInput={(e) => setSoreness(Number((e.target as HTMLInputElement).value))} />
          </div>
        )}
      </fieldset>
      <label class="note">
        <span>A note (optional)</span>
        <textarea rows={3} maxLength={2000} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button class="big primary" type="submit" disabled={state.busy}>Save to my journal</button>
      {state.error && <p class="notice error" role="alert">Not saved: {state.error}{state.field ? ` (${state.field})` : ''}</p>}
    </form>
  );
}

function History() {
  const [changes, setChanges] = useState(0);
  const list = useLoad(() => history(30), [changes]);
  if (!list.value) return <Loading error={list.error} />;
  const sessions = [...list.value.sessions].reverse();
  return (
    <div class="history">
      <h2>Your sessions</h2>
      {sessions.length === 0 ? (
        <p>Nothing recorded yet. After a <a href="#/plan/bedtime">guided session</a>, rate how you feel and it shows up here.</p>
      ) : (
        <ul class="sessions">
          {sessions.map((s) => <SessionItem key={s.id} session={s} onChanged={() => setChanges(changes + 1)} />)}
        </ul>
      )}
      {sessions.length > 0 && <p><a href="#/insights">Insights: what your sessions add up to</a></p>}
    </div>
  );
}

function SessionItem({ session: s, onChanged }: { session: JournalSession; onChanged: () => void }) {
  const when = new Date(s.start);
  const date = Number.isNaN(when.getTime()) ? s.start : when.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <li>
      <strong>{date}</strong>{s.minutes ? ` · ${s.minutes} min` : ''}{s.goals.length ? ` · ${s.goals.map(words).join(', ')}` : ''}
      <div>{ratingsText(s.before, s.after)}</div>
      {s.sore.length > 0 && <div class="small">Sore: {s.sore.map((p) => `${p.foot} ${words(p.region)} ${p.intensity}/10`).join(', ')}</div>}
      {Object.keys(s.morning).length > 0 && <div class="small">Next morning: {Object.entries(s.morning).map(([m, v]) => `${words(m).toLowerCase()} ${v}/10`).join(', ')}</div>}
      {!s.finished && <div class="small">Stopped early</div>}
      {s.note && <div class="small">“{s.note}”</div>}
      <SessionFix session={s} onChanged={onChanged} />
    </li>
  );
}
