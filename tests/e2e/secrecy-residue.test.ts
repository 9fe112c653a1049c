// Secret at every moment, after close, at the scale of a real term: many secret ballots of the whole
// committee, with members pressing again. Every receipt written while a round was open (read from the
// database after each press, from whatever table holds it) must be gone from the database file, its
// WAL and the backup taken after the closes, byte for byte. Erasing receipts row by row in a table that
// also keeps earlier rounds left, now and then, an old receipt in the unused space of a page SQLite had
// rebuilt while the round was open (secure_delete does not zero that space). Real server, real sockets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { startServe, tempDataDir, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { pairAndSignIn } from '../helpers/live-setup';

const RECEIPT_BYTES = 12 + 16 + 42; // nonce, tag, press body (meeting/press-recorder.ts)
const BALLOTS = 40;
let server: ServeProcess;
let s16: Session16;
const clients: TerminalClient[] = [];

beforeAll(async () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-residue-keys-'));
  server = await startServe({ dataDir: tempDataDir('yishi-residue-'), env: { YISHI_KEY_DIR: keyDir } });
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  clients.push(...(await pairAndSignIn(server.must, `ws://127.0.0.1:${server.port}/ws`, s16.members)));
  await server.must('live.startBusiness');
});

afterAll(async () => {
  for (const t of clients) await t.close();
  await server?.stop();
});

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
function orderFor(k: number): number[] {
  let x = 2_654_435_761 * (k + 1);
  const next = () => ((x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) >>> 8);
  const order = s16.members.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

it('no receipt of a closed round is left anywhere in the file, its WAL or a backup after many rounds', async () => {
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
