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
}

const scale = 160;

function path(outline: [number, number][], mirror: boolean, dx: number): string {
  return outline
    .map(([x, y], i) => `${i ? 'L' : 'M'}${((mirror ? 1 - x : x) * scale + dx).toFixed(1)},${(y * scale).toFixed(1)}`)
    .join(' ') + ' Z';
}

function state(place: string, foot: string, props: Props): string {
  if (props.avoid?.has(place) || props.avoid?.has(foot + ':*')) return 'area avoid';
  return props.lit?.has(place) ? 'area lit' : 'area';
}

export function FootMap(props: Props) {
  const feet: [string, boolean, number][] = [['left', false, 0], ['right', true, scale + 24]];
  const sole = props.regions.filter((r) => r.view === 'sole');
  const side = props.regions.filter((r) => r.view === 'side');
  const width = 2 * scale + 24;
  return (
    <figure class="footmap">
      <svg viewBox={`-4 -4 ${width + 8} ${scale + 8}`} role="img" aria-label={props.label} focusable="false">
        {feet.map(([foot, mirror, dx]) => (
          <g key={foot}>
            {sole.map((r) => (
              <path key={r.id} d={path(r.outline, mirror, dx)} class={state(`${foot}:${r.id}`, foot, props)} />
            ))}
            {props.shapes?.filter((s) => s.foot === foot).map((s) => (
              <path key={s.label} d={path(s.outline, mirror, dx)} class="zone" />
            ))}
            <text x={dx + scale / 2} y={scale - 2} class="foot-label" text-anchor="middle">{foot} sole</text>
          </g>
        ))}
      </svg>
      {side.length > 0 && !props.shapes && (
        <svg viewBox={`-4 -4 ${width + 8} ${scale + 8}`} role="img" aria-label="Side view of the lower legs" focusable="false">
          {feet.map(([foot, mirror, dx]) => (
            <g key={foot}>
              {side.map((r) => (
                <path key={r.id} d={path(r.outline, mirror, dx)} class={state(`${foot}:${r.id}`, foot, props)} />
              ))}
              <text x={dx + scale / 2} y={scale - 2} class="foot-label" text-anchor="middle">{foot} leg, inner side</text>
            </g>
          ))}
        </svg>
      )}
      <figcaption class="legend" aria-hidden="true">
        {props.lit && <span><i class="swatch lit" /> worked in this routine</span>}
        {props.avoid && props.avoid.size > 0 && <span><i class="swatch avoid" /> leave alone</span>}
      </figcaption>
    </figure>
  );
}
