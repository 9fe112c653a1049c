// Migration 001 (initial): committee, settings, roster, attendees, officials, sessions, agenda,
// documents and the append-only audit log.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDb, tableFlags } from '../../helpers/migration-db';
import { currentVersion, migrate } from '../../../src-main/store/migrations/index';

const TABLES = ['committee', 'settings', 'members', 'attendees', 'officials', 'sessions', 'agenda_items', 'documents', 'audit_log'];

let db: Database.Database;

beforeEach(() => {
  db = migrationDb();
});
afterEach(() => {
  closeMigrationDb(db);
});

const addMember = (fields: Partial<Record<string, unknown>> = {}) =>
  db
    .prepare(
      `INSERT INTO members (sort, name, role, seat, in_office_from, in_office_to)
       VALUES (@sort, @name, @role, @seat, @in_office_from, @in_office_to)`,
    )
    .run({ sort: 1, name: '张三', role: '委员', seat: null, in_office_from: null, in_office_to: null, ...fields });

describe('migration 001: initial schema', () => {
  it('takes an empty file from user_version 0 to 1', () => {
    expect(currentVersion(db)).toBe(0);
    expectUpgradeTo(db, 1);
  });

  it('creates every table, each STRICT', () => {
    migrate(db, 1);
    const byName = tableFlags(db);
    for (const t of TABLES) {
      expect(byName.has(t), `table ${t}`).toBe(true);
      expect(byName.get(t)?.strict, `table ${t} is STRICT`).toBe(1);
    }
  });

  it('STRICT refuses a value of the wrong type', () => {
    migrate(db, 1);
    expect(() => addMember({ sort: 'erste' })).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('starts with exactly one committee row and refuses a second', () => {
    migrate(db, 1);
    expect(db.prepare('SELECT id, region, term FROM committee').all()).toEqual([{ id: 1, region: '', term: 1 }]);
    expect(() => db.prepare("INSERT INTO committee (id, region, term) VALUES (2, '别区', 1)").run()).toThrow(/CHECK constraint failed/);
  });

  it('refuses a role that is not 主任, 副主任, 秘书长 or 委员', () => {
    migrate(db, 1);
    expect(() => addMember({ role: '列席' })).toThrow(/CHECK constraint failed/);
    for (const role of ['主任', '副主任', '秘书长', '委员']) expect(() => addMember({ role, name: role })).not.toThrow();
  });

  it('refuses an empty name and a gender other than 男/女/blank', () => {
    migrate(db, 1);
    expect(() => addMember({ name: '   ' })).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO members (sort, name, role, gender) VALUES (1, '李四', '委员', 'x')").run()).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('refuses two current members on the same seat', () => {
    migrate(db, 1);
    addMember({ name: '张三', seat: 5 });
    expect(() => addMember({ name: '李四', seat: 5 })).toThrow(/UNIQUE constraint failed: members\.seat/);
  });

  it('lets a retired member’s seat be given to someone new', () => {
    migrate(db, 1);
    addMember({ name: '张三', seat: 5, in_office_from: '2022-01-01', in_office_to: '2025-06-30' });
    expect(() => addMember({ name: '李四', seat: 5, in_office_from: '2025-07-01' })).not.toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM members WHERE seat = 5').get()).toEqual({ n: 2 });
  });

  it('keeps sessions unique by 届 and 次, and items tied to an existing session', () => {
    migrate(db, 1);
    const add = () =>
      db.prepare("INSERT INTO sessions (term, number, date, expected_members, rules) VALUES (2, 16, '2026-09-22', 33, '{}')").run();
    add();
    expect(add).toThrow(/UNIQUE constraint failed/);
    expect(() =>
      db.prepare("INSERT INTO agenda_items (session_id, position, kind, title) VALUES (999, 1, 'report', '报告')").run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("INSERT INTO agenda_items (session_id, position, kind, title) VALUES (1, 1, 'chat', '闲谈')").run()).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('makes audit_log append-only: UPDATE and DELETE are refused by triggers', () => {
    migrate(db, 1);
    db.prepare(
      `INSERT INTO audit_log (seq, at, actor, source, action, entity, entity_id, data, prev_hash, hash)
       VALUES (1, '2026-09-22T01:00:00Z', '系统', 'system', 'test', 'x', '1', NULL, 'p', 'h')`,
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET actor = '别人' WHERE seq = 1").run()).toThrow(/audit_log is append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/audit_log is append-only/);
    expect(db.prepare('SELECT actor FROM audit_log').all()).toEqual([{ actor: '系统' }]);
  });
});
