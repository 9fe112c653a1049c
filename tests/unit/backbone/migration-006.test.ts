// Migration 006 (专题询问 and 质询): agenda items may be inquiries and interpellations; the register
// keeps their 研究处理情况报告 like review opinions. Both tables are rebuilt with their rows unchanged.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(
    4,
    `
    INSERT INTO sessions (id, term, number, date, expected_members, rules) VALUES (1, 2, 16, '2026-09-22', 1, '{}');
    INSERT INTO agenda_items (id, session_id, position, kind, title, details) VALUES (1, 1, 1, 'report', '听取某报告', '{"x":1}'), (2, 1, 2, 'handling_report', '听取办理情况', '{}');
    INSERT INTO documents (item_id, file_name, mime, size, sha256, data, added_at) VALUES (1, 'a.pdf', 'application/pdf', 1, 'x', x'00', 'now');
    `,
  );
  db.prepare(
    `INSERT INTO review_opinions (id, origin, session_id, item_id, report_title, title, addressee, deadline_months, doc_prefix, doc_year, doc_seq, created_at, updated_at)
     VALUES (1, 'drafted', 1, 1, '某报告', '关于某报告的审议意见', '区人民政府', 3, '示人常审', 2026, 12, 'now', 'now')`,
  ).run();
  db.prepare("INSERT INTO opinion_handlings (opinion_id, item_id, round, linked_at) VALUES (1, 2, 1, 'now')").run();
});
afterEach(() => closeMigrationDb(db));

const dump = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();

describe('migration 006: oversight (专题询问, 质询案)', () => {
  it('takes a version-4 file to version 6, every row of the rebuilt tables unchanged, references intact', () => {
    const before = { items: dump('agenda_items'), opinions: dump('review_opinions'), docs: dump('documents'), handlings: dump('opinion_handlings') };
    expectUpgradeTo(db, 6, [5, 6]); // 005 (sealed rounds) touches none of these tables
    expect({ items: dump('agenda_items'), opinions: dump('review_opinions'), docs: dump('documents'), handlings: dump('opinion_handlings') }).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1); // switched back on
    const list = db.prepare("SELECT name, strict FROM pragma_table_list WHERE name IN ('agenda_items', 'review_opinions')").all();
    expect(list).toEqual(expect.arrayContaining([{ name: 'agenda_items', strict: 1 }, { name: 'review_opinions', strict: 1 }]));
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('agenda_items_session', 'review_opinions_number') ORDER BY name").all()).toHaveLength(2);
  });

  it('accepts the new agenda kinds and opinion origins, still refuses unknown ones', () => {
    migrate(db);
    const item = (id: number, kind: string) => db.prepare("INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (?, 1, ?, ?, '事项')").run(id, id, kind);
    item(3, 'inquiry');
    item(4, 'interpellation');
    expect(() => item(5, 'hearing')).toThrow(/CHECK constraint failed/);
    const opinion = (origin: string, itemId: number | null, seq: number | null) =>
      db
        .prepare(
          `INSERT INTO review_opinions (origin, session_id, item_id, report_title, title, addressee, deadline_months, doc_prefix, doc_year, doc_seq, created_at, updated_at)
           VALUES (?, 1, ?, '某事项', '某意见', '区人民政府', 3, '示人常审', 2026, ?, 'now', 'now')`,
        )
        .run(origin, itemId, seq);
    opinion('inquiry', 3, 13);
    opinion('interpellation', 4, null);
    expect(() => opinion('inquiry', null, null)).toThrow(/CHECK constraint failed/);
    expect(() => opinion('registered', 4, null)).toThrow(/CHECK constraint failed/);
    expect(() => opinion('drafted', 3, 14)).toThrow(/UNIQUE constraint failed: review_opinions\.item_id/);
    expect(() => opinion('registered', null, 12)).toThrow(/UNIQUE constraint failed/); // 〔2026〕12号 is taken
    // Foreign keys are enforced again after the migration.
    expect(() => db.prepare("INSERT INTO documents (item_id, file_name, mime, size, sha256, data, added_at) VALUES (99, 'b.pdf', 'application/pdf', 1, 'x', x'00', 'now')").run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });
});
