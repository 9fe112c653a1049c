// What every migration test starts from: a fresh database file in a folder of its own, with foreign
// keys on as the app opens it (store/db.ts); the test then migrates it to the version before its own.
// Also the checks every migration test makes: the upgrade's steps and version, a table's columns,
// which tables are STRICT and WITHOUT ROWID.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { currentVersion, migrate } from '../../src-main/store/migrations/index';

export function migrationDb(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-migration-'));
  const db = new Database(path.join(dir, 'yishi.sqlite'));
  db.pragma('foreign_keys = ON');
  return db;
}

/** A fresh file migrated to `version`, with `seedSql` (the rows that version wrote, which the upgrade must keep) run on it. */
export function migrationDbAt(version: number, seedSql = ''): Database.Database {
  const db = migrationDb();
  migrate(db, version);
  if (seedSql) db.exec(seedSql);
  return db;
}

/** Closes the file and removes its folder. */
export function closeMigrationDb(db: Database.Database): void {
  db.close();
  fs.rmSync(path.dirname(db.name), { recursive: true, force: true });
}

/** Migrates to `version`, expecting exactly the migrations `steps` to run (by default only `version`), and the file then at `version`. */
export function expectUpgradeTo(db: Database.Database, version: number, steps: number[] = [version]): void {
  expect(migrate(db, version)).toEqual(steps);
  expect(currentVersion(db)).toBe(version);
}

/** The column names of `table`, sorted. */
export function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name).sort();
}

/** Each table of the main schema by name: `strict` and `wr` (WITHOUT ROWID) as 1 or 0. */
export function tableFlags(db: Database.Database): Map<string, { name: string; strict: number; wr: number }> {
  const list = db.prepare("SELECT name, strict, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table'").all() as { name: string; strict: number; wr: number }[];
  return new Map(list.map((t) => [t.name, t]));
}
