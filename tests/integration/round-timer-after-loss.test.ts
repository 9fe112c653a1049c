// A ballot's timer never closes its round while the app has reported that acknowledged records may be
// missing (the data-loss notice of store/integrity.ts is pending): closing would freeze a tally without
// them, and a member whose press was lost could no longer press again. After a real restart that found
// records lost, a timed ballot whose time ran out stays open; the console row says so (timerHeld) and
// the secretary closes it by hand once the notice is acknowledged. Without a pending notice the same
// timer closes its round by itself, as before. A store that stopped writing (a failed sync) holds it too.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/core';
import { liveBallotRow } from '../../src-main/meeting/views';
import { databaseHead, HEAD_FILE_NAME, writeHeadFile } from '../../src-main/store/audit-head';
import { adminCalls } from '../helpers/admin-core';
import { prepareSession16 } from '../helpers/session-fixture';
import { tempDataDir } from '../helpers/server';
import { signInPaired } from '../helpers/terminal-caller';

const dataDir = tempDataDir('yishi-timer-after-loss-');
let core: Core | undefined;
afterAll(() => {
  core?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ballotState = (c: Core, id: number) => c.store.db.prepare('SELECT state FROM ballots WHERE id = ?').pluck().get(id);
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

describe('a timed ballot after a restart that found records lost', () => {
  it('stays open when its time runs out while the notice is pending, and is closed by hand after the acknowledgement', async () => {
    core = createCore(dataDir);
    const first = adminCalls(core);
    const s16 = await prepareSession16(first.must);
    await first.must('live.open', { sessionId: s16.sessionId });
    const callers = await signInPaired(core, s16.members.slice(0, 20).map((m) => m.id));
    await first.must('live.startBusiness', {});
    const b = await first.must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', timerSeconds: 5 });
    const opened = await first.must('ballots.open', { ballotId: b.id });
    for (const c of callers.slice(0, 18)) expect((await core.dispatch('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, c)).ok).toBe(true);

    // Stopped with the ballot open; the head file names 3 changes the database no longer has.
    const head = databaseHead(core.store.db)!;
    core.close();
    writeHeadFile(path.join(dataDir, HEAD_FILE_NAME), { seq: head.seq + 3, hash: 'lost' });
    while (Date.now() <= Date.parse(opened.closesAt)) await new Promise((r) => setTimeout(r, 100)); // its time runs out meanwhile
    core = createCore(dataDir);
    const { call, must } = adminCalls(core);
    expect((await must('integrity.status')).pending).not.toBeNull();

    // The timer fires at the start (its time is past) and holds: the round stays open, the console says so.
    const c = core;
    await until(() => (liveBallotRow(c.engine, b.id)?.timerHeld ?? null) !== null || ballotState(c, b.id) !== 'open');
    expect(ballotState(core, b.id)).toBe('open');
    expect(liveBallotRow(core.engine, b.id)).toMatchObject({ state: 'open', timerHeld: 'notice' });
    expect(await call('ballots.close', { ballotId: b.id })).toMatchObject({ ok: false, error: { code: 'DATA_LOSS_UNACKNOWLEDGED' } });

    await must('integrity.acknowledge', {});
    expect(ballotState(core, b.id)).toBe('open'); // not closed behind the secretary's back
    expect(liveBallotRow(core.engine, b.id)).toMatchObject({ state: 'open', timerHeld: 'released' }); // waits for her, no longer for the notice
    const closed = await must('ballots.close', { ballotId: b.id });
    expect(closed).toMatchObject({ state: 'closed', timerHeld: null, result: { yes: 18, notPressed: 2 } });

    // Without a notice, a timer closes its round by itself.
    const again = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', timerSeconds: 5 });
    await must('ballots.open', { ballotId: again.id });
    await until(() => ballotState(c, again.id) !== 'open');
    expect(ballotState(core, again.id)).toBe('closed');
  }, 60_000);

  it('stays open, and says so, when its time runs out after the store stopped writing (a sync of the WAL failed)', async () => {
    const { must } = adminCalls(core!);
    const b = await must('ballots.create', { itemId: core!.store.db.prepare('SELECT item_id FROM ballots ORDER BY id DESC LIMIT 1').pluck().get(), secret: true, pressRule: 'last', timerSeconds: 5 });
    await must('ballots.open', { ballotId: b.id });
    core!.store.integrity = '预写日志未能写入磁盘（测试）：最近的改动可能没有保存。已停止写入。'; // as Store.syncWal's failure leaves it
    const c = core!;
    await until(() => (liveBallotRow(c.engine, b.id)?.timerHeld ?? null) !== null || ballotState(c, b.id) !== 'open');
    expect(liveBallotRow(c.engine, b.id)).toMatchObject({ state: 'open', timerHeld: 'stopped' });
    c.store.integrity = 'ok'; // the test's core closes normally
  }, 60_000);
});
