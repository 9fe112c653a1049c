// Migration 005 (sealed rounds): the anonymous counters go, secret voter rows keep only who voted
// (the press sequence and terminal move into the sealed receipt), assessment voters get a receipt.
// A secret round still open in the old format refuses the upgrade and changes nothing.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, columnsOf, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { currentVersion, migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(
    4,
    `
    INSERT INTO members (id, sort, name, role, seat) VALUES (1, 1, '张三', '委员', 1), (2, 2, '李四', '委员', 2);
    INSERT INTO sessions (id, term, number, date, expected_members, rules, status) VALUES (1, 2, 16, '2026-09-22', 2, '{}', 'closed');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '表决某决议'), (2, 1, 2, 'assessment', '满意度测评');
    `,
  );
  // A closed secret ballot (2 yes) and a closed assessment, as version 4 left them.
  db.prepare(
    `INSERT INTO ballots (id, session_id, item_id, round, subject, method, secret, press_rule, state, created_at, expected, rules, yes, no, abstain, not_pressed, adopted)
     VALUES (1, 1, 1, 1, '表决某决议', 'electronic', 1, 'last', 'closed', 'now', 2, '{}', 2, 0, 0, 0, 1)`,
  ).run();
  db.prepare("INSERT INTO secret_voters (ballot_id, member_id, press_seq, press_terminal, receipt) VALUES (1, 1, 51234567, 'a1', NULL), (1, 2, 51234570, 'b2', NULL)").run();
  db.prepare("INSERT INTO secret_counts (ballot_id, choice, count) VALUES (1, 'yes', 2), (1, 'no', 0), (1, 'abstain', 0)").run();
  db.prepare(
    `INSERT INTO assessments (id, session_id, item_id, round, kind, title, subjects, method, state, all_members, created_at, result)
     VALUES (1, 1, 2, 1, 'satisfaction', '满意度测评', '[]', 'electronic', 'closed', 2, 'now', '{"kind":"satisfaction"}')`,
  ).run();
  db.prepare('INSERT INTO assessment_voters (assessment_id, member_id) VALUES (1, 1), (1, 2)').run();
});
afterEach(() => closeMigrationDb(db));

const cols = (t: string) => columnsOf(db, t);
const tables = () => (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);

describe('migration 005: sealed rounds', () => {
  it('takes a version-4 file to version 5: counters gone, who voted kept, results kept', () => {
    expectUpgradeTo(db, 5);
    for (const t of ['secret_counts', 'assessment_counts', 'assessment_sheets']) expect(tables()).not.toContain(t);
    expect(cols('secret_voters')).toEqual(['ballot_id', 'member_id', 'receipt']);
    expect(cols('assessment_voters')).toEqual(['assessment_id', 'member_id', 'receipt']);
    expect(db.prepare('SELECT ballot_id, member_id, receipt FROM secret_voters ORDER BY member_id').all()).toEqual([
      { ballot_id: 1, member_id: 1, receipt: null },
      { ballot_id: 1, member_id: 2, receipt: null },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM assessment_voters').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT yes, no, abstain, adopted FROM ballots WHERE id = 1').get()).toEqual({ yes: 2, no: 0, abstain: 0, adopted: 1 });
    // Still STRICT and without rowid (no insertion order), and still tied to their rounds and members.
    const list = db.prepare("SELECT name, strict, wr FROM pragma_table_list WHERE name IN ('secret_voters', 'assessment_voters') ORDER BY name").all();
    expect(list).toEqual([
      { name: 'assessment_voters', strict: 1, wr: 1 },
      { name: 'secret_voters', strict: 1, wr: 1 },
    ]);
    expect(() => db.prepare('INSERT INTO secret_voters (ballot_id, member_id) VALUES (99, 1)').run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO assessment_voters (assessment_id, member_id, receipt) VALUES (1, 1, x'00')").run()).toThrow(/UNIQUE|PRIMARY/);
  });

  it('refuses, in Chinese and changing nothing, while a secret ballot or an assessment is open in the old format', () => {
    db.prepare("UPDATE ballots SET state = 'open' WHERE id = 1").run();
    expect(() => migrate(db)).toThrow(/数据库不能升级到第5版：“表决某决议”正在进行，请先用原版本结束后再升级/);
    expect(currentVersion(db)).toBe(4);
    expect(tables()).toContain('secret_counts');
    db.prepare("UPDATE ballots SET state = 'closed' WHERE id = 1").run();
    db.prepare("UPDATE assessments SET state = 'open' WHERE id = 1").run();
    expect(() => migrate(db)).toThrow(/“满意度测评”正在进行/);
    expect(currentVersion(db)).toBe(4);
  });

  it('lets a named ballot that is open be carried over (named votes are unchanged)', () => {
    db.prepare("UPDATE ballots SET state = 'open', secret = 0 WHERE id = 1").run();
    expect(migrate(db)).toContain(5);
  });
});
