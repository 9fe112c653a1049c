// The file rebuild a migration asks for (014's VACUUM, store/file-rebuild.ts) is kept asked for when it
// cannot run, and run once when it can. Here another connection holds the write lock (SQLITE_BUSY):
// migrate() then returns, the file at its version, with the failure told (why, MB needed) and the
// request still beside the file; released, the next migrate() rebuilds (no free page left) and
// removes the request, and the one after runs nothing. A new file asks for no rebuild.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDb, migrationDbAt } from '../../helpers/migration-db';
import { LATEST_VERSION, migrate } from '../../../src-main/store/migrations/index';
import { askRebuild, rebuildAsked, rebuildOutcome } from '../../../src-main/store/file-rebuild';

let db: Database.Database;
afterEach(() => closeMigrationDb(db));

it('a rebuild that cannot run is kept asked for, told with why and what it needs, and run once at the next opening', () => {
  db = migrationDbAt(13, `CREATE TABLE scratch (x BLOB);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO scratch SELECT randomblob(3000) FROM n;
    DROP TABLE scratch;`);
  db.pragma('journal_mode = WAL');
  expectUpgradeTo(db, LATEST_VERSION, Array.from({ length: LATEST_VERSION - 13 }, (_, i) => 14 + i));
  expect(rebuildOutcome(db)).toEqual({ done: 14, pending: null });
  expect(rebuildAsked(db)).toBeNull();

  // As a start that could not rebuild leaves it: asked for, and free pages in the file.
  db.exec('CREATE TABLE scratch (x BLOB); INSERT INTO scratch SELECT randomblob(3000) FROM sqlite_schema; DROP TABLE scratch;');
  askRebuild(db, 14);
  const other = new Database(db.name);
  other.prepare('BEGIN IMMEDIATE').run();
  db.pragma('busy_timeout = 0'); // the app waits 5 s first
  expect(migrate(db)).toEqual([]);
  other.prepare('COMMIT').run();
  other.close();
  const { done, pending } = rebuildOutcome(db);
  expect(done).toBeNull();
  expect(pending).toMatchObject({ version: 14, reason: '数据库文件正被其他程序使用' });
  expect(pending!.message).toContain(`约需${pending!.neededMb} MB可用磁盘空间`);
  expect(rebuildAsked(db)).toBe(14);
  expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(0);
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);

  expect(migrate(db)).toEqual([]);
  expect(rebuildOutcome(db)).toEqual({ done: 14, pending: null });
  expect(db.pragma('freelist_count', { simple: true })).toBe(0);
  expect(fs.existsSync(`${db.name}.rebuild`)).toBe(false);
  expect(migrate(db)).toEqual([]);
  expect(rebuildOutcome(db)).toEqual({ done: null, pending: null });
});

it('a new file asks for no rebuild', () => {
  db = migrationDb();
  migrate(db);
  expect(rebuildAsked(db)).toBeNull();
  expect(rebuildOutcome(db)).toEqual({ done: null, pending: null });
});
