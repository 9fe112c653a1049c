// The rebuild of the whole file a migration asks for (`vacuumAfter`: 014 clears old receipts from the
// pages' unused space) needs free disk space of about the file's size twice (the copy SQLite builds
// and the pages written back through the WAL) and the file to itself. When it cannot run — disk full,
// a write error, another program holding the file — the migration has committed all the same: the
// app starts, and the rebuild stays asked for in a file beside the database (`yishi.sqlite.rebuild`,
// written durably before the migration's transaction, so a crash in between forgets nothing), tried
// again at every start and removed once it has succeeded. Each failed attempt is told on the console
// and in the console's banner (integrity.rebuild), with why and how much space it needs, and audited.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from './audit';
import { syncDir, writeDurably } from './durable-file';
import type { Store } from './store';

/** A rebuild asked for that could not run at this start. */
export interface RebuildPending {
  /** The migration that asked for it. */
  version: number;
  /** Why, in Chinese (磁盘空间不足 …). */
  reason: string;
  /** About how much free disk space it needs, in MB. */
  neededMb: number;
  /** Free space on the data folder's disk now, in MB (null when it cannot be read). */
  freeMb: number | null;
  /** What the console shows. */
  message: string;
}

/** What the rebuild did at this opening of the file. */
export type RebuildOutcome = { done: null | number; pending: RebuildPending | null };

const outcomes = new WeakMap<Database.Database, RebuildOutcome>();
const MB = 1024 * 1024;

const markerOf = (db: Database.Database) => `${db.name}.rebuild`;

/** Before the transaction of a migration that asks for a rebuild: the request, made durable. */
export function askRebuild(db: Database.Database, version: number): void {
  if (db.memory) return;
  writeDurably(markerOf(db), Buffer.from(JSON.stringify({ version })));
}

/** The migration whose rebuild is asked for and not done yet, or null. */
export function rebuildAsked(db: Database.Database): number | null {
  if (db.memory || !fs.existsSync(markerOf(db))) return null;
  try {
    const v = (JSON.parse(fs.readFileSync(markerOf(db), 'utf8')) as { version?: unknown }).version;
    return typeof v === 'number' ? v : 0;
  } catch {
    return 0; // a torn or unreadable request is a request all the same
  }
}

/**
 * After a restore: the request beside the file follows the restored file, never the one it replaced.
 * A file whose audit log says its last rebuild could not run (`system.rebuildPending`, no
 * `system.rebuilt` since: a backup taken meanwhile) still holds what the rebuild clears, so it is asked
 * for again; for any other the request is dropped (a file below version 14 asks for it itself when it is
 * upgraded at its opening). Returns the version asked for, or null.
 */
export function rebuildForRestored(db: Database.Database): number | null {
  const last = db
    .prepare("SELECT action, data FROM audit_log WHERE action IN ('system.rebuildPending', 'system.rebuilt') ORDER BY seq DESC LIMIT 1")
    .get() as { action: string; data: string | null } | undefined;
  if (last?.action === 'system.rebuildPending') {
    const v = (JSON.parse(last.data ?? '{}') as { version?: unknown }).version;
    const version = typeof v === 'number' ? v : 0;
    askRebuild(db, version);
    return version;
  }
  if (fs.existsSync(markerOf(db))) {
    fs.rmSync(markerOf(db));
    syncDir(path.dirname(db.name));
  }
  return null;
}

/** Runs the rebuild asked for, if any (VACUUM, then the WAL truncated); a failure is kept, never thrown. */
export function rebuildIfAsked(db: Database.Database): RebuildOutcome {
  const version = rebuildAsked(db);
  const outcome: RebuildOutcome = { done: null, pending: null };
  if (version !== null) {
    try {
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
      fs.rmSync(markerOf(db), { force: true });
      syncDir(path.dirname(db.name));
      outcome.done = version;
    } catch (e) {
      outcome.pending = pendingFrom(db, version, e as Error & { code?: string });
    }
  }
  outcomes.set(db, outcome);
  return outcome;
}

/** What the last migrate() of this connection did about a rebuild. */
export function rebuildOutcome(db: Database.Database): RebuildOutcome {
  return outcomes.get(db) ?? { done: null, pending: null };
}

function reasonOf(e: Error & { code?: string }): string {
  const code = e.code ?? '';
  if (code === 'SQLITE_FULL') return '磁盘空间不足';
  if (code.startsWith('SQLITE_IOERR')) return '写入磁盘时出错（磁盘空间不足，或文件大小受到限制）';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return '数据库文件正被其他程序使用';
  return `出错（${e.message}）`;
}

function pendingFrom(db: Database.Database, version: number, e: Error & { code?: string }): RebuildPending {
  const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
  const neededMb = Math.max(1, Math.ceil((2 * pages * (db.pragma('page_size', { simple: true }) as number)) / MB));
  let freeMb: number | null = null;
  try {
    const s = fs.statfsSync(path.dirname(db.name));
    freeMb = Math.floor((s.bavail * s.bsize) / MB);
  } catch {
    // the space is told when it can be read
  }
  const reason = reasonOf(e);
  const message =
    `数据库文件未能整理：${reason}。升级到第${version}版后要把数据库文件整理重建一次，清除旧版本留在文件空闲处的已删除的无记名表决回执（已加密，密钥早已销毁）；整理完成前它们仍可能留在文件中。` +
    `整理约需${neededMb} MB可用磁盘空间${freeMb === null ? '' : `（数据目录所在磁盘现有${freeMb} MB）`}。` +
    '程序已正常启动，所有记录完好；请腾出磁盘空间（或关闭占用数据库文件的程序）后重新启动程序，届时会自动完成整理。';
  return { version, reason, neededMb, freeMb, message };
}

/** At the store's opening: a rebuild done or still pending is told on the console and audited. */
export function noteRebuild(store: Store): RebuildPending | null {
  const { done, pending } = rebuildOutcome(store.db);
  if (pending) console.error(`[数据库] ${pending.message}`);
  else if (done !== null) console.log(`[数据库] 已完成第${done}版升级后的数据库文件整理。`);
  if (done === null && !pending) return null;
  try {
    store.change(SYSTEM_ACTOR, () =>
      pending
        ? store.audit.append(SYSTEM_ACTOR, 'system.rebuildPending', 'system', 'file', { version: pending.version, reason: pending.reason, neededMb: pending.neededMb, freeMb: pending.freeMb })
        : store.audit.append(SYSTEM_ACTOR, 'system.rebuilt', 'system', 'file', { version: done }),
    );
  } catch (e) {
    console.error('[数据库] 数据库文件整理的情况未能记入审计日志', (e as Error).message); // told on the console all the same
  }
  return pending;
}
