// Migration 013: a paper ballot's sheets (发出 / 收回 / 无效) are kept with its result. Ballots stored
// before it keep their rows unchanged, their sheets unknown (NULL); negative counts are refused.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(
    12,
    `
    INSERT INTO sessions (id, term, number, date, expected_members, rules, status) VALUES (1, 2, 16, '2026-09-22', 33, '{}', 'open');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '表决某决议');
    `,
  );
  db.prepare(
    `INSERT INTO ballots (id, session_id, item_id, round, subject, method, secret, press_rule, state, created_at, expected, rules, yes, no, abstain, not_pressed, adopted)
     VALUES (1, 1, 1, 1, '表决某决议', 'paper', 1, 'last', 'closed', 'now', 33, '{}', 20, 5, 2, 3, 1)`,
  ).run();
});
afterEach(() => closeMigrationDb(db));

describe('migration 013: a paper ballot’s sheets', () => {
  it('takes a version-12 file to version 13; a ballot stored before keeps its row, its sheets unknown', () => {
    const before = db.prepare('SELECT * FROM ballots').get() as Record<string, unknown>;
    expectUpgradeTo(db, 13);
    expect(db.prepare('SELECT * FROM ballots').get()).toEqual({ ...before, sheets_issued: null, sheets_returned: null, sheets_invalid: null });
  });

  it('keeps the sheets as integers, never negative', () => {
    migrate(db, 13);
    db.prepare('UPDATE ballots SET sheets_issued = 30, sheets_returned = 29, sheets_invalid = 2 WHERE id = 1').run();
    expect(db.prepare('SELECT sheets_issued, sheets_returned, sheets_invalid FROM ballots').get()).toEqual({ sheets_issued: 30, sheets_returned: 29, sheets_invalid: 2 });
    expect(() => db.prepare('UPDATE ballots SET sheets_invalid = -1 WHERE id = 1').run()).toThrow(/CHECK/);
  });
});
