// Home: a routine in two taps (before bed, or the last one), the safety
// check, and what else plantar does.
import { checkedToday, lastCheck, lastPlan } from '../store';
import { Title } from '../ui';

export function Home() {
  const last = lastPlan();
  const saved = lastCheck();
  return (
    <section class="screen home">
      <Title>A foot massage, step by step</Title>
      <p class="lead">Pick a routine, put your phone down beside you, and follow along.</p>
      <div class="big-actions">
        {checkedToday(saved) ? (
          <a class="big primary" href="#/guide/bedtime">
            <strong>5 minutes before bed</strong>
            <span>Slow, gentle strokes to wind down, following today's safety check</span>
          </a>
        ) : (
          <a class="big primary" href="#/check/bedtime">
            <strong>5 minutes before bed</strong>
            <span>First the quick safety check, then slow, gentle strokes to wind down</span>
          </a>
        )}
        {last && (
          <a class="big" href="#/guide/last">
            <strong>My last routine</strong>
            <span>{last.minutes} minutes: {last.goals.map((g) => g.replace(/_/g, ' ')).join(', ') || 'general'}</span>
          </a>
        )}
        <a class="big" href="#/plan">
          <strong>Make my own routine</strong>
          <span>Your goals, time, feet and tools</span>
        </a>
      </div>
      {checkedToday(saved) ? (
        <p class="notice">Your routines follow today's safety check. <a href="#/check">Take it again</a></p>
      ) : (
        <p class="notice caution-note">
          <strong>First time today?</strong> <a href="#/check">Take the 1-minute safety check</a>. Some health
          problems mean lighter pressure, or no massage at all.
        </p>
      )}
      <h2>Also here</h2>
      <ul class="links">
        <li><a href="#/learn">Learn the techniques</a> and what the research really says</li>
        <li><a href="#/learn/reflexology">The reflexology map</a>, shown as the tradition it is</li>
        <li><a href="#/journal">Your journal</a> and <a href="#/insights">what your sessions add up to</a></li>
        <li><a href="#/ask">Ask a question</a> in your own words</li>
        <li><a href="#/card">A card for your massage therapist</a>, as a PDF</li>
        <li><a href="#/places">Places near you</a>: therapists, reflexologists, podiatrists</li>
      </ul>
    </section>
  );
}
