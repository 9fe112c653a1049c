// The app without any window: the store, the live-session engine, the command dispatcher.
// Electron's main process and the headless server both build exactly this; they differ only in the
// key store that seals the keys of secret rounds (Electron: the operating system's, electron/key-store.ts).
import { anyCommandTable } from '../api/commands/index';
import { createDispatcher, type Dispatcher } from '../api/dispatch';
import type { Services } from '../api/command';
import { MeetingEngine } from '../meeting/engine';
import { defaultKeyDir, headlessKeyStore, type KeyStore } from '../rounds/key-store';
import { fail } from '../shared/result';
import { noteRebuild } from '../store/file-rebuild';
import { IntegrityMonitor } from '../store/integrity';
import { Store } from '../store/store';
import { clearRunning, markRunning } from './run-marker';

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
  /** 'background': a quick check before opening, the full integrity check in a worker after (store/file-check.ts). Default 'full'. */
  integrity?: 'full' | 'background';
}

export function createCore(dataDir: string, opts: CoreOptions = {}): Core {
  const keyStore = opts.keyStore ?? headlessKeyStore(defaultKeyDir(), dataDir);
  const store = Store.open(dataDir, { integrity: opts.integrity });
  const integrity = new IntegrityMonitor(store);
  // Audited once the file has been checked against its head, like an interruption below.
  store.rebuildPending = noteRebuild(store);
  const engine = new MeetingEngine(store, keyStore);
  const interrupted = markRunning(dataDir);
  if (interrupted) engine.noteInterruption(interrupted);
  // No round is closed by its timer while acknowledged records may be missing (rounds/round-engine.ts):
  // a data-loss notice not yet acknowledged, or a store that stopped writing (a sync failed, damage found).
  engine.rounds.autoCloseHeld = () => (integrity.notice !== null ? 'notice' : store.integrity !== 'ok' && store.integrity !== 'checking' ? 'stopped' : null);
  const services: Services = { engine, integrity };
  const inner = createDispatcher(anyCommandTable, store, services);
  // A detected loss of records blocks the session's business until the secretary has acknowledged
  // it (CommandDef.sessionBusiness); preparing and reading stay possible, to look at what is left.
  const dispatch: Dispatcher = (name, input, caller) =>
    integrity.notice && anyCommandTable[name]?.sessionBusiness
      ? Promise.resolve(fail('DATA_LOSS_UNACKNOWLEDGED', `${integrity.notice.message}请会务工作人员先在控制台查看并确认这一提示，再开始会议。`))
      : inner(name, input, caller);
  return {
    store,
    engine,
    dispatch,
    services,
    close: () => {
      engine.rounds.stop();
      integrity.close();
      store.close();
      clearRunning(dataDir);
    },
  };
}
