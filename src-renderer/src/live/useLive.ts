// useLive(role): the live session as one React value, over the WebSocket (or, for the console inside
// Electron, over the preload bridge). Reconnects by itself; see socket.ts.
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { BridgeSource } from './bridge-source';
import type { LiveRole, Result, StateByRole } from './protocol';
import { LiveSocket, type CmdOptions, type LiveSnapshotView, type LiveSource } from './socket';

export interface LiveView<S> extends LiveSnapshotView<S> {
  cmd: <T = unknown>(name: string, input: unknown, opts?: CmdOptions) => Promise<Result<T>>;
  /** Terminal only: pair with a seat code. */
  pair: (code: string) => Promise<Result<unknown>>;
  /** Terminal only: forget the seat. */
  unpair: () => void;
}

function makeSource<R extends LiveRole>(role: R, transport: 'auto' | 'socket'): LiveSource<StateByRole[R]> {
  if (role === 'console' && transport === 'auto' && window.yishi?.onEvent) {
    return new BridgeSource(window.yishi) as unknown as LiveSource<StateByRole[R]>;
  }
  return new LiveSocket(role);
}

export function useLive<R extends LiveRole>(role: R, transport: 'auto' | 'socket' = 'auto'): LiveView<StateByRole[R]> {
  const source = useMemo(() => makeSource(role, transport), [role, transport]);
  useEffect(() => {
    source.start();
    return () => source.stop();
  }, [source]);
  const snap = useSyncExternalStore(source.subscribe, source.getSnapshot);
  const cmd = useCallback(
    <T = unknown,>(name: string, input: unknown, opts?: CmdOptions) => source.cmd<T>(name, input, opts),
    [source],
  );
  const pair = useCallback(
    (code: string) => (source instanceof LiveSocket ? source.pair(code) : Promise.resolve<Result<unknown>>({ ok: false, error: { code: 'FORBIDDEN', message: '只有终端可以绑定座位' } })),
    [source],
  );
  const unpair = useCallback(() => {
    if (source instanceof LiveSocket) source.unpair();
  }, [source]);
  return { ...snap, cmd, pair, unpair };
}
