// Places: massage therapists, reflexologists, podiatrists and more near you,
// from the OpenStreetMap data imported on this computer (`plantar places
// import`). Your position is asked for only when you press the button, and
// is sent only to plantar on this computer.
import { useRef, useState } from 'preact/hooks';
import { ApiError, ChoicesError, placesInfo, placesNear, type NamedPlace, type NearAnswer, type Place, type PlacesInfo } from '../api';
import { PlacePlot } from '../placeplot';
import { Pending, Title, useLoad } from '../ui';

const attribution = <p class="attribution small">Data © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a>, ODbL</p>;

const distance = (km: number) => (km < 1 ? `${Math.round(km * 100) * 10} m` : `${km < 10 ? km.toFixed(1) : Math.round(km)} km`);
const time = (stamp?: string) => stamp?.slice(11) ?? '';

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/// "" today, " tomorrow", " on Friday", " on 2024-05-20" (a change more than a week away).
function dayWords(stamp: string | undefined, today: string): string {
  if (!stamp || stamp.slice(0, 10) === today) return '';
  const days = Math.round((Date.parse(stamp.slice(0, 10)) - Date.parse(today)) / 86400000);
  if (days === 1) return ' tomorrow';
  if (days > 1 && days < 7) return ` on ${weekdays[new Date(stamp.slice(0, 10) + 'T12:00:00Z').getUTCDay()]}`;
  return ` on ${stamp.slice(0, 10)}`;
}

function hoursWords(place: Place, today: string): string {
  const h = place.hours;
  const day = (stamp?: string) => dayWords(stamp, today);
  if (h.state === 'open') return h.closes_at ? `Open now, closes at ${time(h.closes_at)}${day(h.closes_at)}` : 'Open now';
  if (h.state === 'closed') return h.opens_at ? `Closed now, opens at ${time(h.opens_at)}${day(h.opens_at)}` : 'Closed now';
  if (h.state === 'unknown') return `Hours: “${h.opening_hours}”`;
  return 'Opening hours not given';
}

function PlaceItem({ place, number, today }: { place: Place; number: number; today: string }) {
  return (
    <li class="place">
      <span class="place-number" aria-hidden="true">{number}</span>
      <div>
        <h3>{place.name || place.kind_name}</h3>
        <p class="small">{place.kind_name} · {distance(place.distance_km)} {place.direction}</p>
        {place.address && <p class="place-line">{place.address}</p>}
        <p class={`place-line hours-${place.hours.state}`}>{hoursWords(place, today)}</p>
        <p class="place-line">
          {place.phone && <><a href={`tel:${place.phone.replace(/\s/g, '')}`}>{place.phone}</a> · </>}
          <a href={place.osm.url} rel="noopener noreferrer">On openstreetmap.org<span class="visually-hidden"> ({place.name || place.kind_name})</span></a>
        </p>
      </div>
    </li>
  );
}

function Results({ answer }: { answer: NearAnswer }) {
  const where = answer.near.name || `${answer.near.lat.toFixed(4)}, ${answer.near.lon.toFixed(4)}`;
  const today = answer.at.slice(0, 10);
  return (
    <div class="near">
      <h2>{answer.places.length ? `${answer.places.length} ${answer.places.length === 1 ? 'place' : 'places'} near ${where}` : `Nothing near ${where}`}</h2>
      {answer.places.length === 0 ? (
        <p>None within {answer.radius_km} km{answer.open_now ? ' that is open now: try without “Open now”' : ''}. The imported
          region may not list any yet.</p>
      ) : (
        <>
          <PlacePlot answer={answer} />
          <ol class="places">{answer.places.map((p, i) => <PlaceItem key={p.osm.url} place={p} number={i + 1} today={today} />)}</ol>
        </>
      )}
      {attribution}
    </div>
  );
}

function NothingImported() {
  return (
    <div class="notice">
      <h2>No places imported yet</h2>
      <p>plantar looks places up offline, in OpenStreetMap data on this computer. To add a region, download its
        extract (an <code>.osm.pbf</code> file, e.g. from download.geofabrik.de) and run:</p>
      <pre><code>plantar places import FILE.osm.pbf</code></pre>
      <p>Then come back to this screen.</p>
    </div>
  );
}

