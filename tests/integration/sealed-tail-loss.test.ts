// No silent loss inside a secret round (issue 8.3 with 8.2): presses of a secret ballot have no audit
// entry naming the member, yet a lost tail of the WAL that takes acknowledged sealed receipts with it
// is reported at the next start like any other lost change. Each commit of presses records one
// entry per sealed round, with no data at all, so the head file outside the database moves with
// every receipt. The entries name nobody and count nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { createCore, type Core } from '../../src-main/app/core';
import { databaseHead, HEAD_FILE_NAME, readHeadFile } from '../../src-main/store/audit-head';
import { DB_FILE_NAME } from '../../src-main/store/db';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { signInPaired } from '../helpers/terminal-caller';

const FRAME = 24 + 4096; // WAL frame header + default page size
const walFrames = (dir: string) => Math.floor((fs.statSync(path.join(dir, `${DB_FILE_NAME}-wal`)).size - 32) / FRAME);

let admin: AdminCore;
let s16: Session16;
let ballotId: number;
let reopened: Core | null = null;
/** The WAL's frames before the presses, and after them. */
const presses = { from: 0, to: 0 };
const copy = tempDataDir('yishi-sealed-tail-copy-');
const terminals: Caller[] = [];

beforeAll(async () => {
  admin = openAdminCore('yishi-sealed-tail-');
  s16 = await prepareSession16(admin.must);
  await admin.must('live.open', { sessionId: s16.sessionId });
  terminals.push(...(await signInPaired(admin.core, s16.members.slice(0, 30).map((m) => m.id))));
  await admin.must('live.startBusiness');
  const vote = s16.items.find((i) => i.kind === 'vote')!;
  await admin.must('live.setItem', { itemId: vote.id });
  ballotId = (await admin.must<{ id: number }>('ballots.create', { itemId: vote.id, secret: true, pressRule: 'last', method: 'electronic' })).id;
  await admin.must('ballots.open', { ballotId });
});

afterAll(async () => {
  reopened?.close();
  await admin.close();
  fs.rmSync(copy, { recursive: true, force: true });
});

describe('a secret ballot open when the WAL loses its tail', () => {
  it('each commit of presses records one entry that names nobody and counts nothing', async () => {
    const before = databaseHead(admin.core.store.db)!.seq;
    presses.from = walFrames(admin.dataDir);
    for (const [m, t] of terminals.entries()) {
      const r = await admin.core.dispatch('terminal.vote', { ballotId, choice: m % 3 === 0 ? 'no' : 'yes', pressSeq: 1 }, t);
      expect(r.ok).toBe(true);
    }
    const entries = admin.core.store.db.prepare('SELECT actor, action, entity, entity_id, data FROM audit_log WHERE seq > ? ORDER BY seq').all(before) as {
      actor: string;
      action: string;
      entity: string;
      entity_id: string;
      data: string;
    }[];
    // One press at a time here: one commit each, one entry each, with no data.
    expect(entries).toHaveLength(30);
    for (const e of entries) expect(e).toEqual({ actor: '系统', action: 'round.receipts', entity: 'ballots', entity_id: String(ballotId), data: null });
    // Presses that arrive together share one commit and one entry.
    const second = s16.members.slice(0, 10).map((_, m) => admin.core.dispatch('terminal.vote', { ballotId, choice: 'abstain', pressSeq: 2 }, terminals[m]!));
    expect((await Promise.all(second)).every((r) => r.ok)).toBe(true);
    expect(databaseHead(admin.core.store.db)!.seq).toBe(before + 31);
    presses.to = walFrames(admin.dataDir);
    const names = s16.members.map((m) => m.name);
    const text = JSON.stringify(entries);
    expect(names.some((n) => text.includes(n))).toBe(false);
    // The head outside the database followed the last of them.
    expect(readHeadFile(path.join(admin.dataDir, HEAD_FILE_NAME))).toEqual({ state: 'ok', head: databaseHead(admin.core.store.db) });
  });

  it('a crash copy with one flipped byte among the presses is reported at start; the lost receipts are named as lost changes', () => {
    expect(presses.to - presses.from).toBeGreaterThan(30); // the presses are still in the WAL (no checkpoint while open)
    const recorded = databaseHead(admin.core.store.db)!.seq;
    for (const f of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, HEAD_FILE_NAME]) fs.copyFileSync(path.join(admin.dataDir, f), path.join(copy, f));
    for (const f of fs.readdirSync(admin.dataDir)) if (f.endsWith('.key') || f === 'round-keys') fs.cpSync(path.join(admin.dataDir, f), path.join(copy, f), { recursive: true });
    const wal = path.join(copy, `${DB_FILE_NAME}-wal`);
    const bytes = fs.readFileSync(wal);
    const at = 32 + Math.floor((presses.from + presses.to) / 2) * FRAME + 24 + 200; // a frame in the middle of the presses
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(wal, bytes);

    reopened = createCore(copy);
    const survived = databaseHead(reopened.store.db)!.seq;
    expect(survived).toBeLessThan(recorded);
    const receipts = (reopened.store.db.prepare('SELECT count(*) AS n FROM round_receipts WHERE round = ?').get(`ballot-${ballotId}`) as { n: number }).n;
    expect(receipts).toBeLessThan(30); // acknowledged presses are gone from the file…
    const notice = reopened.services.integrity!.notice!;
    expect(notice).toMatchObject({ status: 'behind', database: survived, recorded }); // …and that is said, not silent
    expect(notice.message).toMatch(new RegExp(`^数据库缺少第${survived}条之后的记录`));
  });
});
