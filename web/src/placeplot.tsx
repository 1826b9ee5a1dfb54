// A small plot of the places around a centre: north up, numbered dots that
// match the list, one distance ring and a scale bar; the centre's mark is
// drawn last, as a ring, so a place right beside it stays readable. Drawn from the
// positions alone: no map tiles, nothing fetched from anywhere.
import type { NearAnswer } from './api';

const half = 150;  // the plot is 300 units square, the centre in the middle
const reach = 128;  // the farthest place sits this far from the centre

/// Kilometres east and north of the centre (flat earth: fine for a few tens of km).
function offset(lat: number, lon: number, centre: { lat: number; lon: number }): [number, number] {
  const east = (lon - centre.lon) * 111.32 * Math.cos((centre.lat * Math.PI) / 180);
  const north = (lat - centre.lat) * 110.57;
  return [east, north];
}

/// A round length (1, 2 or 5 times a power of ten) near `km`.
function roundKm(km: number): number {
  const power = 10 ** Math.floor(Math.log10(km));
  const steps = [1, 2, 5, 10].map((s) => s * power);
  return steps.reduce((best, s) => (Math.abs(s - km) < Math.abs(best - km) ? s : best));
}

const distanceWords = (km: number) => (km < 1 ? `${Math.round(km * 1000)} m` : `${km} km`);

export function PlacePlot({ answer }: { answer: NearAnswer }) {
  const points = answer.places.map((p) => offset(p.lat, p.lon, answer.near));
  const far = Math.max(0.2, ...answer.places.map((p) => p.distance_km));
  const scale = reach / far;  // units per km
  const ring = roundKm(far / 2);
  const bar = ring * scale;
  const where = answer.near.name || `${answer.near.lat.toFixed(4)}, ${answer.near.lon.toFixed(4)}`;
  return (
    <figure class="placeplot">
      <svg viewBox={`${-half} ${-half} ${2 * half} ${2 * half}`} role="img"
        aria-label={`A plot of ${answer.places.length} places around ${where}, north up. The list gives each place's distance and direction.`}>
        <rect class="plot-bg" x={-half} y={-half} width={2 * half} height={2 * half} rx="12" />
        <circle class="plot-ring" cx="0" cy="0" r={bar} />
        <text class="plot-ring-label" x={bar * 0.72 + 3} y={-bar * 0.72 - 3}>{distanceWords(ring)}</text>
        <g class="plot-north" transform={`translate(${half - 22} ${-half + 18})`}>
          <path d="M0 -10 L6 8 L0 4 L-6 8 Z" />
          <text x="0" y="22" text-anchor="middle">N</text>
        </g>
        {points.map(([east, north], i) => {
          const x = east * scale, y = -north * scale;
          return (
            <g class="plot-place" key={i}>
              <circle cx={x} cy={y} r="9" />
              <text x={x} y={y + 4} text-anchor="middle">{i + 1}</text>
            </g>
          );
        })}
        <g class="plot-centre">
          <circle cx="0" cy="0" r="13" />
          <line x1="-19" y1="0" x2="-13" y2="0" /><line x1="13" y1="0" x2="19" y2="0" />
          <line x1="0" y1="-19" x2="0" y2="-13" /><line x1="0" y1="13" x2="0" y2="19" />
        </g>
        <g class="plot-scale" transform={`translate(${-half + 14} ${half - 16})`}>
          <line x1="0" y1="0" x2={bar} y2="0" />
          <line x1="0" y1="-5" x2="0" y2="5" /><line x1={bar} y1="-5" x2={bar} y2="5" />
          <text x={bar / 2} y="-8" text-anchor="middle">{distanceWords(ring)}</text>
        </g>
      </svg>
      <figcaption class="small">The ringed cross is {where}; north is up. Numbers match the list.</figcaption>
    </figure>
  );
}
