// Places: massage therapists, reflexologists, podiatrists and more near you,
// from the OpenStreetMap data kept on this computer. Before any data is
// there, the screen offers to get it for the person's area (the server
// downloads it). Your position is asked for only when you press a button,
// and is sent only to plantar on this computer.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ApiError, ChoicesError, UnknownPlaceError, getState, offeredRegions, placesInfo, placesNear, startGet,
  type GetState, type NamedPlace, type NearAnswer, type OfferedRegion, type Place, type PlacesInfo,
} from '../api';
import { PlacePlot } from '../placeplot';
import { useReveal } from '../reveal';
import { Pending, SearchForm, Title, useLoad } from '../ui';

const attribution = <p class="attribution small">Data © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a>, ODbL</p>;
const fixTheMap = 'https://www.openstreetmap.org/fixthemap';

const distance = (km: number) => (km < 1 ? `${Math.round(km * 100) * 10} m` : `${km < 10 ? km.toFixed(1) : Math.round(km)} km`);
const time = (stamp?: string) => stamp?.slice(11) ?? '';
const capital = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const megabytes = (bytes = 0) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

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

/// "09:00-12:00, 14:00-18:00" as "9:00 to 12:00 and 14:00 to 18:00".
function spanWords(span: string): string {
  if (span === 'closed') return 'closed';
  if (span === 'open all day') return 'open all day';
  const parts = span.split(', ').map((s) => s.replace(/^0(\d)/, '$1').replace('-', ' to ').replace(/ to 0(\d)/, ' to $1'));
  return parts.length > 1 ? parts.slice(0, -1).join(', ') + ' and ' + parts[parts.length - 1] : parts[0];
}

const wheelchairWords: Record<string, string> = {
  yes: 'Wheelchair access: yes', limited: 'Wheelchair access: limited', no: 'No wheelchair access',
  designated: 'Wheelchair access: yes, built for it',
};

/// A website as written in OSM ("www.example.org" too) as a link, or null.
function websiteLink(site: string): string | null {
  if (!site) return null;
  const url = /^https?:\/\//i.test(site) ? site : 'https://' + site;
  try { return new URL(url).protocol.startsWith('http') ? url : null; } catch { return null; }
}

function PlaceItem({ place, number, today, from }: { place: Place; number: number; today: string; from: string }) {
  const label = place.name || place.kind_name;
  const website = websiteLink(place.website);
  const directions = `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`${from};${place.lat},${place.lon}`)}`;
  const hidden = <span class="visually-hidden"> ({label})</span>;
  return (
    <li class="place">
      <span class="place-number" aria-hidden="true">{number}</span>
      <div>
        <h3>{label}</h3>
        <p class="small">{place.kind_name} · {distance(place.distance_km)} {place.direction}</p>
        {place.address && <p class="place-line">{place.address}</p>}
        <p class={`place-line hours-${place.hours.state}`}>{hoursWords(place, today)}</p>
        {(place.hours.today || place.hours.tomorrow) && (
          <p class="place-line small">
            {place.hours.today && <>Today: {spanWords(place.hours.today)}</>}
            {place.hours.today && place.hours.tomorrow && ' · '}
            {place.hours.tomorrow && <>Tomorrow: {spanWords(place.hours.tomorrow)}</>}
          </p>
        )}
        <p class="place-line small">{wheelchairWords[place.wheelchair] ?? 'Wheelchair access not known'}</p>
        <p class="place-links">
          {place.phone && <a class="chip" href={`tel:${place.phone.replace(/[^\d+]/g, '')}`}>Call {place.phone}{hidden}</a>}
          {website && <a class="chip" href={website} rel="noopener noreferrer">Website{hidden}</a>}
          <a class="chip" href={directions} rel="noopener noreferrer">Directions{hidden}</a>
          <a class="chip" href={place.osm.url} rel="noopener noreferrer">On openstreetmap.org{hidden}</a>
        </p>
      </div>
    </li>
  );
}

