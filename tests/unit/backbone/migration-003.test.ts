// Migration 003 (assessments): assessments and project ballots with anonymous sheets, officials' year records.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, columnsOf, expectUpgradeTo, migrationDbAt, tableFlags } from '../../helpers/migration-db';
import { migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;

beforeEach(() => {
  // Data written by version 2 that must survive the upgrade.
  db = migrationDbAt(
    2,
    `
    INSERT INTO members (id, sort, name, role, seat) VALUES (1, 1, '张三', '委员', 1), (2, 2, '李四', '委员', 2);
    INSERT INTO officials (id, sort, name, unit, post, category) VALUES (1, 1, '潘刚超', '示例区发展和改革局', '局长', '政府工作部门负责人');
    INSERT INTO sessions (id, term, number, date, expected_members, rules) VALUES (1, 2, 44, '2027-01-20', 2, '{}');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'assessment', '对述职人员进行满意度测评');
    `,
  );
});
afterEach(() => closeMigrationDb(db));

const addAssessment = (fields: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO assessments (session_id, item_id, round, kind, title, subjects, method, scale, rule, all_members, created_at)
       VALUES (1, 1, 1, @kind, '对述职人员进行满意度测评', '[]', @method, @scale, 'rate', 2, '2027-01-20T01:00:00Z')`,
    )
    .run({ kind: 'satisfaction', method: 'electronic', scale: 'three', ...fields });

describe('migration 003: assessments', () => {
  it('takes a version-2 file to version 3 and keeps its data', () => {
    expectUpgradeTo(db, 3);
    expect(db.prepare('SELECT name FROM members ORDER BY id').all()).toEqual([{ name: '张三' }, { name: '李四' }]);
  });

  it('creates every table STRICT; the sheet tables keep no rowid and share nothing that links a member to a mark', () => {
    migrate(db, 3);
    const byName = tableFlags(db);
    for (const t of ['assessments', 'assessment_voters', 'assessment_counts', 'assessment_sheets', 'official_years']) expect(byName.get(t)?.strict, t).toBe(1);
    for (const t of ['assessment_voters', 'assessment_counts', 'assessment_sheets']) expect(byName.get(t)?.wr, t).toBe(1);
    const cols = (t: string) => columnsOf(db, t);
    expect(cols('assessment_voters')).toEqual(['assessment_id', 'member_id']);
    expect(cols('assessment_counts')).toEqual(['assessment_id', 'count', 'level', 'subject']);
    expect(cols('assessment_sheets')).toEqual(['assessment_id', 'count', 'status']);
  });

  it('checks kinds, methods, states, scales and counts; one sheet per member and assessment', () => {
    migrate(db, 3);
    expect(() => addAssessment({ kind: 'poll' })).toThrow(/CHECK constraint failed/);
    expect(() => addAssessment({ method: 'show_of_hands' })).toThrow(/CHECK constraint failed/);
    expect(() => addAssessment({ scale: 'five' })).toThrow(/CHECK constraint failed/);
    const id = Number(addAssessment().lastInsertRowid);
    expect(() => db.prepare("UPDATE assessments SET state = 'lost' WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/);
    db.prepare('INSERT INTO assessment_voters (assessment_id, member_id) VALUES (?, 1)').run(id);
    expect(() => db.prepare('INSERT INTO assessment_voters (assessment_id, member_id) VALUES (?, 1)').run(id)).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare('INSERT INTO assessment_voters (assessment_id, member_id) VALUES (?, 99)').run(id)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare('INSERT INTO assessment_counts (assessment_id, subject, level, count) VALUES (?, 0, 0, -1)').run(id)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('INSERT INTO assessment_counts (assessment_id, subject, level, count) VALUES (?, 0, -2, 0)').run(id)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO assessment_sheets (assessment_id, status, count) VALUES (?, 'lost', 0)").run(id)).toThrow(/CHECK constraint failed/);
  });

  it('year records: one per official and year', () => {
    migrate(db, 3);
    db.prepare('INSERT INTO official_years (official_id, year) VALUES (1, 2026)').run();
    expect(() => db.prepare('INSERT INTO official_years (official_id, year) VALUES (1, 2026)').run()).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare('INSERT INTO official_years (official_id, year) VALUES (1, 20260)').run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('INSERT INTO official_years (official_id, year) VALUES (9, 2026)').run()).toThrow(/FOREIGN KEY constraint failed/);
  });
});
