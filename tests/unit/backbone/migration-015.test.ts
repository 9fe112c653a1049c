// Migration 015: 暂不付表决 and 撤回 recorded on an agenda item (item_dispositions), a STRICT and audited
// table of its own. A version-14 file keeps its items unchanged; a reason is required, the kind is one
// of the two, and only one decision stands on an item at a time (an undone one stays beside it).
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, columnsOf, expectUpgradeTo, migrationDbAt, tableFlags } from '../../helpers/migration-db';
import { AUDITED_TABLES } from '../../../src-main/store/audit';
import { migrate } from '../../../src-main/store/migrations/index';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(
    14,
    `
    INSERT INTO sessions (id, term, number, date, expected_members, rules, status) VALUES (1, 2, 16, '2026-09-22', 33, '{}', 'open');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '表决某决议');
    `,
  );
});
afterEach(() => closeMigrationDb(db));

const insert = (kind: string, reason: string, undoneAt: string | null = null) =>
  db.prepare("INSERT INTO item_dispositions (item_id, kind, reason, recorded_at, undone_at) VALUES (1, ?, ?, '2026-09-22T02:00:00.000Z', ?)").run(kind, reason, undoneAt);

describe('migration 015: 暂不付表决 and 撤回 on an item', () => {
  it('takes a version-14 file to version 15: items unchanged, a new STRICT audited table', () => {
    const before = db.prepare('SELECT * FROM agenda_items').all();
    expectUpgradeTo(db, 15);
    expect(db.prepare('SELECT * FROM agenda_items').all()).toEqual(before);
    expect(columnsOf(db, 'item_dispositions')).toEqual(['id', 'item_id', 'kind', 'reason', 'recorded_at', 'undo_reason', 'undone_at']);
    expect(tableFlags(db).get('item_dispositions')).toMatchObject({ strict: 1 });
    expect(AUDITED_TABLES as readonly string[]).toContain('item_dispositions');
  });

  it('requires a reason and a known kind; one standing decision per item, undone ones beside it', () => {
    migrate(db, 15);
    expect(() => insert('deferred', '  ')).toThrow(/CHECK/);
    expect(() => insert('postponed', '理由')).toThrow(/CHECK/);
    insert('deferred', '争议较大', '2026-09-22T03:00:00.000Z');
    insert('deferred', '仍有重大问题');
    expect(() => insert('withdrawn', '提案人撤回')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO item_dispositions (item_id, kind, reason, recorded_at) VALUES (9, 'deferred', '理由', 'now')").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) FROM item_dispositions').pluck().get()).toBe(2);
  });
});
