// Migration 016: a ballot may decide a single provision (单独表决) before the whole text. Ballots stored
// before it keep their rows, the provision NULL (a ballot of the whole item); an empty name is refused.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(
    15,
    `
    INSERT INTO sessions (id, term, number, date, expected_members, rules, status) VALUES (1, 2, 16, '2026-09-22', 33, '{}', 'open');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '表决某规定（草案）');
    INSERT INTO ballots (id, session_id, item_id, round, subject, method, secret, press_rule, state, created_at, expected, rules)
      VALUES (1, 1, 1, 1, '表决某规定（草案）', 'electronic', 1, 'last', 'draft', 'now', 33, '{}');
    `,
  );
});
afterEach(() => closeMigrationDb(db));

describe('migration 016: provision ballots', () => {
  it('takes a version-15 file to version 16; a ballot stored before is of the whole item', () => {
    const before = db.prepare('SELECT * FROM ballots').get() as Record<string, unknown>;
    expectUpgradeTo(db, 16);
    expect(db.prepare('SELECT * FROM ballots').get()).toEqual({ ...before, provision: null });
  });

  it('keeps a provision’s name, never an empty one', () => {
    migrate(db, 16);
    db.prepare("UPDATE ballots SET provision = '第十二条' WHERE id = 1").run();
    expect(db.prepare('SELECT provision FROM ballots').pluck().get()).toBe('第十二条');
    expect(() => db.prepare("UPDATE ballots SET provision = '  ' WHERE id = 1").run()).toThrow(/CHECK/);
  });
});
