// The app without any window: the store, the live-session engine, the command dispatcher.
// Electron's main process and the headless server both build exactly this.
import { anyCommandTable } from '../api/commands/index';
import { createDispatcher, type Dispatcher } from '../api/dispatch';
import type { Services } from '../api/command';
import { MeetingEngine } from '../meeting/engine';
import { Store } from '../store/store';

export interface Core {
  store: Store;
  engine: MeetingEngine;
  dispatch: Dispatcher;
  services: Services;
  close(): void;
}

export function createCore(dataDir: string): Core {
  const store = Store.open(dataDir);
  const engine = new MeetingEngine(store);
  const services: Services = { engine };
  const dispatch = createDispatcher(anyCommandTable, store, services);
  return {
    store,
    engine,
    dispatch,
    services,
    close: () => {
      engine.ballots.stopTimers();
      store.close();
    },
  };
}
