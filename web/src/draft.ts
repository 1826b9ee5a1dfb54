// Drafts of the forms that write to the journal (sessionStorage, one per
// screen): in hosted mode a session that ends while someone fills in a form
// sends them to log in, and this brings the form back as they left it. A
// draft lasts as long as the tab, and goes once the form is saved or the
// person logs out or someone else logs in.
import { useEffect, useRef, useState } from 'preact/hooks';

const prefix = 'plantar.draft.';
const ownerKey = 'plantar.draftOwner';  // hosted mode: the account that typed the drafts

function readDraft<T>(key: string): T | null {
  try {
    const text = sessionStorage.getItem(prefix + key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;  // unreadable, or storage blocked
  }
}

function writeDraft(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(prefix + key, JSON.stringify(value));
  } catch { /* storage full or blocked: the form still works, without a draft */ }
}

/// Forgets the draft of one form (once it is saved).
export function clearDraft(key: string): void {
  try { sessionStorage.removeItem(prefix + key); } catch { /* blocked */ }
}

/// Forgets every draft (on logging out: the next person on this tab must not see them).
export function clearDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(prefix)) sessionStorage.removeItem(key);
  } catch { /* blocked */ }
}

/// Hosted mode: says who is logged in. Drafts typed by another account on
/// this tab are dropped, so a person who logs in after someone else's
/// session ended never sees what that person typed.
export function draftsBelongTo(email: string): void {
  try {
    const owner = sessionStorage.getItem(ownerKey);
    if (owner !== null && owner !== email) clearDrafts();
    sessionStorage.setItem(ownerKey, email);
  } catch { /* blocked */ }
}

/// A form's state, kept as the draft `key` from the first change on; it
/// starts from that draft when there is one, else from `initial`.
export function useDraft<T>(key: string, initial: () => T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => readDraft<T>(key) ?? initial());
  const changed = useRef(false);
  useEffect(() => { if (changed.current) writeDraft(key, value); }, [key, value]);
  return [value, (next: T) => { changed.current = true; setValue(next); }];
}
