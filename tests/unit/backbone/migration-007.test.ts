// Migration 007 (the archive index): entries and their bigram full-text index for what is already
// in the file, kept current by triggers in the same transaction as the row they follow; derived
// data, outside the audited tables.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { AUDITED_TABLES } from '../../../src-main/store/audit';
import { ARCHIVE_KINDS as MIGRATION_KINDS } from '../../../src-main/store/migrations/007-archive';
import { migrate } from '../../../src-main/store/migrations/index';
import { ARCHIVE_KINDS } from '../../../src-main/shared/archive-kinds';

let db: Database.Database;
const before = 6; // the migration just below 007

beforeEach(() => {
  db = migrationDbAt(
    before,
    `
    INSERT INTO sessions (id, term, number, date, expected_members, region, rules) VALUES (1, 2, 16, '2026-09-22', 33, '示例区', '{}');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'report', '听取和审议区人民政府关于医疗保障基金使用情况的报告');
    `,
  );
  db.prepare(
    "INSERT INTO review_remarks (session_id, item_id, speaker, mode, recorded_by, text, created_at) VALUES (1, 1, '张三', 'written', 'terminal', '建议加强医保基金监管。', 'now')",
  ).run();
});
afterEach(() => closeMigrationDb(db));

const match = (q: string) => (db.prepare('SELECT e.kind, e.ref_id AS id FROM archive_fts f JOIN archive_entries e ON e.id = f.rowid WHERE archive_fts MATCH ? ORDER BY e.kind').all(q) as { kind: string; id: number }[]);

describe('migration 007: the archive index', () => {
  it('takes the file to version 7 and indexes what is already there', () => {
    expectUpgradeTo(db, 7);
    expect(db.prepare('SELECT kind, ref_id, session_id, year, date, status FROM archive_entries ORDER BY id DESC').all()).toEqual([
      { kind: 'session', ref_id: 1, session_id: 1, year: 2026, date: '2026-09-22', status: 'draft' },
      { kind: 'item', ref_id: 1, session_id: 1, year: 2026, date: '2026-09-22', status: '' },
      { kind: 'remark', ref_id: 1, session_id: 1, year: 2026, date: '2026-09-22', status: 'written' },
    ]);
    // A two-character word is one token of the bigram index.
    expect(match('"医保"')).toEqual([{ kind: 'remark', id: 1 }]);
    expect(match('"医疗 疗保 保障"')).toEqual([{ kind: 'item', id: 1 }]);
  });

  it('follows inserts, updates and deletes in the same transaction, and a session moved to another date', () => {
    migrate(db, 7);
    const t = db.transaction(() => {
      db.prepare("UPDATE review_remarks SET text = '建议提高养老服务水平。' WHERE id = 1").run();
      db.prepare("INSERT INTO ballots (id, session_id, item_id, round, subject, method, secret, press_rule, created_at, expected, rules) VALUES (1, 1, 1, 1, '关于医保的决定（草案）', 'electronic', 1, 'last', 'now', 33, '{}')").run();
      throw new Error('rolled back');
    });
    expect(t).toThrow('rolled back');
    expect(match('"医保"')).toEqual([{ kind: 'remark', id: 1 }]); // nothing of the rolled-back change
    db.prepare("UPDATE review_remarks SET text = '建议提高养老服务水平。' WHERE id = 1").run();
    expect(match('"医保"')).toEqual([]);
    expect(match('"养老"')).toEqual([{ kind: 'remark', id: 1 }]);
    db.prepare("UPDATE sessions SET date = '2025-12-30' WHERE id = 1").run();
    expect(db.prepare('SELECT DISTINCT year, date FROM archive_entries').all()).toEqual([{ year: 2025, date: '2025-12-30' }]);
    expect(match('"养老"')).toEqual([{ kind: 'remark', id: 1 }]);
    db.prepare('DELETE FROM review_remarks WHERE id = 1').run();
    expect(match('"养老"')).toEqual([]);
    expect(db.prepare("SELECT count(*) AS n FROM archive_entries WHERE kind = 'remark'").get()).toEqual({ n: 0 });
    expect((db.prepare('SELECT count(*) AS n FROM archive_fts').get() as { n: number }).n).toBe(2);
  });

  it('keeps its tables outside the audit log, each STRICT', () => {
    migrate(db, 7);
    for (const t of ['archive_entries', 'archive_seq']) {
      expect(AUDITED_TABLES as readonly string[]).not.toContain(t);
      expect(db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(t)).toEqual({ strict: 1 });
    }
  });

  it('indexes an opinion by its 文号 with or without the brackets, and its status', () => {
    migrate(db, 7);
    db.prepare(
      `INSERT INTO review_opinions (id, origin, session_id, item_id, report_title, title, addressee, deadline_months, doc_prefix, doc_year, doc_seq, status, created_at, updated_at)
       VALUES (1, 'drafted', 1, 1, '某报告', '关于某报告的审议意见', '区人民政府', 3, '示人常审', 2026, 12, 'handling', 'now', 'now')`,
    ).run();
    const phrase = (s: string) => `"${[...s].slice(0, -1).map((c, i) => c + [...s][i + 1]).join(' ')}"`;
    expect(match(phrase('示人常审202612号'))).toEqual([{ kind: 'opinion', id: 1 }]);
    expect(db.prepare("SELECT status FROM archive_entries WHERE kind = 'opinion'").get()).toEqual({ status: 'handling' });
  });
});

describe('the archive kinds', () => {
  it('the console and the commands offer exactly the kinds migration 007 indexes', () => {
    expect([...ARCHIVE_KINDS]).toEqual([...MIGRATION_KINDS]);
  });
});
