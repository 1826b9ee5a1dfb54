// Insights: before and after ratings session by session, and how the change
// moves over time, drawn with uPlot (loaded only on this screen) and said in
// plain, honest words from /api/stats. Every chart has a table beside it.
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import { measureName } from '../ratings';
import { learn, type Region } from '../api';
import { byDate, dateRange, seconds, weekOf } from '../bydate';
import { FootMap } from '../footmap';
import { history, measures, morningMeasures, stats, type JournalSession, type MeasureStats, type Stats } from '../session';
import { Pending, Title, useLoad, words } from '../ui';

const load = () => Promise.all([stats(), history(60), learn<Region[]>('regions')]).then(([s, h, r]) => ({ stats: s, sessions: h.sessions, regions: r }));

export function Insights() {
  const data = useLoad(load);
  if (!data.value) return <section class="screen"><Title>Insights</Title><Pending error={data.error} /></section>;
  const { stats: s, sessions, regions } = data.value;
  const rated = measures.filter((m) => sessions.some((x) => x.before[m] !== undefined || x.after[m] !== undefined));
  return (
    <section class="screen insights">
      <Title>Insights</Title>
      {s.sessions === 0 ? (
        <>
          <p class="lead">Nothing to show yet. After a session, rate how you feel before and after; your record grows here.</p>
          <div class="big-actions"><a class="big primary" href="#/plan/bedtime"><strong>5 minutes before bed</strong><span>A short guided session to start with</span></a></div>
        </>
      ) : (
        <>
          <Sayings stats={s} />
          {rated.map((m) => <BeforeAfter key={m} measure={m} sessions={sessions} />)}
          {rated.length > 0 && <Trend measures={rated} sessions={sessions} />}
          <Mornings sessions={sessions} />
          <SoreByWeek sessions={sessions} regions={regions} />
          {rated.length === 0 && <p>Your sessions have no ratings yet. <a href="#/journal">Rate the next one</a> to see charts here.</p>}
        </>
      )}
    </section>
  );
}

function saying(m: MeasureStats): string {
  const n = m.change.n;
  const count = `${n} session${n === 1 ? '' : 's'}`;
  const mean = m.change.mean ?? 0;
  const name = m.measure.replace(/_/g, ' ');
  if (n === 1) return `In your one rated session, your ${name} was ${Math.abs(mean).toFixed(1)} points ${mean < 0 ? 'lower' : mean > 0 ? 'higher' : 'different'} after than before.`;
  if (Math.abs(mean) < 0.25) return `Your ${name} was about the same before and after a session (${count}).`;
  return `On average your ${name} was ${Math.abs(mean).toFixed(1)} points ${mean < 0 ? 'lower' : 'higher'} after a session (${count}).`;
}

function Sayings({ stats: s }: { stats: Stats }) {
  const rated = s.measures.filter((m) => m.change.n > 0);
  const few = rated.every((m) => m.change.n < 5);
  return (
    <div class="sayings">
      <p>{s.sessions} session{s.sessions === 1 ? '' : 's'} in your journal, on {s.streaks.days} day{s.streaks.days === 1 ? '' : 's'}{s.streaks.current > 1 ? `; ${s.streaks.current} days in a row now` : ''}.</p>
      {rated.length > 0 && <ul>{rated.map((m) => <li key={m.measure}>{saying(m)}</li>)}</ul>}
      <p class="small">This is your own record{few ? ', with few sessions so far' : ''}. It shows what went with what for you, not proof that the massage caused it: a calm evening, the time of day or simply expecting to feel better all count too.</p>
    </div>
  );
}

function colors() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { before: v('--muted'), after: v('--accent'), text: v('--text'), line: v('--line'), lit: v('--lit'), stop: v('--stop') };
}

