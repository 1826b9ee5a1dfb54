// Results and errors that arrive after a tap appear below the fold on a
// phone: this brings their heading to the top of the screen and gives it
// focus, so a screen reader reads it too.
import { useEffect, useRef } from 'preact/hooks';

export function reveal(heading: HTMLElement | null) {
  if (!heading) return;
  heading.focus({ preventScroll: true });
  // Already high on the screen, with room for what follows: the page stays where it is.
  const top = heading.getBoundingClientRect().top;
  if (top >= 0 && top <= innerHeight * 0.4) return;
  heading.scrollIntoView({ block: 'start' });
}

/// A ref for a heading (give it tabIndex={-1}) that is revealed whenever `key` changes to something.
export function useReveal<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => { if (key) reveal(ref.current); }, [key]);
  return ref;
}
