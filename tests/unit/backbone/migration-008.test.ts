// Migration 008 (issue 10): the speaker queue, the 宪法宣誓 and the reason for a different 应到, each
// a STRICT table of its own; what is already in the file stays as it was (the sessions rows keep
// their columns, so their audit records still match).
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';
import { AUDITED_TABLES } from '../../../src-main/store/audit';
import { migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(
    7,
    `
    INSERT INTO sessions (id, term, number, date, expected_members, region, rules) VALUES (1, 2, 16, '2026-09-22', 33, '示例区', '{}');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'report', '听取某报告'), (2, 1, 2, 'appointment', '人事任免');
    INSERT INTO members (id, sort, name, role) VALUES (1, 1, '邱东竹', '主任'), (2, 2, '马刚霞', '委员');
    INSERT INTO review_remarks (id, session_id, item_id, member_id, speaker, mode, recorded_by, text, created_at) VALUES (1, 1, 1, 2, '马刚霞', 'spoken', 'secretary', '建议加强监管。', 'now');
    `,
  );
});
afterEach(() => closeMigrationDb(db));

const request = (id: number, member: number, state: string, extra: Record<string, string | number | null> = {}) =>
  db
    .prepare(
      `INSERT INTO speaker_requests (id, session_id, item_id, member_id, state, requested_at, called_at, done_at, withdrawn_at, remark_id)
       VALUES (@id, 1, 1, @member, @state, 'now', @called_at, @done_at, @withdrawn_at, @remark_id)`,
    )
    .run({ id, member, state, called_at: null, done_at: null, withdrawn_at: null, remark_id: null, ...extra });

describe('migration 008: speaker queue, 宪法宣誓, reasons for 应到', () => {
  it('takes a version-7 file to version 8, the existing rows unchanged, three STRICT audited tables added', () => {
    const sessions = db.prepare('SELECT * FROM sessions').all();
    expectUpgradeTo(db, 8);
    expect(db.prepare('SELECT * FROM sessions').all()).toEqual(sessions);
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE name IN ('speaker_requests', 'oaths', 'session_expected') ORDER BY name").all();
    expect(tables).toEqual([
      { name: 'oaths', strict: 1 },
      { name: 'session_expected', strict: 1 },
      { name: 'speaker_requests', strict: 1 },
    ]);
    for (const t of ['speaker_requests', 'oaths', 'session_expected']) expect(AUDITED_TABLES as readonly string[]).toContain(t);
  });

  it('keeps a request in one consistent state, one open request per member and item, references enforced', () => {
    migrate(db, 8);
    request(1, 2, 'waiting');
    expect(() => request(2, 2, 'waiting')).toThrow(/UNIQUE constraint failed/); // one open request per member and item
    request(3, 1, 'called', { called_at: 'now' });
    expect(() => request(4, 1, 'waiting')).toThrow(/UNIQUE constraint failed/); // being called is open too
    request(5, 2, 'done', { called_at: 'now', done_at: 'now', remark_id: 1 });
    request(6, 2, 'withdrawn', { withdrawn_at: 'now' });
    expect(() => request(7, 1, 'done', { called_at: 'now' })).toThrow(/CHECK constraint failed/); // done without its time
    expect(() => request(8, 1, 'waiting', { withdrawn_at: 'now' })).toThrow(/CHECK constraint failed/);
    expect(() => request(9, 1, 'speaking')).toThrow(/CHECK constraint failed/);
    expect(() => request(10, 99, 'done', { called_at: 'now', done_at: 'now' })).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => request(11, 1, 'done', { called_at: 'now', done_at: 'now', remark_id: 42 })).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('records an oath with at least one person and its 监誓人; a reason for 应到 is never blank', () => {
    migrate(db, 8);
    const oath = (persons: string, by: string) =>
      db.prepare("INSERT INTO oaths (session_id, item_id, taken_at, administered_by, persons, recorded_at) VALUES (1, 2, 'now', ?, ?, 'now')").run(by, persons);
    oath('[{"personId":"p1","name":"周明","post":"区教育局局长"}]', '邱东竹');
    expect(() => oath('[]', '邱东竹')).toThrow(/CHECK constraint failed/);
    expect(() => oath('[{"name":"周明"}]', ' ')).toThrow(/CHECK constraint failed/);
    db.prepare("INSERT INTO session_expected (id, reason) VALUES (1, '委员张某某已辞职，缺额1人')").run();
    expect(() => db.prepare("INSERT INTO session_expected (id, reason) VALUES (2, '因故')").run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("UPDATE session_expected SET reason = '  ' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
  });
});
