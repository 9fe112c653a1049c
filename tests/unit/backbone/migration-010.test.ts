// Migration 010: the attendance counts (实到 / 请假, read with every live snapshot and sign-in) come
// from an index on (session_id, status) instead of a scan of the session's rows; nothing else changes.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { countsOf } from '../../../src-main/meeting/attendance-store';
import { migrate } from '../../../src-main/store/migrations/index';
import type { Store } from '../../../src-main/store/store';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(9, "INSERT INTO sessions (id, term, number, date, expected_members, region, rules) VALUES (1, 2, 16, '2026-09-22', 33, '示例区', '{}'), (2, 2, 17, '2026-10-22', 33, '示例区', '{}')");
  const member = db.prepare("INSERT INTO members (id, name, role, sort) VALUES (?, ?, '委员', ?)");
  for (let i = 1; i <= 6; i++) member.run(i, `委员${i}`, i);
  const row = db.prepare('INSERT INTO attendance (session_id, member_id, status) VALUES (?, ?, ?)');
  for (const [m, status] of [[1, 'present'], [2, 'present'], [3, 'leave'], [4, 'left'], [5, 'absent'], [6, 'present']] as const) row.run(1, m, status);
  for (const m of [1, 2, 3]) row.run(2, m, 'leave');
});
afterEach(() => closeMigrationDb(db));

describe('migration 010: the attendance counts from an index', () => {
  it('takes a version-9 file to version 10, the attendance rows unchanged, the index added', () => {
    const rows = db.prepare('SELECT * FROM attendance ORDER BY id').all();
    expectUpgradeTo(db, 10);
    expect(db.prepare('SELECT * FROM attendance ORDER BY id').all()).toEqual(rows);
    expect(db.prepare("SELECT name FROM pragma_index_list('attendance') WHERE name = 'attendance_status'").pluck().all()).toEqual(['attendance_status']);
  });

  it('counts 实到 and 请假 of each session from the index alone (a covering index, no scan of the rows)', () => {
    migrate(db, 10);
    const store = { db } as unknown as Store;
    expect(countsOf(store, 1)).toEqual({ present: 3, onLeave: 1 }); // 离会 (left) and absent are neither
    expect(countsOf(store, 2)).toEqual({ present: 0, onLeave: 3 });
    expect(countsOf(store, 3)).toEqual({ present: 0, onLeave: 0 });
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM attendance WHERE session_id = 1 AND status = 'present'")
      .all()
      .map((r) => (r as { detail: string }).detail);
    expect(plan).toEqual(['SEARCH attendance USING COVERING INDEX attendance_status (session_id=? AND status=?)']);
  });
});
