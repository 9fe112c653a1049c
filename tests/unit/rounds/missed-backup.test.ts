// The automatic backup a round's finish asks for is written once the room is quiet
// (store/backup-schedule.ts); an app killed, or a machine losing power, before then never wrote it.
// The next start asks for it again (RoundEngine.resume), naming the rounds finished after the newest
// complete backup; once it is written, a start asks for nothing. Real SQLite files and backup copies;
// a store closed without waiting stands for the kill (it drops what waits, as a killed process does).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src-main/app/core';
import { headFileOf, writeHeadFile } from '../../../src-main/store/audit-head';
import { backupDir } from '../../../src-main/store/backup';
import { coreFolders } from '../../helpers/core-folders';
import { prepareSession16 } from '../../helpers/session-fixture';
import { openAndStartBusiness } from '../../helpers/live-setup';

const app = coreFolders();
const { start, kill } = app;

/** A folder with the session live, 20 members present; `hands` enters a show-of-hands result (a round finished). */
async function liveSession() {
  const dataDir = app.folder('yishi-missed-backup-');
  const first = start(dataDir);
  const s16 = await prepareSession16(first.must);
  await openAndStartBusiness(first.must, s16, 20);
  const hands = async (must: typeof first.must, yes: number) => {
    const b = await must('ballots.create', { itemId: s16.items[3]!.id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null });
    await must('ballots.enterResult', { ballotId: b.id, yes, no: 20 - yes, abstain: 0 });
    return b.id as number;
  };
  return { dataDir, first, hands };
}

const copies = (dataDir: string) => (fs.existsSync(backupDir(dataDir)) ? fs.readdirSync(backupDir(dataDir)).filter((f) => f.endsWith('.sqlite')) : []);
const reasons = (core: Core) =>
  (core.store.db.prepare("SELECT data FROM audit_log WHERE action = 'backup.create' ORDER BY seq").all() as { data: string }[]).map((r) => JSON.parse(r.data).reason as string);

describe('a backup asked for by a round and lost with the process', () => {
  it('is asked for again at the next start, naming the rounds finished since the newest complete backup; once written, nothing more', async () => {
    const { dataDir, first, hands } = await liveSession();
    const b1 = await hands(first.must, 18);
    expect(first.core.store.backups.status.waiting).toEqual([`表决结束后自动备份（表决#${b1}）`]);
    kill(first.core);
    expect(copies(dataDir)).toEqual([]);

    // The start asks for it again; it waits for a quiet room like any automatic backup.
    const second = start(dataDir);
    expect(second.core.store.backups.status.waiting).toEqual([`启动后补写：上次运行结束前未写出的自动备份（表决#${b1}结束后）`]);
    second.core.store.backups.flush();
    await second.core.store.whenIdle();
    expect(copies(dataDir)).toHaveLength(1);
    expect(reasons(second.core)).toEqual([`启动后补写：上次运行结束前未写出的自动备份（表决#${b1}结束后）`]);
    // The result is in the backup the start wrote.
    const b2 = await hands(second.must, 15);
    kill(second.core);

    // Only the round finished after that backup is named; the one before it is held by it.
    const third = start(dataDir);
    expect(third.core.store.backups.status.waiting).toEqual([`启动后补写：上次运行结束前未写出的自动备份（表决#${b2}结束后）`]);
    await app.stop(third.core); // a store closing writes what waits
    expect(copies(dataDir)).toHaveLength(2);

    const fourth = start(dataDir);
    expect(fourth.core.store.backups.status.waiting).toEqual([]);
  });

  it('does not count a backup of another history (its head names an entry this database does not hold, as after an older backup was restored)', async () => {
    const { dataDir, first, hands } = await liveSession();
    const b = await hands(first.must, 18);
    const last = first.core.store.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    kill(first.core);
    // The newest backup by name, complete, but of a history where entry `last` is another one.
    fs.mkdirSync(backupDir(dataDir), { recursive: true });
    const other = path.join(backupDir(dataDir), 'yishi-29991231-000000-000-auto.sqlite');
    fs.writeFileSync(other, '');
    writeHeadFile(headFileOf(other), { seq: last, hash: 'f'.repeat(64) });
    const second = start(dataDir);
    expect(second.core.store.backups.status.waiting).toEqual([`启动后补写：上次运行结束前未写出的自动备份（表决#${b}结束后）`]);
  });

  it('names the last five rounds of many, and none before any round has finished', async () => {
    const { dataDir, first, hands } = await liveSession();
    // A session prepared and opened, no round finished: nothing to catch up at a start.
    kill(first.core);
    const again = start(dataDir);
    expect(again.core.store.backups.status.waiting).toEqual([]);
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push(await hands(again.must, 11 + i));
    kill(again.core);
    const second = start(dataDir);
    const named = ids.slice(2).map((id) => `表决#${id}`).join('、');
    expect(second.core.store.backups.status.waiting).toEqual([`启动后补写：上次运行结束前未写出的自动备份（${named}等结束后）`]);
  });
});
