// The app's core on a fresh data folder, with the admin's `call` (the Result) and `must` (the value,
// or a thrown error naming the code and message): what the integration tests drive commands with.
import fs from 'node:fs';
import { createCore, type Core } from '../../src-main/app/core';
import { tempDataDir } from './server';

export interface AdminCore {
  core: Core;
  dataDir: string;
  call: (name: string, input?: unknown) => ReturnType<Core['dispatch']>;
  must: <T = any>(name: string, input?: unknown) => Promise<T>;
  /** Waits for the automatic backups started by results, closes the store and removes the folder. */
  close: () => Promise<void>;
}

/** The admin's `call` and `must` on a core (also a running server's: `running.core`); a refusal thrown by `must` carries its `code`. */
export function adminCalls(core: Core): Pick<AdminCore, 'call' | 'must'> {
  const call = (name: string, input: unknown = {}) => core.dispatch(name, input, { kind: 'admin', source: 'test' });
  const must = async <T = any>(name: string, input: unknown = {}): Promise<T> => {
    const r = await call(name, input);
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { code: r.error.code });
    return r.value as T;
  };
  return { call, must };
}

export function openAdminCore(prefix: string): AdminCore {
  const dataDir = tempDataDir(prefix);
  const core = createCore(dataDir);
  const { call, must } = adminCalls(core);
  const close = async () => {
    await core.store.whenIdle(); // a backup still waiting for a quiet room is written first
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { core, dataDir, call, must, close };
}
