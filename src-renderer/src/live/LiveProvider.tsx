// The one live client of a page: a WebSocket for the terminal and the big screen, and for the
// console in a browser; the preload bridge for the console inside Electron.
import { useEffect, useMemo, type ReactNode } from 'react';
import { BridgeSource } from './bridge-source';
import type { LiveSource } from './client';
import type { LiveRole } from './protocol';
import { LiveSocket } from './socket';
import { LiveContext } from './useLive';

function makeSource(role: LiveRole): LiveSource<unknown> {
  if (role === 'console' && window.yishi?.onEvent) return new BridgeSource(window.yishi) as LiveSource<unknown>;
  return new LiveSocket(role) as LiveSource<unknown>;
}

export function LiveProvider({ role, children }: { role: LiveRole; children: ReactNode }) {
  const source = useMemo(() => makeSource(role), [role]);
  useEffect(() => {
    source.start();
    return () => source.stop();
  }, [source]);
  const value = useMemo(() => ({ role, source }), [role, source]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
