// Migration 012: the attendance announced when business began (实到, 请假) is kept with the live session,
// for the chair's script and the record. A session that began before it keeps its row unchanged, the
// figures unknown (NULL: it prints the live figure); negative counts are refused.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { openingCounts } from '../../../src-main/meeting/attendance-store';
import { migrate } from '../../../src-main/store/migrations/index';
import type { Store } from '../../../src-main/store/store';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(
    11,
    `
    INSERT INTO sessions (id, term, number, date, expected_members, region, rules, status) VALUES (1, 2, 16, '2026-09-22', 33, '示例区', '{}', 'open');
    INSERT INTO session_live (session_id, business_started_at, quorum_override) VALUES (1, '2026-09-22T01:00:00.000Z', NULL);
    `,
  );
});
afterEach(() => closeMigrationDb(db));

describe('migration 012: the attendance at the opening', () => {
  it('takes a version-11 file to version 12; a session begun before it keeps its row, its opening figures unknown', () => {
    expectUpgradeTo(db, 12);
    expect(db.prepare('SELECT * FROM session_live').all()).toEqual([
      { session_id: 1, current_item_id: null, business_started_at: '2026-09-22T01:00:00.000Z', quorum_override: null, opening_present: null, opening_on_leave: null },
    ]);
    expect(openingCounts({ db } as unknown as Store, 1)).toBeNull();
  });

  it('keeps 实到 and 请假 as integers, never negative', () => {
    migrate(db, 12);
    db.prepare('UPDATE session_live SET opening_present = 29, opening_on_leave = 2 WHERE session_id = 1').run();
    expect(openingCounts({ db } as unknown as Store, 1)).toEqual({ present: 29, onLeave: 2 });
    expect(() => db.prepare('UPDATE session_live SET opening_present = -1 WHERE session_id = 1').run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE session_live SET opening_on_leave = '两' WHERE session_id = 1").run()).toThrow(/integer|INTEGER|datatype/i);
  });
});
