// Migration 014 (vacuum-old-receipts): a file written by a version before 011 erased a closed round's
// receipts row by row (UPDATE secret_voters SET receipt = NULL), which left now and then an old receipt
// in the unused space of a page rebuilt while the round was open; secure_delete does not zero that
// space and migration 011's DROP COLUMN kept the pages. The fixture is made at version 10 the way that
// version wrote (WAL, secure_delete, 33 members pressing and pressing again in 40 rounds), and the
// file's bytes are searched for every receipt written: some are there at version 13, none at 14. The
// rebuild also writes the voter rows of those rounds again in the order of the ids, where their cells'
// offsets had kept the order in which members first pressed (see tests/e2e/secrecy-order.test.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { migrate } from '../../../src-main/store/migrations/index';
import { placedCells, writtenOrder } from '../../helpers/cell-order';

const MEMBERS = 33;
/** The order in which members first press in ballot `b`: a rotation by 7b of a fixed stride, never the ids' order. */
const pressOrder = (b: number) => Array.from({ length: MEMBERS }, (_, k) => ((k * 10 + 7 * b) % MEMBERS) + 1);
let db: Database.Database;
let written: Buffer[];

beforeEach(() => {
  db = migrationDbAt(10);
  db.pragma('journal_mode = WAL');
  db.pragma('secure_delete = ON');
  db.exec(`INSERT INTO sessions (id, term, number, date, expected_members, rules, status) VALUES (1, 2, 16, '2026-09-22', ${MEMBERS}, '{}', 'open');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '表决某决议');`);
  const member = db.prepare("INSERT INTO members (id, sort, name, role, seat) VALUES (?, ?, ?, '委员', ?)");
  for (let i = 1; i <= MEMBERS; i++) member.run(i, i, `委员${i}`, i);
  const ballot = db.prepare(`INSERT INTO ballots (id, session_id, item_id, round, subject, method, secret, press_rule, state, created_at, expected, rules)
    VALUES (?, 1, 1, ?, '表决某决议', 'electronic', 1, 'last', 'open', 'now', ${MEMBERS}, '{}')`);
  const press = db.prepare('INSERT INTO secret_voters (ballot_id, member_id, receipt) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET receipt = excluded.receipt');
  const erase = db.prepare('UPDATE secret_voters SET receipt = NULL WHERE ballot_id = ? AND member_id = ?');
  written = [];
  for (let b = 1; b <= 40; b++) {
    ballot.run(b, b);
    for (let pass = 0; pass < 3; pass++) {
      for (const i of pressOrder(b)) {
        if (pass > 0 && (i + b + pass) % 3 !== 0) continue; // a third press again, twice
        const receipt = randomBytes(70); // nonce, tag, body: as sealed by version 0.x
        written.push(receipt);
        press.run(b, i, receipt);
      }
    }
    db.transaction(() => {
      for (let i = 1; i <= MEMBERS; i++) erase.run(b, i);
      db.prepare("UPDATE ballots SET state = 'closed' WHERE id = ?").run(b);
    })();
  }
});
afterEach(() => closeMigrationDb(db));

/** The receipts whose nonce and tag are still somewhere in the database file or its WAL. */
const left = () =>
  [db.name, `${db.name}-wal`].filter((f) => fs.existsSync(f)).flatMap((f) => {
    const bytes = fs.readFileSync(f);
    return written.filter((r) => bytes.includes(r.subarray(0, 28)));
  });

/** Per ballot, whether its voter rows lie in each page in the order of the ids (either way), not of the presses. */
const inIdOrder = () =>
  Array.from({ length: 40 }, (_, k) => {
    const cells = placedCells(db.name, 'secret_voters').filter((c) => c.values[0] === k + 1);
    return [...new Set(cells.map((c) => c.page))].every((p) => {
      const ids = writtenOrder(cells.filter((c) => c.page === p)).map((v) => v[1]!);
      const sorted = [...ids].sort((x, y) => x - y);
      return ids.join() === sorted.join() || ids.join() === sorted.reverse().join();
    });
  });

describe('migration 014: receipts erased row by row before version 11 are gone from the file', () => {
  it('a version-13 file upgraded from 10 still holds some old receipts; at 14 none, in the file or its WAL', () => {
    migrate(db, 13);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(left().length, 'the fixture reproduces the residue').toBeGreaterThan(0);
    expect(inIdOrder().filter(Boolean).length, 'the voter rows keep the order of the presses').toBeLessThan(40);
    expectUpgradeTo(db, 14);
    expect(left()).toEqual([]);
    // Rebuilt, the voter rows of every closed round lie in the order of the ids (the rounds closed before this version wrote them as pressed).
    expect(inIdOrder()).toEqual(Array(40).fill(true));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM secret_voters').get()).toEqual({ n: 40 * MEMBERS });
    expect(db.prepare("SELECT count(*) AS n FROM ballots WHERE state = 'closed'").get()).toEqual({ n: 40 });
  });

  it('a file upgraded straight from 10 to 14 holds none either, and 014 changes no table', () => {
    const before = db.prepare("SELECT name, sql FROM sqlite_schema ORDER BY name").all();
    migrate(db, 13);
    const at13 = db.prepare("SELECT name, sql FROM sqlite_schema ORDER BY name").all();
    expect(at13).not.toEqual(before);
    expectUpgradeTo(db, 14);
    expect(db.prepare("SELECT name, sql FROM sqlite_schema ORDER BY name").all()).toEqual(at13);
    expect(left()).toEqual([]);
  });
});