interface Filters { kinds: string[]; openNow: boolean; radius: number }

function kindsWords(info: PlacesInfo, kinds: string[]): string {
  const names = kinds.map((id) => info.kinds.find((k) => k.id === id)?.plural ?? id);
  if (names.length === 0) return 'places for massage or foot care';
  return names.length === 1 ? names[0] : names.slice(0, -1).join(', ') + ' or ' + names[names.length - 1];
}

/// Nothing found: said plainly, with what OpenStreetMap covers and what to try.
function NothingFound({ answer, info, filters, change }: {
  answer: NearAnswer; info: PlacesInfo; filters: Filters; change: (f: Partial<Filters>) => void;
}) {
  const total = info.regions.reduce((n, r) => n + r.places, 0);
  const regions = info.regions.map((r) => capital(r.name)).join(', ');
  return (
    <>
      {total === 0 ? (
        <p>The OpenStreetMap data on this computer ({regions}) lists no places for massage or foot care at all.</p>
      ) : (
        <p>OpenStreetMap only lists the places that volunteers have added. Many practices are not on it yet, and
          therapists who come to your home rarely are.</p>
      )}
      <div class="chips">
        {answer.radius_km < 200 && (
          <button type="button" class="chip" onClick={() => change({ radius: Math.min(200, answer.radius_km * 2) })}>
            Look within {Math.min(200, answer.radius_km * 2)} km</button>
        )}
        {filters.kinds.length > 0 && <button type="button" class="chip" onClick={() => change({ kinds: [] })}>All kinds of place</button>}
        {filters.openNow && <button type="button" class="chip" onClick={() => change({ openNow: false })}>Also places closed now</button>}
      </div>
      <p>Know a practice that is missing? <a href={fixTheMap} rel="noopener noreferrer">Add it to OpenStreetMap</a>.</p>
    </>
  );
}

function Results({ answer, info, filters, change }: {
  answer: NearAnswer; info: PlacesInfo; filters: Filters; change: (f: Partial<Filters>) => void;
}) {
  const where = answer.near.name || `${answer.near.lat.toFixed(4)}, ${answer.near.lon.toFixed(4)}`;
  const today = answer.at.slice(0, 10);
  const heading = useReveal<HTMLHeadingElement>(answer);
  const count = answer.places.length;
  const open = filters.openNow ? ' open now' : '';
  return (
    <div class="near">
      <h2 tabIndex={-1} ref={heading}>
        {count ? `${count} ${count === 1 ? 'place' : 'places'} near ${where}`
          : `No ${kindsWords(info, filters.kinds)}${open} within ${answer.radius_km} km of ${where}`}
      </h2>
      {count === 0 ? <NothingFound answer={answer} info={info} filters={filters} change={change} /> : (
        <>
          <ol class="places">{answer.places.map((p, i) => <PlaceItem key={p.osm.url} place={p} number={i + 1} today={today} from={`${answer.near.lat},${answer.near.lon}`} />)}</ol>
          <PlacePlot answer={answer} />
          <p class="small">A place missing? <a href={fixTheMap} rel="noopener noreferrer">Add it to OpenStreetMap</a>.</p>
        </>
      )}
      {attribution}
    </div>
  );
}

interface Problem { title: string; text: string; choices?: NamedPlace[]; suggestion?: string }

/// An error of /api/places/near in the words of this screen.
function problemOf(e: unknown, typed: string, info: PlacesInfo): Problem {
  const regions = info.regions.map((r) => capital(r.name)).join(', ');
  if (e instanceof ChoicesError) return { title: `“${typed}” could be several places`, text: 'Which one do you mean?', choices: e.choices };
  if (e instanceof UnknownPlaceError)
    return {
      title: `“${typed}” is not in the places data`,
      text: `The data on this computer covers ${regions}. Check the spelling, try a nearby town, or use your location.`,
      suggestion: e.suggestion || undefined,
    };
  if (e instanceof ApiError && e.status === 400) {
    const field = e.field ?? '';
    const text = field && e.message.startsWith(field + ': ') ? e.message.slice(field.length + 2) : e.message;
    return { title: 'That search did not work', text: text[0].toUpperCase() + text.slice(1) + '.' };
  }
  return { title: 'No answer from plantar', text: 'plantar on this computer did not answer. Is it still running?' };
}

