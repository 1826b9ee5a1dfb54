// The screens still to come: honest placeholders that say what each will do
// and what to use today.
import { get } from '../api';
import { Title, useLoad } from '../ui';

export const comingSoon: Record<string, { title: string; what: string }> = {};

export function Soon({ id }: { id: string }) {
  const item = comingSoon[id];
  return (
    <section class="screen">
      <Title>{item.title}: coming soon</Title>
      <p class="lead">{item.what}</p>
      <p>This part of plantar is not ready yet. Until it is, your routine's steps and cues are all on the{' '}
        <a href="#/plan">Plan</a> screen.</p>
      <p><a class="button" href="#/">Back to home</a></p>
    </section>
  );
}

export function More() {
  const session = useLoad(() => get<{ hosted?: boolean }>('session'));
  return (
    <section class="screen">
      <Title>More</Title>
      <ul class="links">
        <li><a href="#/learn">Learn</a>: techniques, evidence, reflexology</li>
        <li><a href="#/ask">Ask</a> a question in your own words</li>
        <li><a href="#/card">Therapist card</a>: your cautions, sore spots and goals on one page, as a PDF</li>
        <li><a href="#/places">Places</a>: massage therapists and reflexologists near you, from OpenStreetMap</li>
        <li><a href="#/journal">Journal</a>: how your sessions went</li>
        <li><a href="#/insights">Insights</a>: what your sessions add up to</li>
        <li><a href="#/account">Account</a>: log in, share with your therapist, see your clients</li>
        {Object.entries(comingSoon).map(([id, item]) => (
          <li key={id}><a href={`#/${id}`}>{item.title}</a> (coming soon)</li>
        ))}
      </ul>
      {session.value?.hosted
        ? <p class="small">This plantar is hosted for many people: your journal is kept on its server, for your account only.</p>
        : <p class="small">plantar runs on your own computer. Nothing you enter leaves it.</p>}
    </section>
  );
}
