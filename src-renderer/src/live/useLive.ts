// One live client per page, provided as a React context (LiveProvider, live/LiveProvider.tsx):
// useLive(role) reads it, useLiveChanges follows the parts of each change.
import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { LiveCmd, LiveSnapshotView, LiveSource } from './client';
import type { ChangePart, LiveRole, Result, StateByRole } from './protocol';
import { LiveSocket } from './socket';

export interface LiveView<S> extends LiveSnapshotView<S> {
  cmd: LiveCmd;
  /** Terminal only: pair with a seat code. */
  pair: (code: string) => Promise<Result<unknown>>;
  /** Terminal only: forget the seat. */
  unpair: () => void;
}

export interface LiveContextValue {
  role: LiveRole;
  source: LiveSource<unknown>;
}

export const LiveContext = createContext<LiveContextValue | null>(null);

function useSource<R extends LiveRole>(role: R): LiveSource<StateByRole[R]> {
  const ctx = useContext(LiveContext);
  if (!ctx) throw new Error('useLive: 页面缺少 LiveProvider');
  if (ctx.role !== role) throw new Error(`useLive(${role}): 本页面的实时连接是 ${ctx.role}`);
  return ctx.source as LiveSource<StateByRole[R]>;
}

const notPaired: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: '只有终端可以绑定座位' } };

export function useLive<R extends LiveRole>(role: R): LiveView<StateByRole[R]> {
  const source = useSource(role);
  const snap = useSyncExternalStore(source.subscribe, source.getSnapshot);
  const pair = (code: string) => (source instanceof LiveSocket ? source.pair(code) : Promise.resolve(notPaired));
  const unpair = () => {
    if (source instanceof LiveSocket) source.unpair();
  };
  return { ...snap, cmd: source.cmd, pair, unpair };
}

/** Calls `listener` with the parts of every change the server reports to this page (consoles). */
export function useLiveChanges(listener: (parts: ChangePart[]) => void): void {
  const ctx = useContext(LiveContext);
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => ctx?.source.onChange((parts) => ref.current(parts)), [ctx]);
}
