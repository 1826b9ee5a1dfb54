// Card: a one-page card to hand a massage therapist, as `plantar card` makes
// it: choose its parts, see it, download the PDF. It follows the last safety
// check and routine saved on this device, and the journal's sore spots.
import { useState } from 'preact/hooks';
import { get } from '../api';
import { lastCheck, lastPlan } from '../store';
import { Pending, Title, useLoad } from '../ui';

interface CardText {
  sections: string[];
  card: { title: string; name: string; date: string; verdict: string; sections: Record<string, string[]>; footer: string };
}

const labels: Record<string, string> = {
  cautions: 'Cautions from your safety check',
  sore: 'Sore spots (last 30 days)',
  goals: 'Your goals',
  routine: 'Your home routine',
  trend: 'How you felt before and after',
};

/// The card's query: the chosen parts, the name, and the saved check and routine as a plan request.
function cardQuery(sections: string[], name: string): Record<string, string> {
  const plan = lastPlan();
  const check = lastCheck();
  const request: Record<string, unknown> = plan ? { ...plan } : {};
  request.conditions = check?.conditions ?? plan?.conditions ?? [];
  const query: Record<string, string> = { sections: sections.join(','), plan: JSON.stringify(request) };
  if (name.trim()) query.name = name.trim();
  return query;
}

const url = (query: Record<string, string>, format: string) =>
  '/api/card?' + new URLSearchParams({ ...query, format }).toString();

function TextVersion({ query }: { query: Record<string, string> }) {
  const text = useLoad(() => get<CardText>('card', query), [JSON.stringify(query)]);
  if (!text.value) return <Pending error={text.error} />;
  const card = text.value.card;
  return (
    <details class="card-text">
      <summary>The card as text</summary>
      <h3>{card.title}{card.name && `: ${card.name}`}, {card.date}</h3>
      <p>{card.verdict}</p>
      {Object.entries(card.sections).filter(([, lines]) => lines.length).map(([id, lines]) => (
        <div key={id}>
          <h4>{labels[id] ?? id}</h4>
          <ul>{lines.map((l) => <li key={l}>{l}</li>)}</ul>
        </div>
      ))}
      <p class="small">{card.footer}</p>
    </details>
  );
}

export function Card() {
  const all = useLoad(() => get<CardText>('card'));
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [name, setName] = useState('');
  if (!all.value) return <section class="screen"><Title>Therapist card</Title><Pending error={all.error} /></section>;
  const sections = all.value.sections;
  const on = chosen ?? sections;
  const toggle = (id: string) => setChosen(sections.filter((s) => (s === id ? !on.includes(s) : on.includes(s))));
  const query = cardQuery(on, name);
  const check = lastCheck();
  return (
    <section class="screen card-screen">
      <Title>Therapist card</Title>
      <p class="lead">One page to show a massage therapist: your cautions, sore spots, goals and home routine. Made on
        this computer; nothing is sent anywhere.</p>
      {!check ? (
        <p class="notice caution-note">No safety check saved on this device, so the card lists no cautions.{' '}
          <a href="#/check">Take the safety check</a> first if you have a health problem.</p>
      ) : (
        <p class="small">The cautions follow your safety check of {new Date(check.at).toLocaleDateString()}.{' '}
          <a href="#/check">Take it again</a> if anything has changed.</p>
      )}
      <fieldset>
        <legend>What to include</legend>
        {sections.map((id) => (
          <label class="choice" key={id}>
            <input type="checkbox" checked={on.includes(id)} onChange={() => toggle(id)} />
            {labels[id] ?? id}
          </label>
        ))}
      </fieldset>
      <label class="field">
        Your name on the card (optional)
        <input type="text" value={name} autocomplete="name" onChange={(e) => setName((e.target as HTMLInputElement).value)} />
      </label>
      {on.length === 0 ? (
        <p class="notice" role="status">Choose at least one part for the card.</p>
      ) : (
        <>
          <div class="actions">
            <a class="button" href={url(query, 'pdf')} download>Download PDF</a>
          </div>
          <h2>Preview</h2>
          <img class="card-preview" src={url(query, 'svg')} width="595" height="842"
            alt="Preview of the card. The same text is under “The card as text” below." />
          <TextVersion query={query} />
        </>
      )}
    </section>
  );
}
