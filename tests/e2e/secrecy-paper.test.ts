// Secret at every moment, for paper sheets (纸质测评表) entered by the secretary inside a round held on
// terminals: the data folder may say that a member handed in on paper (the audit log names them), never
// which sheet was theirs. Checked by a swap: two rounds run the same script — the same terminals submit
// the same sheets in the same order, the secretary enters for the same two members, in the same order,
// once wrongly and again — except that the two paper sheets change hands. Whatever the database holds
// of each round (every row of every table the round added or changed, in the tables' order, the audit
// log in its order; times, hashes, the round's own id and the sealed bytes left out), read from a copy
// of the data folder taken while each round is open and after it closed, must be the same for both.
// A record of paper sheets in the order entered, of which sheet was whose, of what a member's sheet
// marks, would differ. The receipts, sealed while open, are compared by length; after close none is left.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeRoom, shuffled, signedInRoom, type SecrecyRoom } from '../helpers/secrecy-room';
import { placedCells, writtenOrder } from '../helpers/cell-order';

let room: SecrecyRoom;
let item = 0;
const copies: string[] = [];

beforeAll(async () => {
  room = await signedInRoom('paper', async ({ server, s16 }) => {
    const details = { subjects: [{ name: '张一' }, { name: '王二' }, { name: '李三' }] };
    item = (await server.must<{ id: number }>('agenda.add', { sessionId: s16.sessionId, kind: 'assessment', title: '对三位报告人进行满意度测评', details })).id;
  });
});

afterAll(async () => {
  await closeRoom(room);
  for (const c of copies) fs.rmSync(c, { recursive: true, force: true });
});

type Rows = Map<string, string[]>;

/** Every row of every table of a copy of the data folder, each table in its stored order. */
function rowsOfCopy(): { rows: Rows; file: string } {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-paper-copy-'));
  copies.push(copy);
  fs.cpSync(room.server.dataDir, copy, { recursive: true });
  const file = path.join(copy, 'yishi.sqlite');
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'archive_fts%'").all() as { name: string; wr: number }[];
    const rows: Rows = new Map();
    for (const t of tables) {
      const list = db.prepare(`SELECT * FROM "${t.name}"${t.wr ? '' : ' ORDER BY rowid'}`).all() as Record<string, unknown>[];
      rows.set(t.name, list.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? `<${v.length} bytes>` : v])))));
    }
    return { rows, file };
  } finally {
    db.close();
  }
}

/** What a round added or changed (rows of `after` not in `before`), with its id, times, hashes and sequence numbers left out. */
function footprint(before: Rows, after: Rows, roundId: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [table, rows] of after) {
    const was = new Set(before.get(table) ?? []);
    // An archive entry's id is its sort key, which holds the round's id (migration 007).
    const added = rows.filter((r) => !was.has(r)).map((r) => normalized(JSON.parse(r) as unknown, roundId, table === 'archive_entries' ? 'archive' : ''));
    if (table === 'audit_log') out[table] = added.filter((e) => !String((e as { action: string }).action).startsWith('backup.'));
    else if (added.length > 0) out[table] = added;
  }
  return out;
}

const LEFT_OUT = new Set(['seq', 'hash', 'prev_hash', 'at', 'round']);

function normalized(v: unknown, roundId: number, key = ''): unknown {
  if (key === 'archive' && v && typeof v === 'object') return normalized({ ...v, id: roundId }, roundId);
  if (typeof v === 'string' && (v.startsWith('{') || v.startsWith('['))) {
    try {
      return normalized(JSON.parse(v) as unknown, roundId, key);
    } catch {
      return v;
    }
  }
  if (Array.isArray(v)) return v.map((x) => normalized(x, roundId));
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([k]) => !LEFT_OUT.has(k) && !/(_at|At)$/.test(k));
    return Object.fromEntries(entries.map(([k, x]) => [k, normalized(x, roundId, k)]));
  }
  if (v === roundId && /^(id|entity_id|assessment_id|ref_id|roundId|assessmentId)$/.test(key)) return 'ROUND';
  if (v === String(roundId) && key === 'entity_id') return 'ROUND';
  if (v === `assessment-${roundId}`) return 'ROUND';
  return v;
}