/// A uPlot chart that follows its box's width; the picture is hidden from
/// screen readers, which get the table next to it.
function Chart({ options, data }: { options: (c: ReturnType<typeof colors>) => Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let plot: uPlot | null = null;
    let live = true;
    const size = () => ({ width: Math.max(240, box.current?.clientWidth ?? 320), height: 220 });
    const resize = () => plot?.setSize(size());
    let draw = () => undefined as void;
    // Drawn again when the colour scheme changes: the canvas has no CSS colours.
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const redraw = () => draw();
    import('uplot').then(({ default: UPlot }) => {
      draw = () => {
        if (!live || !box.current) return;
        plot?.destroy();
        plot = new UPlot({ ...options(colors()), ...size() }, data, box.current);
      };
      draw();
    });
    addEventListener('resize', resize);
    scheme.addEventListener('change', redraw);
    return () => { live = false; removeEventListener('resize', resize); scheme.removeEventListener('change', redraw); plot?.destroy(); };
  }, [data]);
  // The breaks in the lines (rows with no value at all), for the browser test.
  const gaps = data[0].filter((_, i) => data.slice(1).every((y) => y[i] === null || y[i] === undefined)).length;
  return <div class="chart" ref={box} aria-hidden="true" data-gaps={gaps} />;
}

function axes(c: ReturnType<typeof colors>, yLabel: string): uPlot.Axis[] {
  const axis = { stroke: c.text, grid: { stroke: c.line, width: 1 }, ticks: { stroke: c.line, width: 1 } };
  return [
    { ...axis, label: 'date', values: (_u: uPlot, ticks: number[]) => ticks.map((t) => new Date(t * 1000).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })) },
    { ...axis, label: yLabel },
  ];
}

const value = (v: number | undefined) => (v === undefined ? null : v);
const dateOf = (s: JournalSession) => s.start.slice(0, 10);

