// The app without any window: the store, the live-session engine, the command dispatcher.
// Electron's main process and the headless server both build exactly this.
import { anyCommandTable } from '../api/commands/index';
import { createDispatcher, type Dispatcher } from '../api/dispatch';
import type { Services } from '../api/command';
import { MeetingEngine } from '../meeting/engine';
import { syncHearings } from '../review/handlings';
import { fail } from '../shared/result';
import { SYSTEM_ACTOR } from '../store/audit';
import { IntegrityMonitor } from '../store/integrity';
import { Store } from '../store/store';

/**
 * What a detected loss of records blocks until the secretary has acknowledged it: opening and
 * running a session, its rounds, and every terminal write. Preparing (rosters, agendas) and reading
 * stay possible, so the secretary can look at what is left.
 */
const BLOCKED_UNTIL_ACKNOWLEDGED = new Set([
  'live.open',
  'live.startBusiness',
  'live.setItem',
  'live.next',
  'live.prev',
  'attendance.set',
  'ballots.open',
  'ballots.enterResult',
  'assessments.open',
  'assessments.enterPaper',
  'terminals.bind',
  'terminal.pair',
  'terminal.signIn',
  'terminal.vote',
  'terminal.submitSheet',
  'terminal.addRemark',
  'terminal.withdrawRemark',
]);

export interface Core {
  store: Store;
  engine: MeetingEngine;
  dispatch: Dispatcher;
  services: Services;
  close(): void;
}

export function createCore(dataDir: string): Core {
  const store = Store.open(dataDir);
  const integrity = new IntegrityMonitor(store);
  const engine = new MeetingEngine(store);
  const services: Services = { engine, integrity };
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
  const inner = createDispatcher(anyCommandTable, store, services);
  const dispatch: Dispatcher = (name, input, caller) =>
    integrity.notice && BLOCKED_UNTIL_ACKNOWLEDGED.has(name)
      ? Promise.resolve(fail('DATA_LOSS_UNACKNOWLEDGED', `${integrity.notice.message}请会务工作人员先在控制台查看并确认这一提示，再开始会议。`))
      : inner(name, input, caller);
  return {
    store,
    engine,
    dispatch,
    services,
    close: () => {
      engine.ballots.stopTimers();
      integrity.close();
      store.close();
    },
  };
}
