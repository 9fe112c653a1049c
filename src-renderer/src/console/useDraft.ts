// Form state that survives a reload: every edit is kept in sessionStorage until the form is saved
// or discarded, so nothing typed is lost when the page is reloaded.
import { useCallback, useState } from 'react';

const PREFIX = 'yishi.draft.';

function read<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export interface Draft<T> {
  value: T;
  /** Whether there are edits not yet saved. */
  dirty: boolean;
  set: (next: T | ((prev: T) => T)) => void;
  /** Forgets the draft (after saving, or when the user discards it). */
  discard: () => void;
}

export function useDraft<T>(key: string, initial: () => T): Draft<T> {
  const [state, setState] = useState<{ value: T; dirty: boolean }>(() => {
    const saved = read<T>(key);
    return saved === undefined ? { value: initial(), dirty: false } : { value: saved, dirty: true };
  });
  const set = useCallback(
    (next: T | ((prev: T) => T)) =>
      setState((s) => {
        const value = typeof next === 'function' ? (next as (prev: T) => T)(s.value) : next;
        try {
          sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
        } catch {
          /* storage full or disabled: the form still works, only without a draft */
        }
        return { value, dirty: true };
      }),
    [key],
  );
  const discard = useCallback(() => {
    sessionStorage.removeItem(PREFIX + key);
    setState((s) => ({ ...s, dirty: false }));
  }, [key]);
  return { value: state.value, dirty: state.dirty, set, discard };
}

/** Drops a draft from outside its form (e.g. when the edited record was deleted). */
export function dropDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}
