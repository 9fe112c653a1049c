// 开始议程 once: a repeat (a second click, a retried request) changes nothing and records nothing. Before,
// a repeat rewrote the quorum override: business started without the quorum for a stated reason lost
// that reason as soon as it was repeated with the quorum present, and each repeat was audited again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { adminCalls } from '../helpers/admin-core';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance } from '../helpers/live-setup';

let running: RunningServer;
let s16: Session16;
const must = (name: string, input?: unknown) => adminCalls(running.core).must(name, input);

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-start-business-'), port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
});
afterAll(() => running.close());

const live = () =>
  running.core.store.db.prepare('SELECT business_started_at AS startedAt, quorum_override AS override FROM session_live WHERE session_id = ?').get(s16.sessionId) as {
    startedAt: string | null;
    override: string | null;
  };
const startEntries = () =>
  running.core.store.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'session.startBusiness%' ORDER BY seq").pluck().all() as string[];

describe('开始议程 is started once', () => {
  it('keeps the reason it was started without the quorum, the time and the one audit entry when it is repeated', async () => {
    await markAttendance(must, s16.members.slice(0, 8));
    const refused = await must('live.startBusiness', {}).catch((e) => e.code);
    expect(refused).toBe('INVALID_STATE'); // 8 of 33: no quorum, no reason
    await must('live.startBusiness', { override: '其余委员在途，主任会议决定先听取报告' });
    const started = live();
    expect(started.override).toBe('其余委员在途，主任会议决定先听取报告');
    expect(startEntries()).toEqual(['session.startBusinessWithoutQuorum']);

    // The others arrive: 20 of 33. A repeat now, and one without a reason, change nothing.
    await markAttendance(must, s16.members.slice(8, 20));
    await must('live.startBusiness', {});
    await must('live.startBusiness', { override: '另一个理由' });
    expect(live()).toEqual(started);
    expect(startEntries()).toEqual(['session.startBusinessWithoutQuorum']);
    expect((await must('live.state')).session.businessStarted).toBe(true);
  });
});
