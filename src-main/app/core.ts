// The app without any window: the store, the live-session engine, the command dispatcher.
// Electron's main process and the headless server both build exactly this.
import { anyCommandTable } from '../api/commands/index';
import { createDispatcher, type Dispatcher } from '../api/dispatch';
import type { Services } from '../api/command';
import { MeetingEngine } from '../meeting/engine';
import { syncHearings } from '../review/handlings';
import { SYSTEM_ACTOR } from '../store/audit';
import { Store } from '../store/store';

export interface Core {
  store: Store;
  engine: MeetingEngine;
  dispatch: Dispatcher;
  services: Services;
  close(): void;
}

export function createCore(dataDir: string, opts: { integrity?: 'full' | 'background' } = {}): Core {
  const store = Store.open(dataDir, opts);
  const engine = new MeetingEngine(store);
  const services: Services = { engine };
  // A handling report (审议意见办理情况报告) counts as heard once the session reaches it or closes:
  // the review-opinion register follows the live session as it moves.
  engine.on((e) => {
    if (e.type !== 'changed') return;
    try {
      syncHearings(store, SYSTEM_ACTOR);
    } catch (err) {
      console.error('[review] syncHearings', err);
    }
  });
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
