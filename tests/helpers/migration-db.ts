// What every migration test starts from: a fresh database file in a folder of its own, with foreign
// keys on as the app opens it (store/db.ts); the test then migrates it to the version before its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export function migrationDb(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-migration-'));
  const db = new Database(path.join(dir, 'yishi.sqlite'));
  db.pragma('foreign_keys = ON');
  return db;
}

/** Closes the file and removes its folder. */
export function closeMigrationDb(db: Database.Database): void {
  db.close();
  fs.rmSync(path.dirname(db.name), { recursive: true, force: true });
}
