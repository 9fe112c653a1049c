// Cores on temporary data folders, for tests that stop the app and start it again on the same folder
// (a restart, a kill, another computer): after each test every core still running is closed once its
// pending backups are written, and every folder is removed.
import fs from 'node:fs';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../src-main/app/core';
import type { KeyStore } from '../../src-main/rounds/key-store';
import { adminCalls } from './admin-core';
import { fakeKeyStore } from './fake-key-store';
import { tempDataDir } from './server';

export function coreFolders() {
  const dirs: string[] = [];
  const cores: Core[] = [];
  afterEach(async () => {
    for (const c of cores.splice(0)) {
      await c.store.whenIdle();
      c.close();
    }
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  /** The process ends without writing what waits for a quiet room (a kill, a power cut). */
  const kill = (core: Core): void => {
    cores.splice(cores.indexOf(core), 1);
    core.close();
  };
  return {
    /** A fresh temporary folder, removed after the test (also any other path given: `remove`). */
    folder: (prefix: string): string => {
      const d = tempDataDir(prefix);
      dirs.push(d);
      return d;
    },
    remove: (p: string): void => void dirs.push(p),
    /** The app started on `dataDir` (a key store of its own unless one is given), with the admin's calls. */
    start: (dataDir: string, keyStore: KeyStore = fakeKeyStore()) => {
      const core = createCore(dataDir, { keyStore });
      cores.push(core);
      return { core, ...adminCalls(core) };
    },
    kill,
    /** A clean stop: pending backups written first. */
    stop: async (core: Core): Promise<void> => {
      await core.store.whenIdle();
      kill(core);
    },
  };
}
