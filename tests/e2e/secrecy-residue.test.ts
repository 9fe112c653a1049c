// Secret at every moment, after close, at the scale of a real term: many secret ballots of the whole
// committee, with members pressing again. Every receipt written while a round was open (read from the
// database after each press, from whatever table holds it) must be gone from the database file, its
// WAL and the backup taken after the closes, byte for byte. Erasing receipts row by row in a table that
// also keeps earlier rounds left, now and then, an old receipt in the unused space of a page SQLite had
// rebuilt while the round was open (secure_delete does not zero that space). Real server, real sockets.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeRoom, shuffled, signedInRoom, type SecrecyRoom } from '../helpers/secrecy-room';

const RECEIPT_BYTES = 12 + 16 + 42; // nonce, tag, press body (meeting/press-recorder.ts)
const BALLOTS = 40;
let room: SecrecyRoom;

beforeAll(async () => {
  room = await signedInRoom('residue');
});

afterAll(() => closeRoom(room));

/** Every value of a receipt's length now, in any BLOB column of any table (documents aside). */
function receiptsNow(file: string): Buffer[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'documents'").all() as { name: string }[]).map((t) => t.name);
    return tables.flatMap((t) => {
      const blobs = (db.prepare(`SELECT name FROM pragma_table_info(?) WHERE type = 'BLOB'`).all(t) as { name: string }[]).map((c) => `"${c.name}"`);
      if (blobs.length === 0) return [];
      return (db.prepare(`SELECT ${blobs.join(', ')} FROM "${t}"`).raw().all() as unknown[][]).flat().filter((v): v is Buffer => Buffer.isBuffer(v) && v.length === RECEIPT_BYTES);
    });
  } finally {
    db.close();
  }
}

/** A fixed, shuffled order of the members for each ballot (the same on every run). */
const orderFor = (k: number) => shuffled(room.s16.members.length, 2_654_435_761 * (k + 1));

it('no receipt of a closed round is left anywhere in the file, its WAL or a backup after many rounds', async () => {
  const { server, s16, clients } = room;
  const dbFile = path.join(server.dataDir, 'yishi.sqlite');
  const written = new Map<string, Buffer>();
  for (let k = 0; k < BALLOTS; k++) {
    const b = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await server.must('ballots.open', { ballotId: b.id });
    const order = orderFor(k);
    for (let pass = 0; pass < 3; pass++) {
      for (const [i, m] of order.entries()) {
        if (pass > 0 && (i + k + pass) % 3 !== 0) continue; // a third of the members press again, twice
        const r = await clients[m]!.call('terminal.vote', { ballotId: b.id, choice: ['yes', 'no', 'abstain'][(m + pass) % 3], pressSeq: pass + 1 });
        expect(r.ok).toBe(true);
        for (const receipt of receiptsNow(dbFile)) written.set(receipt.toString('hex'), receipt);
      }
    }
    await server.must('ballots.close', { ballotId: b.id });
  }
  expect(written.size).toBeGreaterThan(BALLOTS * s16.members.length);
  const backup = await server.must<{ path: string }>('system.backup');
  for (const file of [dbFile, `${dbFile}-wal`, backup.path].filter((f) => fs.existsSync(f))) {
    const bytes = fs.readFileSync(file);
    const left = [...written.values()].filter((r) => bytes.includes(r.subarray(0, 28)));
    expect(left.length, `${path.basename(file)} still holds receipts of closed rounds`).toBe(0);
  }
  expect(receiptsNow(dbFile)).toEqual([]);
}, 240_000);
