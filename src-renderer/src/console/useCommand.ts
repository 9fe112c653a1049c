// Loading data and running actions through the command API, with busy state and Chinese errors.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type CommandInput, type CommandName, type CommandOutput } from '../api';
import type { Result } from '../../../src-main/shared/result';

export interface Failure {
  code: string;
  message: string;
  details?: unknown;
}

export interface Query<T> {
  data: T | undefined;
  error: Failure | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the data locally (after an action returned the new state). */
  set: (data: T) => void;
}

/** Runs a read command when mounted and whenever its input changes. */
export function useQuery<K extends CommandName>(name: K, input: CommandInput<K>): Query<CommandOutput<K>> {
  const key = `${name}:${JSON.stringify(input)}`;
  const [state, setState] = useState<{ key: string; data?: CommandOutput<K>; error: Failure | null }>({ key: '', error: null });
  const [version, setVersion] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    let live = true;
    void call(name, inputRef.current).then((r) => {
      if (!live) return;
      setState((s) => (r.ok ? { key, data: r.value, error: null } : { key, data: s.key === key ? s.data : undefined, error: r.error }));
    });
    return () => {
      live = false;
    };
  }, [key, version, name]);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: !current,
    reload: useCallback(() => setVersion((v) => v + 1), []),
    set: useCallback((data: CommandOutput<K>) => setState({ key, data, error: null }), [key]),
  };
}

export interface Action {
  busy: boolean;
  error: Failure | null;
  /** Runs one command call (or a few, chained in fn); returns the value, or undefined after showing the error. */
  run<T>(fn: () => Promise<Result<T>>): Promise<T | undefined>;
  fail(message: string): void;
  clear(): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const running = useRef(false);
  const run = useCallback(async <T,>(fn: () => Promise<Result<T>>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const r = await fn();
      if (!r.ok) {
        setError(r.error);
        return undefined;
      }
      return r.value;
    } catch (e) {
      setError({ code: 'INTERNAL', message: (e as Error).message || String(e) });
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const fail = useCallback((message: string) => setError({ code: 'BAD_INPUT', message }), []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, fail, clear };
}

/**
 * The part of the error that names this field (by its Chinese label), for display under the field:
 * "输入有误：姓名：姓名不能为空；座位号：…" gives "姓名不能为空" for 姓名.
 */
export function fieldError(error: Failure | null, ...labels: string[]): string | null {
  if (!error) return null;
  const parts = error.message.replace(/^输入有误：/, '').split('；');
  for (const part of parts) {
    for (const l of labels) {
      if (part.includes(l)) return part.startsWith(`${l}：`) ? part.slice(l.length + 1) : part;
    }
  }
  return null;
}
