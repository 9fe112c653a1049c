// The app without any window: the store, the command dispatcher and the services behind it.
// Electron's main process and the headless server both build exactly this.
import { anyCommandTable } from '../api/commands/index';
import { createDispatcher, type Dispatcher } from '../api/dispatch';
import type { Services } from '../api/command';
import { Store } from '../store/store';

export interface Core {
  store: Store;
  dispatch: Dispatcher;
  services: Services;
  close(): void;
}

export function createCore(dataDir: string): Core {
  const store = Store.open(dataDir);
  const services: Services = {};
  const dispatch = createDispatcher(anyCommandTable, store, services);
  return {
    store,
    dispatch,
    services,
    close: () => store.close(),
  };
}
