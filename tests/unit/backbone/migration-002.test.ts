// Migration 002 (live session): attendance, seat codes, terminals, ballots, named and secret votes.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, columnsOf, expectUpgradeTo, migrationDbAt, tableFlags } from '../../helpers/migration-db';
import { currentVersion, migrate } from '../../../src-main/store/migrations/index';

const TABLES = ['session_live', 'attendance', 'seat_codes', 'terminals', 'ballots', 'named_votes', 'secret_voters', 'secret_counts'];
const WITHOUT_ROWID = ['named_votes', 'secret_voters', 'secret_counts'];

let db: Database.Database;

beforeEach(() => {
  // Data written by version 1 that must survive the upgrade.
  db = migrationDbAt(
    1,
    `
    INSERT INTO members (id, sort, name, role, seat) VALUES (1, 1, '张三', '委员', 1), (2, 2, '李四', '委员', 2);
    INSERT INTO attendees (id, sort, name) VALUES (1, 1, '王五');
    INSERT INTO sessions (id, term, number, date, expected_members, rules) VALUES (1, 2, 16, '2026-09-22', 2, '{}');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '表决某决议');
    `,
  );
});
afterEach(() => closeMigrationDb(db));

const addBallot = (fields: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO ballots (session_id, item_id, round, subject, method, secret, press_rule, created_at, expected, rules)
       VALUES (1, 1, 1, '表决某决议', @method, @secret, @press_rule, '2026-09-22T01:00:00Z', 2, '{}')`,
    )
    .run({ method: 'electronic', secret: 1, press_rule: 'last', ...fields });

describe('migration 002: live session', () => {
  it('takes a version-1 file to version 2 and keeps its data', () => {
    expect(currentVersion(db)).toBe(1);
    expectUpgradeTo(db, 2);
    expect(db.prepare('SELECT name FROM members ORDER BY id').all()).toEqual([{ name: '张三' }, { name: '李四' }]);
  });

  it('creates every table, each STRICT; the vote tables keep no rowid (no insertion order)', () => {
    migrate(db, 2);
    const byName = tableFlags(db);
    for (const t of TABLES) {
      expect(byName.get(t)?.strict, `table ${t} is STRICT`).toBe(1);
    }
    for (const t of WITHOUT_ROWID) expect(byName.get(t)?.wr, `table ${t} is WITHOUT ROWID`).toBe(1);
  });

  it('secret votes: who voted and the counts share no column that could link them', () => {
    migrate(db, 2);
    const cols = (t: string) => columnsOf(db, t);
    expect(cols('secret_counts')).toEqual(['ballot_id', 'choice', 'count']);
    expect(cols('secret_counts')).not.toContain('member_id');
    expect(cols('secret_voters')).not.toContain('choice');
  });

  it('attendance: one row per member and session, with a known status', () => {
    migrate(db, 2);
    const add = (status: string) =>
      db.prepare('INSERT INTO attendance (session_id, member_id, status) VALUES (1, 1, ?)').run(status);
    expect(() => db.prepare("INSERT INTO attendance (session_id, member_id, status) VALUES (1, 2, 'asleep')").run()).toThrow(
      /CHECK constraint failed/,
    );
    add('present');
    expect(() => add('leave')).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare("INSERT INTO attendance (session_id, member_id, status) VALUES (1, 99, 'present')").run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it('seat codes and terminals belong to exactly one member or one attendee', () => {
    migrate(db, 2);
    expect(() => db.prepare("INSERT INTO seat_codes (session_id, member_id, attendee_id, code) VALUES (1, 1, 1, '111111')").run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => db.prepare("INSERT INTO seat_codes (session_id, code) VALUES (1, '222222')").run()).toThrow(/CHECK constraint failed/);
    db.prepare("INSERT INTO seat_codes (session_id, member_id, code) VALUES (1, 1, '333333')").run();
    expect(() => db.prepare("INSERT INTO seat_codes (session_id, attendee_id, code) VALUES (1, 1, '333333')").run()).toThrow(
      /UNIQUE constraint failed/,
    );
    const pair = (id: string, hash: string) =>
      db
        .prepare(`INSERT INTO terminals (id, session_id, member_id, token_hash, paired_at, paired_via) VALUES (?, 1, 1, ?, 'now', 'code')`)
        .run(id, hash);
    pair('t1', 'h1');
    expect(() => pair('t2', 'h1')).toThrow(/UNIQUE constraint failed: terminals\.token_hash/);
  });

  it('ballots: method, press rule and state are checked', () => {
    migrate(db, 2);
    expect(() => addBallot({ method: 'shouting' })).toThrow(/CHECK constraint failed/);
    expect(() => addBallot({ press_rule: 'any' })).toThrow(/CHECK constraint failed/);
    const id = Number(addBallot().lastInsertRowid);
    expect(() => db.prepare("UPDATE ballots SET state = 'lost' WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO secret_counts (ballot_id, choice, count) VALUES (?, 'yes', -1)").run(id)).toThrow(
      /CHECK constraint failed/,
    );
    const press = (choice: string) =>
      db
        .prepare(
          `INSERT INTO named_votes (ballot_id, member_id, choice, press_seq, press_terminal, pressed_at)
           VALUES (?, 1, ?, 1, 't1', '2026-09-22T01:01:00Z')`,
        )
        .run(id, choice);
    expect(() => press('maybe')).toThrow(/CHECK constraint failed/);
    press('yes');
    expect(() => press('no')).toThrow(/UNIQUE constraint failed/);
  });
});