/** One round: terminals submit in a fixed order, the secretary enters `paper` (member index → marks) after a wrong first entry for the first of them. */
async function runRound(paper: [number, (number | null)[]][]) {
  const { server, s16, clients } = room;
  const start = rowsOfCopy().rows;
  const a = await server.must<{ id: number }>('assessments.create', { itemId: item, method: 'electronic' });
  await server.must('assessments.open', { assessmentId: a.id });
  const onPaper = new Set(paper.map(([m]) => m));
  for (const [k, m] of shuffled(s16.members.length, 11).filter((m) => !onPaper.has(m)).slice(0, 12).entries()) {
    expect((await clients[m]!.call('terminal.submitSheet', { assessmentId: a.id, marks: [k % 3, (k + 1) % 3, null] })).ok).toBe(true);
  }
  const [first] = paper[0]!;
  await server.must('assessments.paperSheet', { assessmentId: a.id, memberId: s16.members[first]!.id, marks: [0, 0, 0] });
  await server.must('assessments.correctPaperSheet', { assessmentId: a.id, memberId: s16.members[first]!.id, marks: paper[0]![1] });
  for (const [m, marks] of paper.slice(1)) await server.must('assessments.paperSheet', { assessmentId: a.id, memberId: s16.members[m]!.id, marks });
  const open = rowsOfCopy();
  await server.must('assessments.close', { assessmentId: a.id });
  const closed = rowsOfCopy();
  const voters = writtenOrder(placedCells(closed.file, 'assessment_voters').filter((c) => c.values[0] === a.id)).map((v) => v[1]);
  return { id: a.id, open: footprint(start, open.rows, a.id), closed: footprint(start, closed.rows, a.id), voters };
}

it('two rounds whose paper sheets change hands leave the same records, while open and after close', async () => {
  const { server, s16 } = room;
  const [p, q] = [3, 17].map((k) => k % s16.members.length);
  const X = [0, 2, 1];
  const Y = [2, 1, null];
  await runRound([[p!, X], [q!, Y]]); // the first round also makes the item current: not compared
  const one = await runRound([[p!, X], [q!, Y]]);
  const two = await runRound([[p!, Y], [q!, X]]);

  // The records are there to compare: the paper entries name their members, the result counts them.
  const entries = (f: Record<string, unknown[]>) => (f.audit_log as { action: string; data: { memberId?: number } | null }[]).filter((e) => e.action.startsWith('assessment.paperSheet'));
  expect(entries(one.open).map((e) => [e.action, e.data?.memberId])).toEqual([
    ['assessment.paperSheet', s16.members[p!]!.id],
    ['assessment.paperSheetCorrect', s16.members[p!]!.id],
    ['assessment.paperSheet', s16.members[q!]!.id],
  ]);
  expect(one.open.round_receipts).toHaveLength(14);
  const result = (await server.must<{ result: { paperSheets?: number } }>('assessments.get', { assessmentId: two.id })).result;
  expect(result.paperSheets).toBe(2);

  expect(two.open).toEqual(one.open);
  expect(two.closed).toEqual(one.closed);
  expect(two.closed.round_receipts).toBeUndefined();
  expect(two.voters).toEqual(one.voters);
}, 180_000);

it('a paper ballot (纸质票) keeps its counts and sheets, and nothing names a member', async () => {
  const { server, s16 } = room;
  const start = rowsOfCopy().rows;
  const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'paper', timerSeconds: null });
  await server.must('ballots.enterResult', { ballotId: ballot.id, yes: 20, no: 5, abstain: 3, sheets: { issued: 33, returned: 30, invalid: 2 } });
  const after = footprint(start, rowsOfCopy().rows, ballot.id);
  expect(JSON.stringify(after.ballots)).toContain('"sheets_issued":33');
  expect(Object.keys(after).filter((t) => t !== 'audit_log' && t !== 'ballots' && t !== 'archive_entries' && t !== 'session_live')).toEqual([]);
  expect(JSON.stringify(after)).not.toMatch(/member_?[iI]d/);
});
