// Ask: a question in everyday words, answered from what plantar knows, as
// `plantar ask` does: safety guidance first, evidence grades and sources on
// every answer, and an honest "no good answer" instead of a guess. The
// question lives in the address (#/ask/QUESTION), so Back works.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, learn, type AskAnswer, type AskResult, type Source } from '../api';
import { reveal } from '../reveal';
import { go } from '../router';
import { GradeBadge, Pending, SearchForm, Title, useLoad } from '../ui';

const examples = [
  'How hard should I press?',
  'My heel hurts in the morning',
  'Is it OK with diabetes?',
  'What helps me sleep?',
  'Does reflexology work?',
];

/// "Ernst 2003", "Sutham et al. 2020": the authors and the first year, as the CLI shows them.
export function shortCitation(citation: string): string {
  let who = citation.split('. ')[0];
  if (who.endsWith(' al')) who += '.';
  const year = citation.match(/(?<!\d)(19|20)\d\d(?!\d)/);
  return year ? `${who} ${year[0]}` : who;
}

// Where the web app shows more about an answer, by its kind.
const more: Record<AskAnswer['kind'], [string, string] | null> = {
  question: null,
  technique: ['#/learn/techniques', 'All techniques'],
  goal: ['#/plan', 'Plan a routine for it'],
  claim: ['#/learn/evidence', 'All the evidence'],
  tip: ['#/learn/tips', 'All tips'],
  condition: ['#/check', 'Take the safety check'],
  zone: ['#/learn/reflexology', 'The reflexology map'],
};

function AnswerCard({ answer, sources }: { answer: AskAnswer; sources: Source[] }) {
  const heading = !answer.safety ? answer.title : (answer.score > 0 ? 'Safety: ' : 'Safety first: ') + answer.title;
  const cited = answer.sources.map((id) => sources.find((s) => s.id === id)).filter((s): s is Source => !!s);
  const link = more[answer.kind];
  return (
    <article class={answer.safety ? 'card answer safety' : 'card answer'}>
      <h2>{heading}</h2>
      <p>{answer.text}</p>
      {answer.claims.length > 0 && (
        <ul class="evidence">
          {answer.claims.map((c) => <li key={c.id}>Evidence on “{c.topic}”: <GradeBadge grade={c.grade} /></li>)}
        </ul>
      )}
      {cited.length > 0 && (
        <details>
          <summary>Sources: {cited.map((s) => shortCitation(s.citation)).join('; ')}</summary>
          <ul class="sources">{cited.map((s) => <li key={s.id}>{s.citation}</li>)}</ul>
        </details>
      )}
      {link && <p class="small"><a href={link[0]}>{link[1]}</a></p>}
    </article>
  );
}

function Answers({ result }: { result: AskResult }) {
  const sources = useLoad(() => learn<Source[]>('learn/sources'));
  // The first answer's heading comes into view and takes focus (below the fold on a phone otherwise).
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('h2');
    if (!first) return;
    first.tabIndex = -1;
    reveal(first);
  }, [result]);
  return (
    <div ref={box}>
      {result.corrections.map((c) => (
        <p class="small" key={c.typed}>Reading “{c.typed}” as “{c.read_as}”.</p>
      ))}
      {result.answers.length === 0 ? (
        <div class="notice no-answer">
          <h2>No good answer</h2>
          <p>I have no good answer to “{result.query}” in what plantar knows, and I will not guess.</p>
          {result.suggestions.length > 0 && (
            <>
              <p>Close topics you could ask about:</p>
              <div class="chips">
                {result.suggestions.map((s) => (
                  <a class="chip" key={s} href={'#/ask/' + encodeURIComponent(s)}>{s}</a>
                ))}
              </div>
            </>
          )}
          <p>For a health worry, ask a doctor, nurse, podiatrist or physiotherapist.</p>
        </div>
      ) : (
        <div class="cards">
          {result.answers.map((a) => <AnswerCard key={a.kind + a.id} answer={a} sources={sources.value ?? []} />)}
        </div>
      )}
      {result.answers.length > 0 && (
        <p class="small">This is general information, not a diagnosis: when in doubt, see a doctor, nurse,
          podiatrist or physiotherapist.</p>
      )}
    </div>
  );
}

function AskProblem({ error }: { error: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => reveal(heading.current), [error]);
  const field = /^(q|question|limit): /.exec(error);
  return (
    <div class="notice error" role="alert">
      <h2 tabIndex={-1} ref={heading}>{field ? 'Please ask another way' : 'No answer from plantar'}</h2>
      <p>{field ? error.slice(field[0].length) : 'plantar on this computer did not answer. Is it still running?'}</p>
    </div>
  );
}

function Result({ question }: { question: string }) {
  const result = useLoad(() => ask(question), [question]);
  if (result.error) return <AskProblem error={result.error} />;
  if (!result.value) return <Pending />;
  return <Answers result={result.value} />;
}

export function Ask({ question = '' }: { question?: string }) {
  const [text, setText] = useState(question);
  const submit = (e: Event) => {
    e.preventDefault();
    if (text.trim()) go('ask/' + encodeURIComponent(text.trim()));
  };
  return (
    <section class="screen ask">
      <Title>Ask</Title>
      <p class="lead">Ask about foot massage in your own words. Answers come from what plantar knows, with how good the
        evidence is.</p>
      <SearchForm id="question" label="Your question" value={text} onText={setText} button="Ask" onSubmit={submit} search />
      <div class="chips" role="group" aria-label="Example questions">
        <span class="chips-label">For example:</span>
        {examples.map((q) => <a class="chip" key={q} href={'#/ask/' + encodeURIComponent(q)}>{q}</a>)}
      </div>
      <div aria-live="polite">{question && <Result question={question} />}</div>
    </section>
  );
}
