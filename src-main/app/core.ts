// The app without any window: the store, the live-session engine, the command dispatcher.
// Electron's main process and the headless server both build exactly this; they differ only in the
// key store that seals the keys of secret rounds (Electron: the operating system's, electron/key-store.ts).
import { anyCommandTable } from '../api/commands/index';
import { createDispatcher, type Dispatcher } from '../api/dispatch';
import type { Services } from '../api/command';
import { MeetingEngine } from '../meeting/engine';
import { defaultKeyDir, headlessKeyStore, type KeyStore } from '../rounds/key-store';
import { Store } from '../store/store';

export interface Core {
  store: Store;
  engine: MeetingEngine;
  dispatch: Dispatcher;
  services: Services;
  close(): void;
}

export interface CoreOptions {
  /** Seals the keys of secret rounds. Default: the headless master key outside the data folder. */
  keyStore?: KeyStore;
}

export function createCore(dataDir: string, opts: CoreOptions = {}): Core {
  const keyStore = opts.keyStore ?? headlessKeyStore(defaultKeyDir(), dataDir);
  const store = Store.open(dataDir);
  const engine = new MeetingEngine(store, keyStore);
  const services: Services = { engine };
  const dispatch = createDispatcher(anyCommandTable, store, services);
  return {
    store,
    engine,
    dispatch,
    services,
    close: () => {
      engine.rounds.stop();
      store.close();
    },
  };
}