function Search({ info }: { info: PlacesInfo }) {
  const [text, setText] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [openNow, setOpenNow] = useState(false);
  const [state, setState] = useState<{ answer?: NearAnswer; error?: string; choices?: NamedPlace[]; busy?: boolean }>({});
  const [last, setLast] = useState('');  // the `at` of the last answer, asked again when a filter changes

  const asked = useRef(0);  // only the latest question's answer is shown
  const search = async (at: string, options = { kinds, openNow }) => {
    const mine = ++asked.current;
    setState({ busy: true });
    const query: Record<string, string> = { at };
    if (options.kinds.length) query.kind = options.kinds.join(',');
    if (options.openNow) query.open_now = '1';
    try {
      const answer = await placesNear(query);
      if (mine !== asked.current) return;
      setState({ answer });
      setLast(at);
    } catch (e) {
      if (mine !== asked.current) return;
      // "at: no place called ..." reads better without the field's name.
      const field = e instanceof ApiError ? e.field : undefined;
      const message = (e as Error).message;
      const error = field && message.startsWith(field + ': ') ? message.slice(field.length + 2) : message;
      setState({ error, choices: e instanceof ChoicesError ? e.choices : undefined });
    }
  };
  const locate = () => {
    if (!('geolocation' in navigator) || !isSecureContext) {
      // Browsers share a position only with https pages and this computer's own (a phone on the LAN is neither).
      setState({ error: 'This browser cannot share your location with this page. Type a town instead.' });
      return;
    }
    setState({ busy: true });
    navigator.geolocation.getCurrentPosition(
      (p) => search(`${p.coords.latitude.toFixed(5)},${p.coords.longitude.toFixed(5)}`),
      (e) => setState({ error: e.code === e.PERMISSION_DENIED ? 'Location was not allowed. Type a town instead.' : 'Your location could not be found. Type a town instead.' }),
      { maximumAge: 600000, timeout: 20000 },
    );
  };
  const toggleKind = (id: string) => {
    const next = kinds.includes(id) ? kinds.filter((k) => k !== id) : [...kinds, id];
    setKinds(next);
    if (last) search(last, { kinds: next, openNow });
  };
  const toggleOpen = (on: boolean) => {
    setOpenNow(on);
    if (last) search(last, { kinds, openNow: on });
  };
  return (
    <>
      <div class="actions">
        <button type="button" class="button" onClick={locate}>Use my location</button>
      </div>
      <form class="ask-form" role="search" onSubmit={(e) => { e.preventDefault(); if (text.trim()) search(text.trim()); }}>
        <label for="place">Or a town or village</label>
        <div class="ask-row">
          <input id="place" type="search" value={text} autocomplete="off" placeholder="e.g. Vaduz"
            onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          <button class="button" type="submit">Search</button>
        </div>
      </form>
      <div class="chips" role="group" aria-label="Kinds of place">
        <span class="chips-label">Kinds of place (none chosen: all)</span>
        {info.kinds.map((k) => (
          <button type="button" key={k.id} class={kinds.includes(k.id) ? 'chip on' : 'chip'} aria-pressed={kinds.includes(k.id)}
            onClick={() => toggleKind(k.id)}>{k.plural[0].toUpperCase() + k.plural.slice(1)}</button>
        ))}
      </div>
      <label class="choice toggle">
        <input type="checkbox" checked={openNow} onChange={(e) => toggleOpen((e.target as HTMLInputElement).checked)} />
        Open now
      </label>
      <div aria-live="polite">
        {state.busy && <p class="notice" role="status">Looking…</p>}
        {state.error && (
          <div class="notice error" role="alert">
            <p class="preline">{state.choices ? 'That name could be several places. Which one?' : state.error}</p>
            {state.choices && (
              <div class="chips">
                {state.choices.map((c) => (
                  <button type="button" class="chip" key={`${c.lat},${c.lon}`}
                    onClick={() => search(`${c.lat},${c.lon}`)}>{c.name} ({c.type}, {c.lat.toFixed(2)}, {c.lon.toFixed(2)})</button>
                ))}
              </div>
            )}
          </div>
        )}
        {state.answer && <Results answer={state.answer} />}
      </div>
    </>
  );
}

export function Places() {
  const info = useLoad(placesInfo);
  return (
    <section class="screen places">
      <Title>Places near you</Title>
      <p class="lead">Massage therapists, reflexologists, podiatrists, saunas and spas, with opening hours. Looked up on
        this computer: your location goes nowhere else.</p>
      {!info.value ? <Pending error={info.error} /> : info.value.regions.length === 0 ? <NothingImported /> : (
        <>
          <Search info={info.value} />
          <p class="small">Imported: {info.value.regions.map((r) => `${r.name} (${r.imported_at})`).join(', ')}.</p>
        </>
      )}
    </section>
  );
}
