// Migration 004 (review opinions): review groups, remarks, opinions with their 发文字号 and status,
// handling-report links, resolutions. It needs only the tables of 001 and 002.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt, tableFlags } from '../../helpers/migration-db';
import { currentVersion, migrate, MIGRATIONS } from '../../../src-main/store/migrations/index';
import { migration004 } from '../../../src-main/store/migrations/004-review-opinions';

const TABLES = ['review_groups', 'review_remarks', 'review_opinions', 'opinion_handlings', 'resolutions'];

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(
    3,
    `
    INSERT INTO members (id, sort, name, role, seat) VALUES (1, 1, '张三', '委员', 1);
    INSERT INTO sessions (id, term, number, date, expected_members, rules) VALUES (1, 2, 16, '2026-09-22', 1, '{}');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'report', '听取某报告'), (2, 1, 2, 'vote', '表决某决议');
    `,
  );
});
afterEach(() => closeMigrationDb(db));

const opinion = (fields: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO review_opinions (origin, session_id, item_id, report_title, title, addressee, deadline_months, doc_prefix, doc_year, doc_seq, created_at, updated_at)
       VALUES (@origin, 1, @item_id, '某报告', '关于某报告的审议意见', '区人民政府', 3, '示人常审', 2026, @doc_seq, 'now', 'now')`,
    )
    .run({ origin: 'drafted', item_id: 1, doc_seq: null, ...fields });

describe('migration 004: review opinions', () => {
  it('takes a version-3 file to version 4 and keeps its data', () => {
    expect(currentVersion(db)).toBe(3);
    expectUpgradeTo(db, 4);
    expect(db.prepare('SELECT title FROM agenda_items ORDER BY id').all()).toEqual([{ title: '听取某报告' }, { title: '表决某决议' }]);
  });

  it('creates every table, each STRICT, and references no table of migration 003', () => {
    migrate(db, 4);
    const byName = tableFlags(db);
    for (const t of TABLES) expect(byName.get(t)?.strict, `table ${t}`).toBe(1);
    const own = new Set([...MIGRATIONS.filter((m) => m.version <= 2).flatMap((m) => [...m.up.matchAll(/CREATE TABLE (\w+)/g)].map((x) => x[1]!)), ...TABLES]);
    for (const [, ref] of migration004.up.matchAll(/REFERENCES (\w+)/g)) expect(own.has(ref!), `references ${ref}`).toBe(true);
  });

  it('numbers opinions once per prefix and year; a drafted opinion has its report item, a registered one has none', () => {
    migrate(db, 4);
    opinion({ doc_seq: 12 });
    expect(() => opinion({ item_id: null, origin: 'registered', doc_seq: 12 })).toThrow(/UNIQUE constraint failed/);
    opinion({ item_id: null, origin: 'registered', doc_seq: 13 });
    opinion({ item_id: null, origin: 'registered', doc_seq: null });
    opinion({ item_id: null, origin: 'registered', doc_seq: null }); // unnumbered ones do not clash
    expect(() => opinion({ item_id: null, origin: 'drafted' })).toThrow(/CHECK constraint failed/);
    expect(() => opinion({ item_id: 1, origin: 'drafted', doc_seq: 14 })).toThrow(/UNIQUE constraint failed: review_opinions\.item_id/);
    expect(() => db.prepare("UPDATE review_opinions SET status = 'lost' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
  });

  it('remarks belong to a member of the roster or name their speaker, and are never empty', () => {
    migrate(db, 4);
    const remark = (member: number | null, speaker: string, text: string) =>
      db
        .prepare("INSERT INTO review_remarks (session_id, item_id, member_id, speaker, mode, recorded_by, text, created_at) VALUES (1, 1, ?, ?, 'written', 'terminal', ?, 'now')")
        .run(member, speaker, text);
    remark(1, '张三', '建议加强监管');
    remark(null, '区医保局局长', '作了说明');
    expect(() => remark(99, '无此人', '内容')).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => remark(1, '张三', '   ')).toThrow(/CHECK constraint failed/);
  });

  it('handling links: one opinion per agenda item, outcome checked; resolutions: one per item, numbered per session', () => {
    migrate(db, 4);
    opinion();
    const link = (item: number, outcome: string | null) =>
      db.prepare("INSERT INTO opinion_handlings (opinion_id, item_id, round, linked_at, outcome) VALUES (1, ?, 1, 'now', ?)").run(item, outcome);
    link(5, null); // no foreign key: the item may be in a session still being prepared
    expect(() => link(5, null)).toThrow(/UNIQUE constraint failed/);
    expect(() => link(6, 'perhaps')).toThrow(/CHECK constraint failed/);
    const resolution = (item: number, seq: number) =>
      db.prepare("INSERT INTO resolutions (session_id, item_id, seq, kind, title, created_at, updated_at) VALUES (1, ?, ?, 'resolution', '某决议', 'now', 'now')").run(item, seq);
    resolution(2, 1);
    expect(() => resolution(2, 2)).toThrow(/UNIQUE constraint failed/);
    expect(() => resolution(1, 1)).toThrow(/UNIQUE constraint failed/);
  });
});