function ProblemBox({ problem, search }: { problem: Problem; search: (at: string, name?: string) => void }) {
  const heading = useReveal<HTMLHeadingElement>(problem);
  return (
    <div class="notice error" role="alert">
      <h2 tabIndex={-1} ref={heading}>{problem.title}</h2>
      <p>{problem.text}</p>
      {problem.suggestion && (
        <p class="chips"><span class="chips-label">Did you mean</span>
          <button type="button" class="chip" onClick={() => search(problem.suggestion!)}>{problem.suggestion}</button></p>
      )}
      {problem.choices && (
        <div class="chips">
          {problem.choices.map((c) => (
            <button type="button" class="chip" key={`${c.lat},${c.lon}`}
              onClick={() => search(`${c.lat},${c.lon}`, c.name)}>{c.name} ({c.type}, {c.lat.toFixed(2)}, {c.lon.toFixed(2)})</button>
          ))}
        </div>
      )}
    </div>
  );
}

/// Asks the browser for the position as "LAT,LON"; rejects with words for the screen.
function position(): Promise<string> {
  if (!('geolocation' in navigator) || !isSecureContext)
    // Browsers share a position only with https pages and this computer's own (a phone on the LAN is neither).
    return Promise.reject(new Error('This browser cannot share your location with this page. Type a name instead.'));
  return new Promise((resolve, reject) => navigator.geolocation.getCurrentPosition(
    (p) => resolve(`${p.coords.latitude.toFixed(5)},${p.coords.longitude.toFixed(5)}`),
    (e) => reject(new Error(e.code === e.PERMISSION_DENIED ? 'Location was not allowed. Type a name instead.' : 'Your location could not be found. Type a name instead.')),
    { maximumAge: 600000, timeout: 20000 },
  ));
}

function Search({ info, start }: { info: PlacesInfo; start?: string }) {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Filters>({ kinds: [], openNow: false, radius: 25 });
  const [state, setState] = useState<{ answer?: NearAnswer; problem?: Problem; busy?: boolean }>({});
  const [last, setLast] = useState('');  // the `at` of the last answer, asked again when a filter changes

  const asked = useRef(0);  // only the latest question's answer is shown
  const search = async (at: string, name = at, options = filters) => {
    const mine = ++asked.current;
    setState({ busy: true });
    const query: Record<string, string> = { at };
    if (options.kinds.length) query.kind = options.kinds.join(',');
    if (options.openNow) query.open_now = '1';
    if (options.radius !== 25) query.radius = String(options.radius);
    try {
      const answer = await placesNear(query);
      if (mine !== asked.current) return;
      setState({ answer });
      setLast(at);
    } catch (e) {
      if (mine !== asked.current) return;
      setState({ problem: problemOf(e, name, info) });
    }
  };
  useEffect(() => { if (start) search(start); }, []);
  const locate = () => {
    setState({ busy: true });
    position().then((at) => search(at), (e: Error) => setState({ problem: { title: 'No location', text: e.message } }));
  };
  const change = (next: Partial<Filters>) => {
    const all = { ...filters, ...next };
    setFilters(all);
    if (last) search(last, last, all);
  };
  const toggleKind = (id: string) => change({ kinds: filters.kinds.includes(id) ? filters.kinds.filter((k) => k !== id) : [...filters.kinds, id] });
  return (
    <>
      <div class="actions">
        <button type="button" class="button" onClick={locate}>Use my location</button>
      </div>
      <SearchForm id="place" label="Or a town or village" value={text} onText={setText} button="Search" placeholder="e.g. Vaduz"
        onSubmit={(e) => { e.preventDefault(); if (text.trim()) search(text.trim()); }} search />
      <div class="chips" role="group" aria-label="Kinds of place">
        <span class="chips-label">Kinds of place (none chosen: all)</span>
        {info.kinds.map((k) => (
          <button type="button" key={k.id} class={filters.kinds.includes(k.id) ? 'chip on' : 'chip'} aria-pressed={filters.kinds.includes(k.id)}
            onClick={() => toggleKind(k.id)}>{k.plural[0].toUpperCase() + k.plural.slice(1)}</button>
        ))}
      </div>
      <label class="choice toggle">
        <input type="checkbox" checked={filters.openNow} onChange={(e) => change({ openNow: (e.target as HTMLInputElement).checked })} />
        Open now
      </label>
      <div aria-live="polite">
        {state.busy && <p class="notice" role="status">Looking…</p>}
        {state.problem && <ProblemBox problem={state.problem} search={(at, name) => { setText(name ?? at); search(at, name); }} />}
        {state.answer && <Results answer={state.answer} info={info} filters={filters} change={change} />}
      </div>
    </>
  );
}

