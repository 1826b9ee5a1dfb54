// Small shared pieces: screen heading that takes focus, loading and error
// states, evidence badges.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Grade } from './api';

/// The screen's h1; it takes focus when the screen opens, so a screen reader
/// announces where the person is. A layout effect, so the focus moves in the
/// same frame the heading appears and a quick Tab starts from it.
export function Title({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => { ref.current?.focus({ preventScroll: false }); }, []);
  return <h1 tabIndex={-1} ref={ref}>{children}</h1>;
}

/// Loads `load()` once; renders children with the value, or a calm message.
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): { value?: T; error?: string } {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  useEffect(() => {
    let live = true;
    load().then((value) => live && setState({ value }), (e: Error) => live && setState({ error: e.message }));
    return () => { live = false; };
  }, deps);
  return state;
}

export function Pending({ error }: { error?: string }) {
  return error
    ? <p class="notice error" role="alert">Something went wrong: {error}. Is plantar still running?</p>
    : <p class="notice" role="status">Loading…</p>;
}

const gradeWords: Record<Grade, string> = {
  moderate: 'moderate evidence',
  limited: 'limited evidence: may help',
  insufficient: 'not well studied',
  contradicted: 'studies found no effect',
  none: 'no evidence',
};

export function GradeBadge({ grade }: { grade: Grade }) {
  return <span class={`badge grade-${grade}`}>{gradeWords[grade]}</span>;
}

export const minutes = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
export const words = (id: string) => id.replace(/_/g, ' ');

/// A labelled text box with its button on one row (Ask, Places): `onSubmit`
/// gets the submit event; `search` marks it as a search landmark.
export function SearchForm({ id, label, value, onText, button, onSubmit, placeholder, search = false }: {
  id: string; label: string; value: string; onText: (text: string) => void; button: string;
  onSubmit: (e: Event) => void; placeholder?: string; search?: boolean;
}) {
  return (
    <form class="ask-form" role={search ? 'search' : undefined} onSubmit={onSubmit}>
      <label for={id}>{label}</label>
      <div class="ask-row">
        <input id={id} type="search" value={value} autocomplete="off" placeholder={placeholder}
          enterkeyhint={search ? 'search' : undefined} onInput={(e) => onText((e.target as HTMLInputElement).value)} />
        <button class="button" type="submit">{button}</button>
      </div>
    </form>
  );
}
