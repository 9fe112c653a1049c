import path from 'node:path';
import type Database from 'better-sqlite3';
import { AuditLog, type Actor } from './audit';
import { DB_FILE_NAME, openDatabase } from './db';

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

  static open(dataDir: string): Store {
    return new Store(openDatabase(path.join(dataDir, DB_FILE_NAME)), dataDir);
  }

  /** Runs fn in one IMMEDIATE transaction; the audit entries it appends commit with the change. */
  change<T>(who: Actor, fn: (who: Actor) => T): T {
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
    if (this.db.open) this.db.close();
  }
}
