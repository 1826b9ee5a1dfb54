// Big 0–10 sliders for stress, pain and tension. A measure nobody touched
// stays "not rated" and is not sent, so skipping is just leaving it alone.
import { measures, type Ratings } from './session';

const hints: Record<string, string> = {
  stress: '0 calm · 10 very stressed',
  pain: '0 no pain · 10 worst pain',
  tension: '0 loose · 10 very tight',
};

export const measureName = (m: string) => m.charAt(0).toUpperCase() + m.slice(1).replace(/_/g, ' ');

export function RatingSliders({ value, onChange, idPrefix }: { value: Ratings; onChange: (r: Ratings) => void; idPrefix: string }) {
  return (
    <div class="ratings">
      {measures.map((m) => {
        const v = value[m];
        const id = `${idPrefix}-${m}`;
        return (
          <div class="rating" key={m}>
            <label for={id}>
              <span>{measureName(m)}<span class="visually-hidden"> {idPrefix}</span></span>
              <output for={id} class={v === undefined ? 'unset' : ''}>{v === undefined ? 'not rated' : `${v} of 10`}</output>
            </label>
            <input id={id} type="range" min={0} max={10} step={1} value={v ?? 5} class={v === undefined ? 'unset' : ''}
              aria-valuetext={v === undefined ? 'not rated' : `${v} of 10`} aria-describedby={`${id}-hint`}
              onInput={(e) => onChange({ ...value, [m]: Number((e.target as HTMLInputElement).value) })} />
            <span class="hint" id={`${id}-hint`}>{hints[m]}</span>
          </div>
        );
      })}
    </div>
  );
}

/// "stress 7 → 3, pain 4 → 2"
export function ratingsText(before: Ratings, after: Ratings): string {
  const parts: string[] = [];
  for (const m of measures) {
    if (before[m] === undefined && after[m] === undefined) continue;
    parts.push(`${m} ${before[m] ?? '–'} → ${after[m] ?? '–'}`);
  }
  return parts.join(', ') || 'no ratings';
}
