import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AuditLog, type Actor } from './audit';
import { DB_FILE_NAME, openDatabase } from './db';
import { checkInBackground } from './file-check';
import { AppError } from '../shared/result';

/** The open database with its audit log. Every change goes through `change`, inside one transaction. */
export class Store {
  readonly audit: AuditLog;
  /** Backups still being written; closing waits for them (see whenIdle). */
  readonly pending = new Set<Promise<unknown>>();

  constructor(
    readonly db: Database.Database,
    readonly dataDir: string,
  ) {
    this.audit = new AuditLog(db);
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

  /** Runs fn in one IMMEDIATE transaction; the audit entries it appends commit with the change. */
  change<T>(who: Actor, fn: (who: Actor) => T): T {
    if (this.integrity !== 'ok' && this.integrity !== 'checking') throw new AppError('INTERNAL', this.integrity);
    const result = this.db.transaction(() => fn(who)).immediate();
    this.committed();
    return result;
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

  async whenIdle(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  close(): void {
    this.stopCheck?.();
    if (this.db.open) this.db.close();
  }
}
