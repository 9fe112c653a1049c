import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AuditLog, type Actor } from './audit';
import { DB_FILE_NAME, openDatabase } from './db';
import { checkInBackground } from './file-check';
import { BackupSchedule } from './backup-schedule';
import type { RebuildPending } from './file-rebuild';
import { AppError } from '../shared/result';

/** The open database with its audit log. Every change goes through `change`, inside one transaction. */
export class Store {
  readonly audit: AuditLog;
  /** Backups still being written; closing waits for them (see whenIdle). */
  readonly pending = new Set<Promise<unknown>>();
  /** The automatic backups after rounds, written when the room is quiet (backup-schedule.ts). */
  readonly backups: BackupSchedule;

  constructor(
    readonly db: Database.Database,
    readonly dataDir: string,
  ) {
    this.audit = new AuditLog(db);
    this.backups = new BackupSchedule(this);
  }

  /**
   * integrity 'background': a quick check before opening, the full one in a worker thread after
   * (store/integrity.ts); damage found then stops every write. Default: the full check first.
   */
  static open(dataDir: string, opts: { integrity?: 'full' | 'background' } = {}): Store {
    const file = path.join(dataDir, DB_FILE_NAME);
    const existed = fs.existsSync(file);
    const store = new Store(openDatabase(file, opts.integrity === 'background' ? 'quick' : 'full'), dataDir);
    if (opts.integrity === 'background' && existed) store.checkInBackground(file);
    return store;
  }

  /** The file rebuild a migration asked for that could not run at this start (store/file-rebuild.ts, set by app/core.ts), or null. */
  rebuildPending: RebuildPending | null = null;

  /** 'checking' while the background check runs; then 'ok', or the Chinese message about the damage. */
  integrity: 'ok' | 'checking' | string = 'ok';
  private stopCheck: (() => void) | null = null;

  private checkInBackground(file: string): void {
    this.integrity = 'checking';
    const check = checkInBackground(file);
    this.stopCheck = check.stop;
    this.integrityChecked = check.result.then((problem) => {
      this.stopCheck = null;
      if (problem === null) {
        if (this.integrity === 'checking') this.integrity = 'ok';
        return;
      }
      this.integrity = `数据库文件已损坏：${file}（${problem}）。已停止写入，请关闭程序并从备份恢复（见 README“备份与恢复”）。`;
      if (this.db.open) this.db.pragma('query_only = ON');
      console.error(this.integrity);
    });
  }

  /** Resolves when the background integrity check has finished (at once when there is none). */
  integrityChecked: Promise<void> = Promise.resolve();

  /** Damage found, or a sync that failed, stops every write with its message. */
  private assertWritable(): void {
    if (this.integrity !== 'ok' && this.integrity !== 'checking') throw new AppError('INTERNAL', this.integrity);
  }

  /** Runs fn in one IMMEDIATE transaction; the audit entries it appends commit with the change. */
  change<T>(who: Actor, fn: (who: Actor) => T): T {
    this.assertWritable();
    const result = this.db.transaction(() => fn(who)).immediate();
    this.committed();
    return result;
  }

  /**
   * Runs fn in one IMMEDIATE transaction whose commit does not wait for the disk: the fsync of the WAL
   * that synchronous=FULL performs inside COMMIT is left to `syncWal()`, which runs it on libuv's
   * thread pool. Same bytes, same order, same guarantee — but only once syncWal() has resolved:
   * nothing of fn may be acknowledged before (store/group-commit.ts does this for presses and sheets).
   * The connection is back to synchronous=FULL for everything else at once. A checkpoint that this
   * commit may run is safe as well: with synchronous=NORMAL SQLite syncs the WAL before it copies
   * frames into the database, and the database after (sqlite.org/pragma.html#pragma_synchronous).
   */
  transactionSyncedLater<T>(fn: () => T): T {
    this.assertWritable();
    // Prepared once (db.prepare is cached, db.pragma compiles its statement on every call).
    this.db.prepare('PRAGMA synchronous = NORMAL').run();
    try {
      return this.db.transaction(fn).immediate();
    } finally {
      this.db.prepare('PRAGMA synchronous = FULL').run();
    }
  }

  /**
   * Makes every commit so far durable: fsync of the WAL file, off the event loop. A failure means
   * committed changes may not be on disk: the store stops writing and says so (like damage found by
   * the integrity check), and whoever waited for it must not acknowledge anything.
   */
  syncWal(): Promise<void> {
    const work = new Promise<void>((resolve, reject) => {
      let fd: number;
      try {
        fd = this.walFd ??= fs.openSync(`${this.db.name}-wal`, 'r+'); // r+: Windows flushes only a handle open for writing
      } catch (e) {
        return reject(e);
      }
      this.syncsRunning++;
      fs.fsync(fd, (e) => {
        this.syncsRunning--;
        if (this.syncsRunning === 0 && !this.db.open) this.closeWal();
        if (e) reject(e);
        else resolve();
      });
    }).catch((e: Error) => {
      this.durabilityLost(e);
      throw new AppError('INTERNAL', this.integrity);
    });
    return this.track(work);
  }

  /** The WAL's file handle for syncWal, kept open with the store (closed once no sync uses it). */
  private walFd: number | null = null;
  private syncsRunning = 0;

  private closeWal(): void {
    if (this.walFd !== null) fs.closeSync(this.walFd);
    this.walFd = null;
  }

  private durabilityLost(e: Error): void {
    this.integrity = `预写日志未能写入磁盘（${this.db.name}-wal：${e.message}）：最近的改动可能没有保存。已停止写入，请关闭程序，检查磁盘后重新启动（见 README“备份与恢复”）。`;
    if (this.db.open) this.db.pragma('query_only = ON');
    console.error(this.integrity);
  }

  private readonly commitListeners = new Set<() => void>();

  /** Runs `listener` after every durable commit of an outermost transaction (e.g. to record the audit head). */
  onCommit(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Every writer calls this after its transaction committed; nested transactions are ignored. */
  committed(): void {
    if (this.db.inTransaction) return;
    for (const l of this.commitListeners) l();
  }

  /** Tracks background work on the database (backups) so that closing can wait for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work)).catch(() => {});
    return work;
  }

  /** Writes a backup still waiting for a quiet room, then waits for every backup being written. */
  async whenIdle(): Promise<void> {
    this.backups.flush();
    await Promise.allSettled([...this.pending]);
  }

  close(): void {
    this.backups.cancel();
    this.stopCheck?.();
    if (this.db.open) this.db.close();
    if (this.syncsRunning === 0) this.closeWal();
  }
}
