// Migration 009 (作废本轮 on record): round_voids, a STRICT audited table of its own, one row per voided
// attempt of a ballot or an assessment; what is already in the file stays as it was.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { AUDITED_TABLES } from '../../../src-main/store/audit';
import { migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(8, "INSERT INTO sessions (id, term, number, date, expected_members, region, rules) VALUES (1, 2, 16, '2026-09-22', 33, '示例区', '{}')");
});
afterEach(() => closeMigrationDb(db));

const insert = (kind: string, reason: string, discarded: number) =>
  db.prepare("INSERT INTO round_voids (kind, round_id, opened_at, voided_at, reason, discarded) VALUES (?, 1, NULL, 'now', ?, ?)").run(kind, reason, discarded);

describe('migration 009: voided attempts of rounds', () => {
  it('takes a version-8 file to version 9, the existing rows unchanged, one STRICT audited table added', () => {
    const sessions = db.prepare('SELECT * FROM sessions').all();
    expectUpgradeTo(db, 9);
    expect(db.prepare('SELECT * FROM sessions').all()).toEqual(sessions);
    expect(db.prepare("SELECT name, strict FROM pragma_table_list WHERE name = 'round_voids'").all()).toEqual([{ name: 'round_voids', strict: 1 }]);
    expect(AUDITED_TABLES as readonly string[]).toContain('round_voids');
  });

  it('keeps a kind of round, a reason in words and a count that is not negative', () => {
    migrate(db, 9);
    insert('ballot', '会议用计算机故障', 2);
    insert('assessment', '换用备用计算机', 0);
    expect(() => insert('speech', '原因', 1)).toThrow(/CHECK constraint failed/);
    expect(() => insert('ballot', '   ', 1)).toThrow(/CHECK constraint failed/);
    expect(() => insert('ballot', '原因', -1)).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT kind, reason, discarded FROM round_voids ORDER BY id').all()).toEqual([
      { kind: 'ballot', reason: '会议用计算机故障', discarded: 2 },
      { kind: 'assessment', reason: '换用备用计算机', discarded: 0 },
    ]);
  });
});
