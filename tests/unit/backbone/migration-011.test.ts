// Migration 011 (round_receipts): the sealed receipts of the open round move out of the voter rows into
// a table of their own, which is emptied as a whole at close; the voter rows keep only who took part.
// A round open at the upgrade keeps its receipts, byte for byte; closed rounds keep their voters.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, columnsOf, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { AUDITED_TABLES } from '../../../src-main/store/audit';
import { migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;
const receipt = (n: number) => Buffer.alloc(70, n);

beforeEach(() => {
  db = migrationDbAt(
    10,
    `
    INSERT INTO members (id, sort, name, role, seat) VALUES (1, 1, '张三', '委员', 1), (2, 2, '李四', '委员', 2);
    INSERT INTO sessions (id, term, number, date, expected_members, rules, status) VALUES (1, 2, 16, '2026-09-22', 2, '{}', 'open');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '表决某决议'), (2, 1, 2, 'assessment', '满意度测评');
    `,
  );
  const ballot = db.prepare(
    `INSERT INTO ballots (id, session_id, item_id, round, subject, method, secret, press_rule, state, created_at, expected, rules)
     VALUES (?, 1, 1, ?, '表决某决议', 'electronic', 1, 'last', ?, 'now', 2, '{}')`,
  );
  ballot.run(1, 1, 'closed');
  ballot.run(2, 2, 'open');
  db.prepare("INSERT INTO secret_voters (ballot_id, member_id, receipt) VALUES (1, 1, NULL), (1, 2, NULL), (2, 1, ?), (2, 2, ?)").run(receipt(1), receipt(2));
  db.prepare(
    `INSERT INTO assessments (id, session_id, item_id, round, kind, title, subjects, method, state, all_members, created_at)
     VALUES (1, 1, 2, 1, 'satisfaction', '满意度测评', '[]', 'electronic', 'closed', 2, 'now')`,
  ).run();
  db.prepare('INSERT INTO assessment_voters (assessment_id, member_id, receipt) VALUES (1, 1, NULL)').run();
});
afterEach(() => closeMigrationDb(db));

const cols = (t: string) => columnsOf(db, t);

describe('migration 011: the receipts of the open round in a table of their own', () => {
  it('takes a version-10 file to version 11: the open ballot keeps its receipts, the voter rows keep who took part', () => {
    expectUpgradeTo(db, 11);
    expect(cols('secret_voters')).toEqual(['ballot_id', 'member_id']);
    expect(cols('assessment_voters')).toEqual(['assessment_id', 'member_id']);
    expect(db.prepare('SELECT ballot_id, member_id FROM secret_voters ORDER BY ballot_id, member_id').all()).toEqual([
      { ballot_id: 1, member_id: 1 },
      { ballot_id: 1, member_id: 2 },
      { ballot_id: 2, member_id: 1 },
      { ballot_id: 2, member_id: 2 },
    ]);
    expect(db.prepare('SELECT assessment_id, member_id FROM assessment_voters').all()).toEqual([{ assessment_id: 1, member_id: 1 }]);
    expect(db.prepare('SELECT round, member_id, receipt FROM round_receipts ORDER BY member_id').all()).toEqual([
      { round: 'ballot-2', member_id: 1, receipt: receipt(1) },
      { round: 'ballot-2', member_id: 2, receipt: receipt(2) },
    ]);
  });

  it('is STRICT, without rowid and without foreign keys (so that it is emptied page by page), and not audited', () => {
    migrate(db, 11);
    expect(db.prepare("SELECT strict, wr FROM pragma_table_list WHERE name = 'round_receipts'").get()).toEqual({ strict: 1, wr: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM pragma_foreign_key_list('round_receipts')").get()).toEqual({ n: 0 });
    expect(AUDITED_TABLES as readonly string[]).not.toContain('round_receipts');
    expect(() => db.prepare("INSERT INTO round_receipts (round, member_id, receipt) VALUES ('ballot-2', 1, x'00')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO round_receipts (round, member_id, receipt) VALUES ('vote-3', 1, x'00')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO round_receipts (round, member_id, receipt) VALUES ('ballot-3', 1, NULL)").run()).toThrow(/NOT NULL/);
  });
});
