// Migration 017: the notice of an interrupted run kept until 知道了 (interruptions), a STRICT and audited
// table of its own. A version-16 file keeps its rows; a notice has a message, its round is JSON, and a
// dismissal names both who and when.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, columnsOf, expectUpgradeTo, migrationDbAt, tableFlags } from '../../helpers/migration-db';
import { AUDITED_TABLES } from '../../../src-main/store/audit';
import { migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(16, "INSERT INTO sessions (id, term, number, date, expected_members, rules, status) VALUES (1, 2, 16, '2026-09-22', 33, '{}', 'open');");
});
afterEach(() => closeMigrationDb(db));

const insert = (message: string, round: string | null, dismissedAt: string | null = null, dismissedBy: string | null = null) =>
  db
    .prepare("INSERT INTO interruptions (previous_start, resumed_at, last_record_at, round, message, dismissed_at, dismissed_by) VALUES ('2026-09-22T01:00:00.000Z', '2026-09-22T02:00:00.000Z', NULL, ?, ?, ?, ?)")
    .run(round, message, dismissedAt, dismissedBy);

describe('migration 017: notices of interrupted runs kept until dismissed', () => {
  it('takes a version-16 file to version 17: sessions unchanged, a new STRICT audited table', () => {
    const before = db.prepare('SELECT * FROM sessions').all();
    expectUpgradeTo(db, 17);
    expect(db.prepare('SELECT * FROM sessions').all()).toEqual(before);
    expect(columnsOf(db, 'interruptions')).toEqual(['dismissed_at', 'dismissed_by', 'id', 'last_record_at', 'message', 'previous_start', 'resumed_at', 'round']);
    expect(tableFlags(db).get('interruptions')).toMatchObject({ strict: 1 });
    expect(AUDITED_TABLES as readonly string[]).toContain('interruptions');
  });

  it('requires a message, a round as JSON, and who with when for a dismissal', () => {
    migrate(db, 17);
    expect(() => insert(' ', null)).toThrow(/CHECK/);
    expect(() => insert('会议主机上次运行未正常关闭', '{not json')).toThrow(/CHECK/);
    expect(() => insert('会议主机上次运行未正常关闭', null, '2026-09-22T03:00:00.000Z')).toThrow(/CHECK/);
    expect(() => insert('会议主机上次运行未正常关闭', null, null, '会务工作人员')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO interruptions (previous_start, resumed_at, message) VALUES (X'01', 'x', 'y')").run()).toThrow(/cannot store BLOB/);
    insert('会议主机上次运行未正常关闭', '{"kind":"ballot","id":1}');
    insert('会议主机上次运行未正常关闭', null, '2026-09-22T03:00:00.000Z', '会务工作人员');
    expect(db.prepare('SELECT count(*) FROM interruptions').pluck().get()).toBe(2);
  });
});