/// A failed download or region list in the words of this screen.
function getProblem(error: string, status?: number): string {
  if (status === 503 || /cannot fetch/.test(error))
    return 'plantar could not reach the download server. Is this computer online? Try again in a moment.';
  if (/offers no region/.test(error)) return 'The download server does not have this region. Choose another one.';
  if (/damaged/.test(error)) return 'The download came damaged, so nothing was changed. Try again.';
  if (/stopped after/.test(error)) return 'The download stopped before the end. Try again: it goes on where it stopped.';
  if (/already running/.test(error)) return 'A download is already running. Wait for it to end.';
  return 'Getting the data did not work: ' + error.replace(/^region: /, '');
}

function GetProgress({ job }: { job: GetState }) {
  const heading = useReveal<HTMLHeadingElement>(job.region);
  const reading = job.state === 'import';
  return (
    <div class="get-progress">
      <h3 tabIndex={-1} ref={heading}>Getting {job.region}…</h3>
      <div class="progress">
        <progress max={reading ? job.size || 1 : job.total || 1} value={reading ? job.read ?? 0 : job.done ?? 0}
          aria-label={reading ? 'Reading the places' : 'Download'} />
        <span role="status">{job.state === 'checksum' ? 'Starting…'
          : reading ? 'Reading the places…'
          : `${megabytes(job.done)}${job.total ? ' of ' + megabytes(job.total) : ''}`}</span>
      </div>
    </div>
  );
}

