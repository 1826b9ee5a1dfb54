// Results and errors that arrive after a tap appear below the fold on a
// phone: this brings their heading to the top of the screen and gives it
// focus, so a screen reader reads it too.
import { useEffect, useRef } from 'preact/hooks';

export function reveal(heading: HTMLElement | null) {
  if (!heading) return;
  heading.focus({ preventScroll: true });
  // The box the heading opens (an answer card, an error) comes into view whole at the top.
  const box = heading.closest<HTMLElement>('.answer, .no-answer, .notice.error') ?? heading;
  // Already high on the screen, with room for what follows: the page stays where it is.
  const top = box.getBoundingClientRect().top;
  if (top >= 0 && top <= innerHeight * 0.4) return;
  box.scrollIntoView({ block: 'start' });
}

/// A ref for a heading (give it tabIndex={-1}) that is revealed whenever `key` changes to something.
export function useReveal<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => { if (key) reveal(ref.current); }, [key]);
  return ref;
}
