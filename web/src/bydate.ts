// Journal series on a time axis (uPlot, seconds): one point per entry, and a
// null row wherever more than a day and a half passes without one, so the
// line breaks at a gap instead of drawing a slope nobody measured.
import type uPlot from 'uplot';

export interface Point { at: number; values: (number | null)[] }

const gapSeconds = 36 * 3600;

/// Local "2026-11-20T21:30:00" as seconds since 1970.
export const seconds = (stamp: string) => new Date(stamp).getTime() / 1000;

export function byDate(points: Point[], series: number): uPlot.AlignedData {
  const sorted = points.filter((p) => Number.isFinite(p.at)).sort((a, b) => a.at - b.at);
  const xs: number[] = [];
  const ys: (number | null)[][] = Array.from({ length: series }, () => []);
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev && p.at - prev.at > gapSeconds) {
      xs.push((prev.at + p.at) / 2);
      ys.forEach((y) => y.push(null));
    }
    xs.push(p.at);
    ys.forEach((y, k) => y.push(p.values[k] ?? null));
  });
  return [xs, ...ys];
}

/// A date axis's range: the data's own, but at least a week around a lone
/// day. (uPlot widens a single point's time range by 86400 / ms, which with
/// seconds is 1,000 days, and every tick then reads "Jan 1".)
export function dateRange(u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax {
  const xs = (u.data?.[0] ?? []) as number[];
  if (!xs.length || min === null || max === null) return [min, max];
  const first = xs[0], last = xs[xs.length - 1];
  if (last - first >= 2 * 86400) return [min, max];
  const middle = (first + last) / 2;
  return [middle - 3.5 * 86400, middle + 3.5 * 86400];
}

/// Monday of the week of a local timestamp, as "2026-11-16".
export function weekOf(stamp: string): string {
  const d = new Date(stamp.slice(0, 10) + 'T12:00:00');
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
