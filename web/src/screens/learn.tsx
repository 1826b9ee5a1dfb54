// Learn: technique cards, the claims with their evidence grades and
// sources, and the reflexology atlas shown as a tradition.
import { learn, type Claim, type Region, type Source, type Technique, type Tip, type Zone } from '../api';
import { FootMap } from '../footmap';
import { Picture } from '../picture';
import { currentRoute } from '../router';
import { GradeBadge, Pending, Title, useLoad, words } from '../ui';

const tabs = [
  ['techniques', 'Techniques'],
  ['evidence', 'Evidence'],
  ['reflexology', 'Reflexology'],
  ['tips', 'Tips'],
] as const;

export function Learn({ tab = 'techniques' }: { tab?: string }) {
  return (
    <section class="screen learn">
      <Title>Learn</Title>
      <nav class="tabs" aria-label="Learn sections">
        {tabs.map(([id, label]) => (
          <a key={id} href={`#/learn/${id}`} aria-current={tab === id ? 'page' : undefined}>{label}</a>
        ))}
      </nav>
      {tab === 'evidence' ? <Evidence /> : tab === 'reflexology' ? <Reflexology /> : tab === 'tips' ? <Tips /> : <Techniques />}
    </section>
  );
}

// The first sentence of the spoken cue: what the hands do, in one line.
export function summary(t: Technique): string {
  return t.cue.split(/(?<=\.)\s/)[0];
}

// A gallery: a card per technique with its picture; a card opens the detail.
function Techniques() {
  const data = useLoad(() => learn<Technique[]>('learn/techniques'));
  if (!data.value) return <Pending error={data.error} />;
  const id = currentRoute()[2];
  const chosen = id ? data.value.find((t) => t.id === id) : undefined;
  if (chosen) return <TechniqueDetail t={chosen} />;
  return (
    <ul class="gallery">
      {data.value.map((t) => (
        <li key={t.id}>
          <a class="card gallery-card" href={`#/learn/techniques/${t.id}`}>
            <Picture id={t.id} thumb />
            <span class="gallery-name">{t.name}</span>
            <span class="small">{summary(t)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

// The loop first, then the steps, then the care notes.
function TechniqueDetail({ t }: { t: Technique }) {
  return (
    <article class="card technique-detail">
      <a href="#/learn/techniques">All techniques</a>
      <h2>{t.name}</h2>
      <Picture id={t.id} loop />
      <p class="small">{t.regions.map(words).join(', ')} · pressure {t.pressure.min} to {t.pressure.max} of 5 · about {t.seconds.default} seconds
        {t.tools.length > 0 && <> · needs {t.tools.map(words).join(', ')}</>}</p>
      <h3>Steps</h3>
      <ol>{t.steps.map((s) => <li key={s}>{s}</li>)}</ol>
      {t.cautions.length > 0 && <div class="cautions"><h3>Take care</h3><ul>{t.cautions.map((c) => <li key={c}>{c}</li>)}</ul></div>}
    </article>
  );
}

function Sources({ ids, sources }: { ids: string[]; sources: Source[] }) {
  if (!ids.length) return <p class="small">Sources: none yet.</p>;
  return (
    <details>
      <summary>Sources ({ids.length})</summary>
      <ul class="sources">{ids.map((id) => <li key={id}>{sources.find((s) => s.id === id)?.citation ?? id}</li>)}</ul>
    </details>
  );
}

function ClaimCard({ claim, sources }: { claim: Claim; sources: Source[] }) {
  return (
    <article class="card claim">
      <h2>{claim.topic}</h2>
      <GradeBadge grade={claim.grade} />
      <p>{claim.say}</p>
      <Sources ids={claim.sources} sources={sources} />
    </article>
  );
}

function Evidence() {
  const data = useLoad(() => Promise.all([learn<Claim[]>('learn/claims'), learn<Source[]>('learn/sources')]));
  if (!data.value) return <Pending error={data.error} />;
  const [claims, sources] = data.value;
  return (
    <>
      <p class="lead">What foot massage is said to do, and how good the evidence is. "May help" means a few small studies point that way.</p>
      <div class="cards">{claims.map((c) => <ClaimCard key={c.id} claim={c} sources={sources} />)}</div>
    </>
  );
}

function Reflexology() {
  const data = useLoad(() => Promise.all([
    learn<Zone[]>('learn/zones'), learn<Region[]>('regions'), learn<Claim[]>('learn/claims'), learn<Source[]>('learn/sources'),
  ]));
  if (!data.value) return <Pending error={data.error} />;
  const [zones, regions, claims, sources] = data.value;
  const claim = claims.find((c) => c.id === 'reflexology_organs');
  const shapes = zones.flatMap((z) => z.feet.map((foot) => ({ foot, outline: z.outline, label: `${foot}-${z.id}` })));
  return (
    <>
      <div class="tradition" role="note">
        <h2>A tradition, not anatomy</h2>
        {claim && <ClaimCard claim={claim} sources={sources} />}
      </div>
      <FootMap regions={regions} shapes={shapes} label="The reflexology zones drawn on both soles. The list below names each zone." />
      <h2>The zones, as reflexologists describe them</h2>
      <ul class="zones">
        {zones.map((z) => (
          <li key={z.id}><strong>{z.name}</strong> <span class="small">({z.feet.join(' and ')} foot, {words(z.region)})</span><br />{z.tradition}</li>
        ))}
      </ul>
    </>
  );
}

function Tips() {
  const data = useLoad(() => learn<Tip[]>('learn/tips'));
  if (!data.value) return <Pending error={data.error} />;
  return <div class="cards">{data.value.map((t) => <article class="card" key={t.id}><h2>{t.title}</h2><p>{t.text}</p></article>)}</div>;
}
