// Secret at every moment, after close: the voter rows (who took part) must not keep the order in which
// members pressed. They are WITHOUT ROWID (no row id to count), but SQLite writes each new cell below
// the ones already in its page, so the cells' offsets, read from the file's bytes, told the order of
// the first presses of every round for good, and with the audit's round.receipts times, when each
// member pressed. Members press here in a shuffled order (some again); a copy of the data folder taken
// after close (database and backup) must show each page's voter rows written in the order of the
// members' ids. Real server, real sockets, the copied files read byte by byte (helpers/cell-order.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeRoom, shuffled as shuffle, signedInRoom, type SecrecyRoom } from '../helpers/secrecy-room';
import { placedCells, writtenOrder } from '../helpers/cell-order';

let room: SecrecyRoom;
let assessmentItem = 0;

beforeAll(async () => {
  room = await signedInRoom('order', async ({ server, s16 }) => {
    const details = { subjects: [{ name: '张一' }, { name: '王二' }] };
    assessmentItem = (await server.must<{ id: number }>('agenda.add', { sessionId: s16.sessionId, kind: 'assessment', title: '对两位报告人进行满意度测评', details })).id;
  });
});

afterAll(() => closeRoom(room));

/** The member ids of one round's voter rows, page by page in the order their cells were written. */
function voterOrder(file: string, table: string, roundId: number): number[][] {
  const cells = placedCells(file, table).filter((c) => c.values[0] === roundId);
  const pages = [...new Set(cells.map((c) => c.page))];
  return pages.map((p) => writtenOrder(cells.filter((c) => c.page === p)).map((v) => v[1]!));
}

const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b);

it('after close, the voter rows of a secret ballot and of an assessment keep no order of pressing, in the file and its backup', async () => {
  const { server, s16, clients } = room;
  const shuffled = (seed: number) => shuffle(s16.members.length, seed);
  const ballots: { id: number; order: number[] }[] = [];
  for (const seed of [7, 3, 5]) {
    const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await server.must('ballots.open', { ballotId: ballot.id });
    const order = shuffled(seed).slice(0, 30 + ballots.length); // a few press nothing
    for (const [k, m] of order.entries()) {
      expect((await clients[m]!.call('terminal.vote', { ballotId: ballot.id, choice: ['yes', 'no', 'abstain'][k % 3], pressSeq: 1 })).ok).toBe(true);
    }
    for (const m of order.slice(0, 5)) expect((await clients[m]!.call('terminal.vote', { ballotId: ballot.id, choice: 'no', pressSeq: 2 })).ok).toBe(true);
    await server.must('ballots.close', { ballotId: ballot.id });
    ballots.push({ id: ballot.id, order });
  }

  const a = await server.must<{ id: number }>('assessments.create', { itemId: assessmentItem, method: 'electronic' });
  await server.must('assessments.open', { assessmentId: a.id });
  for (const [k, m] of shuffled(11).entries()) expect((await clients[m]!.call('terminal.submitSheet', { assessmentId: a.id, marks: [k % 3, (k + 1) % 3] })).ok).toBe(true);
  await server.must('assessments.close', { assessmentId: a.id });
  const backup = await server.must<{ path: string }>('system.backup');

  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-order-copy-'));
  fs.cpSync(server.dataDir, copy, { recursive: true });
  const ids = (ms: number[]) => ms.map((m) => s16.members[m]!.id);
  for (const file of [path.join(copy, 'yishi.sqlite'), path.join(copy, 'backups', path.basename(backup.path))]) {
    const sheets = voterOrder(file, 'assessment_voters', a.id);
    expect(ascending(sheets.flat())).toEqual(ascending(ids(shuffled(11)))); // the positive control: every voter row is found in the bytes…
    const pages = [...sheets];
    for (const b of ballots) {
      const votes = voterOrder(file, 'secret_voters', b.id);
      expect(ascending(votes.flat())).toEqual(ascending(ids(b.order)));
      pages.push(...votes);
    }
    // …and each page's rows of a round lie in the order of the ids (one way or the other), not of the presses.
    for (const page of pages) expect([ascending(page), ascending(page).reverse()], path.basename(file)).toContainEqual(page);
  }
}, 120_000);