/// "Get places for your area": the region around the person's position or
/// one found by name, downloaded and imported by the server.
function GetRegion({ onDone, first }: { onDone: (at?: string) => void; first: boolean }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ regions: OfferedRegion[]; title: string; at?: string; key: number }>();
  const [job, setJob] = useState<GetState>();
  const [problem, setProblem] = useState<{ text: string; retry?: string; key: number }>();
  const where = useRef<string | undefined>(undefined);
  const shown = useReveal<HTMLHeadingElement>(found?.key);
  const failed = useReveal<HTMLHeadingElement>(problem?.key);

  const poll = async () => {
    for (;;) {
      let now: GetState;
      try { now = await getState(); } catch (e) { setProblem({ text: getProblem((e as Error).message), key: Date.now() }); setJob(undefined); return; }
      if (now.state === 'done') { setJob(undefined); onDone(where.current); return; }
      if (now.state === 'failed' || now.state === 'idle') {
        setJob(undefined);
        setProblem({ text: getProblem(now.error ?? 'no download running'), retry: now.region, key: Date.now() });
        return;
      }
      setJob(now);
      await new Promise((r) => setTimeout(r, 400));
    }
  };
  useEffect(() => { getState().then((s) => { if (['checksum', 'download', 'import'].includes(s.state)) { setJob(s); poll(); } }, () => {}); }, []);

  const fetchRegions = async (query: Record<string, string>, title: (a: { suggested: OfferedRegion | null; regions: OfferedRegion[] }) => [OfferedRegion[], string]) => {
    setProblem(undefined);
    try {
      const answer = await offeredRegions(query);
      const [regions, heading] = title(answer);
      setFound({ regions, title: heading, at: query.at, key: Date.now() });
    } catch (e) {
      setFound(undefined);
      setProblem({ text: getProblem((e as Error).message, e instanceof ApiError ? e.status : undefined), key: Date.now() });
    }
  };
  const locate = () => position().then(
    (at) => fetchRegions({ at }, (a) => [a.suggested ? [a.suggested] : [], a.suggested ? 'Your area' : 'No region found around your position: type its name']),
    (e: Error) => setProblem({ text: e.message, key: Date.now() }));
  const byName = (e: Event) => {
    e.preventDefault();
    const q = text.trim();
    if (q) fetchRegions({ q }, (a) => [a.regions, a.regions.length ? 'Regions with that name' : `No region called “${q}”: try your country’s name in English`]);
  };
  const get = async (region: string) => {
    where.current = found?.at;
    setProblem(undefined);
    setJob({ state: 'checksum', region });
    try {
      await startGet(region);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 409 && /already running/.test(e.message))) {
        setJob(undefined);
        setProblem({ text: getProblem((e as Error).message), retry: region, key: Date.now() });
        return;
      }
    }
    poll();
  };
  const nameOf = (path: string) => found?.regions.find((r) => r.path === path)?.name ?? path;
  return (
    <div class={first ? 'notice get-region' : 'get-region'}>
      {first && <h2>Get places for your area</h2>}
      <p>plantar looks places up on this computer, in OpenStreetMap data. Get the data for your area once: plantar
        downloads it from the internet (a few MB for a small country, a few hundred MB for a large one).</p>
      {job ? <GetProgress job={{ ...job, region: nameOf(job.region ?? '') }} /> : (
        <>
          <div class="actions">
            <button type="button" class="button" onClick={locate}>Find my area</button>
          </div>
          <SearchForm id="region" label="Or your country or region" value={text} onText={setText} button="Find"
            placeholder="e.g. Liechtenstein" onSubmit={byName} />
          {found && (
            <div class="found-regions">
              <h3 tabIndex={-1} ref={shown}>{found.title}</h3>
              <div class="chips">
                {found.regions.map((r) => (
                  <button type="button" class="chip" key={r.path} onClick={() => get(r.path)}>
                    Get {r.name}{r.parent ? <span class="small"> ({r.path.split('/').slice(0, -1).join(' / ')})</span> : null}</button>
                ))}
              </div>
            </div>
          )}
        </>
      )}
      {problem && (
        <div class="notice error" role="alert">
          <h3 tabIndex={-1} ref={failed}>The data did not come</h3>
          <p>{problem.text}</p>
          {problem.retry && <button type="button" class="button" onClick={() => get(problem.retry!)}>Try again</button>}
        </div>
      )}
    </div>
  );
}

export function Places() {
  const [loads, setLoads] = useState(0);
  const [start, setStart] = useState<string>();
  const info = useLoad(placesInfo, [loads]);
  const got = (at?: string) => { setStart(at); setLoads((n) => n + 1); };
  return (
    <section class="screen places">
      <Title>Places near you</Title>
      <p class="lead">Massage therapists, reflexologists, podiatrists, saunas and spas, with opening hours. Looked up on
        this computer: your location goes nowhere else.</p>
      {!info.value ? <Pending error={info.error} /> : info.value.regions.length === 0 ? <GetRegion first onDone={got} /> : (
        <>
          <Search key={loads} info={info.value} start={start} />
          <p class="small">Data on this computer: {info.value.regions.map((r) => `${capital(r.name)} (${r.imported_at})`).join(', ')}.</p>
          <details class="more-regions">
            <summary>Get data for another area</summary>
            <GetRegion first={false} onDone={got} />
          </details>
        </>
      )}
    </section>
  );
}
