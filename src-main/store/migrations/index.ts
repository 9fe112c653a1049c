import type Database from 'better-sqlite3';
import { askRebuild, rebuildIfAsked } from '../file-rebuild';
import { migration001 } from './001-initial';
import { migration002 } from './002-live-session';
import { migration003 } from './003-assessments';
import { migration004 } from './004-review-opinions';
import { migration005 } from './005-sealed-rounds';
import { migration006 } from './006-oversight';
import { migration007 } from './007-archive';
import { migration008 } from './008-speakers-oaths';
import { migration009 } from './009-round-voids';
import { migration010 } from './010-attendance-status';
import { migration011 } from './011-round-receipts';
import { migration012 } from './012-opening-attendance';
import { migration013 } from './013-paper-ballot-sheets';
import { migration014 } from './014-vacuum-old-receipts';
import { migration015 } from './015-item-dispositions';
import { migration016 } from './016-provision-ballots';
import { migration017 } from './017-interruptions';
import { migration018 } from './018-archive-provision-ballots';

export interface Migration {
  version: number;
  name: string;
  /** Plain SQL, run in one transaction together with the user_version bump. */
  up: string;
  /** Optional: a reason in Chinese why this file cannot be upgraded now (nothing is changed then). */
  precheck?: (db: Database.Database) => string | null;
  /**
   * Rebuilds tables others refer to (SQLite's way to change a CHECK): run with foreign keys off, as
   * SQLite's ALTER TABLE procedure asks, and refused before commit if any reference is left dangling.
   */
  foreignKeysOff?: boolean;
  /**
   * Rebuilds the whole file once the step has committed (VACUUM cannot run inside a transaction), then
   * truncates the WAL. Asked for durably before the step (store/file-rebuild.ts), run after the last
   * step, and when it cannot run (disk full…) kept asked for and tried again at the next opening.
   */
  vacuumAfter?: boolean;
}

/** Numbered migrations, applied in order; PRAGMA user_version holds the last one applied. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016, migration017, migration018];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the file's version, each in its own transaction, then the file
 * rebuild one of them asked for, now or at an earlier opening (a failed rebuild is kept, not thrown:
 * rebuildOutcome).
 */
export function migrate(db: Database.Database, upTo: number = LATEST_VERSION): number[] {
  const applied: number[] = [];
  const from = currentVersion(db);
  if (from > LATEST_VERSION) {
    throw new Error(`数据库版本（${from}）高于本程序支持的版本（${LATEST_VERSION}），请升级程序后再打开。`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > upTo) continue;
    const refusal = m.precheck?.(db);
    if (refusal) throw new Error(`数据库不能升级到第${m.version}版：${refusal}`);
    if (m.vacuumAfter && from > 0) askRebuild(db, m.version); // a new file holds nothing to clear
    const keys = db.pragma('foreign_keys', { simple: true }) as number;
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF'); // has no effect inside a transaction, so before it
    try {
      db.transaction(() => {
        db.exec(m.up);
        if (m.foreignKeysOff) {
          const dangling = db.pragma('foreign_key_check') as { table: string }[];
          if (dangling.length > 0) throw new Error(`迁移${m.version}后有${dangling.length}处外键引用不存在的行（${dangling[0]!.table}），未做修改`);
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.foreignKeysOff) db.pragma(`foreign_keys = ${keys ? 'ON' : 'OFF'}`);
    }
    applied.push(m.version);
  }
  rebuildIfAsked(db);
  return applied;
}
