// The foot map: the soles of both feet (the right one mirrors the left
// outlines of /api/regions) and a side view of the lower leg, with areas lit
// or crossed out. Always paired with a text list for screen readers.
import type { Region } from './api';

interface Props {
  regions: Region[];
  lit?: Set<string>;      // "left:heel"
  avoid?: Set<string>;    // "left:heel" or "left:*"
  shapes?: { foot: string; outline: [number, number][]; label: string }[];  // e.g. reflexology zones
  label: string;          // what the picture shows, for screen readers
  litLabel?: string;      // the legend of lit areas
}

// The outlines live in a unit square; a foot is much taller than wide.
const sx = 120;
const sy = 250;
const gap = 20;

function path(outline: [number, number][], mirror: boolean, dx: number): string {
  return outline
    .map(([x, y], i) => `${i ? 'L' : 'M'}${((mirror ? 1 - x : x) * sx + dx).toFixed(1)},${(y * sy).toFixed(1)}`)
    .join(' ') + ' Z';
}

function state(place: string, foot: string, props: Props): string {
  if (props.avoid?.has(place) || props.avoid?.has(foot + ':*')) return 'area avoid';
  return props.lit?.has(place) ? 'area lit' : 'area';
}

export function FootMap(props: Props) {
  const feet: [string, boolean, number][] = [['left', false, 0], ['right', true, sx + gap]];
  const sole = props.regions.filter((r) => r.view === 'sole');
  const side = props.regions.filter((r) => r.view === 'side');
  const width = 2 * sx + gap;
  const box = `-4 -4 ${width + 8} ${sy + 26}`;
  return (
    <figure class="footmap">
      <div class="views">
      <svg viewBox={box} role="img" aria-label={props.label} focusable="false">
        {feet.map(([foot, mirror, dx]) => (
          <g key={foot}>
            {sole.map((r) => (
              <path key={r.id} d={path(r.outline, mirror, dx)} class={state(`${foot}:${r.id}`, foot, props)} />
            ))}
            {props.shapes?.filter((s) => s.foot === foot).map((s) => (
              <path key={s.label} d={path(s.outline, mirror, dx)} class="zone" />
            ))}
            <text x={dx + sx / 2} y={sy + 16} class="foot-label" text-anchor="middle">{foot} sole</text>
          </g>
        ))}
      </svg>
      {side.length > 0 && !props.shapes && (
        <svg viewBox={box} role="img" aria-label="Side view of the lower legs" focusable="false">
          {feet.map(([foot, mirror, dx]) => (
            <g key={foot}>
              {side.map((r) => (
                <path key={r.id} d={path(r.outline, mirror, dx)} class={state(`${foot}:${r.id}`, foot, props)} />
              ))}
              <text x={dx + sx / 2} y={sy + 16} class="foot-label" text-anchor="middle">{foot} leg</text>
            </g>
          ))}
        </svg>
      )}
      </div>
      <figcaption class="legend" aria-hidden="true">
        {props.lit && <span><i class="swatch lit" /> {props.litLabel ?? 'worked in this routine'}</span>}
        {props.avoid && props.avoid.size > 0 && <span><i class="swatch avoid" /> leave alone</span>}
      </figcaption>
    </figure>
  );
}
