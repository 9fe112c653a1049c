import type Database from 'better-sqlite3';
import { migration001 } from './001-initial';
import { migration002 } from './002-live-session';
import { migration003 } from './003-assessments';
import { migration004 } from './004-review-opinions';
import { migration007 } from './007-archive';

export interface Migration {
  version: number;
  name: string;
  /** Plain SQL, run in one transaction together with the user_version bump. */
  up: string;
}

/** Numbered migrations, applied in order; PRAGMA user_version holds the last one applied. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration007];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the file's version, each in its own transaction. */
export function migrate(db: Database.Database, upTo: number = LATEST_VERSION): number[] {
  const applied: number[] = [];
  const from = currentVersion(db);
  if (from > LATEST_VERSION) {
    throw new Error(`数据库版本（${from}）高于本程序支持的版本（${LATEST_VERSION}），请升级程序后再打开。`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