function BeforeAfter({ measure, sessions }: { measure: (typeof measures)[number]; sessions: JournalSession[] }) {
  const data = byDate(sessions.map((s) => ({ at: seconds(s.start), values: [value(s.before[measure]), value(s.after[measure])] })), 2);
  const name = measureName(measure);
  return (
    <figure class="chart-figure">
      <figcaption><h2>{name}: before and after, by date</h2><p class="small">0 to 10; lower is easier. Grey: before. Green: after. A break in a line: days with no session.</p></figcaption>
      <Chart data={data} options={(c) => ({
        scales: { x: { time: true, range: dateRange }, y: { range: [0, 10] } },
        axes: axes(c, `${measure} (0–10)`),
        series: [
          { label: 'session' },
          { label: 'before', stroke: c.before, width: 2, dash: [6, 4], points: { show: true, size: 9, fill: c.before } },
          { label: 'after', stroke: c.after, width: 3, points: { show: true, size: 10, fill: c.after } },
        ],
        legend: { show: false },
        cursor: { show: false },
      })} />
      <details>
        <summary>{name} as a table</summary>
        <table>
          <thead><tr><th scope="col">Session</th><th scope="col">Date</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
          <tbody>
            {sessions.map((s, i) => (
              <tr key={s.id}><td>{i + 1}</td><td>{dateOf(s)}</td><td>{s.before[measure] ?? '–'}</td><td>{s.after[measure] ?? '–'}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Trend({ measures: shown, sessions }: { measures: (typeof measures)[number][]; sessions: JournalSession[] }) {
  const change = (s: JournalSession, m: (typeof measures)[number]) =>
    s.before[m] !== undefined && s.after[m] !== undefined ? (s.after[m] as number) - (s.before[m] as number) : null;
  const data = byDate(sessions.map((s) => ({ at: seconds(s.start), values: shown.map((m) => change(s, m)) })), shown.length);
  const strokes = (c: ReturnType<typeof colors>) => [c.after, c.lit, c.stop];
  return (
    <figure class="chart-figure">
      <figcaption><h2>The change each session, by date</h2><p class="small">After minus before: below zero means it eased. {shown.map((m, i) => `${['Green', 'Orange', 'Red'][i]}: ${m}`).join('. ')}.</p></figcaption>
      <Chart data={data} options={(c) => ({
        scales: { x: { time: true, range: dateRange }, y: { range: [-10, 10] } },
        axes: axes(c, 'change (points)'),
        series: [{ label: 'session' }, ...shown.map((m, i) => ({ label: m, stroke: strokes(c)[i], width: 2, points: { show: true, size: 9, fill: strokes(c)[i] }, spanGaps: false }))],
        legend: { show: false },
        cursor: { show: false },
      })} />
      <details>
        <summary>The change as a table</summary>
        <table>
          <thead><tr><th scope="col">Session</th><th scope="col">Date</th>{shown.map((m) => <th scope="col" key={m}>{measureName(m)}</th>)}</tr></thead>
          <tbody>
            {sessions.map((s, i) => (
              <tr key={s.id}><td>{i + 1}</td><td>{dateOf(s)}</td>{shown.map((m) => { const d = change(s, m); return <td key={m}>{d === null ? '–' : d > 0 ? `+${d}` : d}</td>; })}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const morningName = (m: string) => (m === 'heel_pain' ? 'heel pain on the first steps' : 'sleep');

/// The next morning's sleep and heel pain, by the date of that morning.
function Mornings({ sessions }: { sessions: JournalSession[] }) {
  const rows = sessions.filter((s) => Object.keys(s.morning).length > 0);
  if (rows.length === 0) {
    return <p class="small">No morning check-ins yet. The morning after a session, <a href="#/journal">note your sleep and first-step heel pain</a>: for heel pain it is the measure that matters most.</p>;
  }
  // The morning after: the session's date plus one day, at 7 o'clock.
  const morningOf = (s: JournalSession) => seconds(s.start.slice(0, 10) + 'T07:00:00') + 24 * 3600;
  const data = byDate(rows.map((s) => ({ at: morningOf(s), values: morningMeasures.map((m) => value(s.morning[m])) })), morningMeasures.length);
  const dayOf = (s: JournalSession) => new Date(morningOf(s) * 1000).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  return (
    <figure class="chart-figure mornings">
      <figcaption><h2>Mornings: sleep and heel pain</h2><p class="small">0 to 10, by the morning after a session. Grey: sleep (higher is better). Red: heel pain on the first steps (lower is better).</p></figcaption>
      <Chart data={data} options={(c) => ({
        scales: { x: { time: true, range: dateRange }, y: { range: [0, 10] } },
        axes: axes(c, 'morning (0–10)'),
        series: [
          { label: 'date' },
          { label: 'sleep', stroke: c.before, width: 2, dash: [6, 4], points: { show: true, size: 9, fill: c.before } },
          { label: 'heel pain', stroke: c.stop, width: 3, points: { show: true, size: 10, fill: c.stop } },
        ],
        legend: { show: false },
        cursor: { show: false },
      })} />
      <details>
        <summary>Mornings as a table</summary>
        <table>
          <thead><tr><th scope="col">Morning</th>{morningMeasures.map((m) => <th scope="col" key={m}>{measureName(morningName(m))}</th>)}</tr></thead>
          <tbody>
            {rows.map((s) => <tr key={s.id}><td>{dayOf(s)}</td>{morningMeasures.map((m) => <td key={m}>{s.morning[m] ?? '–'}</td>)}</tr>)}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/// Sore spots over time: one small foot map per week, the latest weeks last.
function SoreByWeek({ sessions, regions }: { sessions: JournalSession[]; regions: Region[] }) {
  const weeks = new Map<string, Map<string, number>>();
  for (const s of sessions) {
    if (s.sore.length === 0) continue;
    const week = weeks.get(weekOf(s.start)) ?? new Map<string, number>();
    for (const p of s.sore) week.set(`${p.foot}:${p.region}`, Math.max(week.get(`${p.foot}:${p.region}`) ?? 0, p.intensity));
    weeks.set(weekOf(s.start), week);
  }
  if (weeks.size === 0) return null;
  const shown = [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(-6);
  const name = (place: string) => { const [foot, id] = place.split(':'); return `${foot} ${regions.find((r) => r.id === id)?.name.toLowerCase() ?? words(id)}`; };
  const label = (week: string) => new Date(week + 'T12:00:00').toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return (
    <section class="sore-weeks">
      <h2>Sore spots, week by week</h2>
      <p class="small">Each small map is one week (from Monday). Lit: a spot you marked sore that week.</p>
      <ul class="small-multiples">
        {shown.map(([week, spots]) => (
          <li key={week} data-week={week}>
            <FootMap regions={regions} lit={new Set(spots.keys())} litLabel="sore"
              label={`Week of ${label(week)}: sore ${[...spots.entries()].map(([p, n]) => `${name(p)} ${n} of 10`).join(', ')}.`} />
            <span class="small">Week of {label(week)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
