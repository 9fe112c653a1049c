// Group commit: requests that arrive together (in one turn of the event loop) are written in ONE
// durable transaction, and each is answered only after that transaction has committed and its WAL
// frames are on disk. The fsync that synchronous=FULL does inside COMMIT runs on libuv's thread pool
// instead (Store.transactionSyncedLater / syncWal), so the event loop keeps reading and answering
// frames while the disk works; requests arriving meanwhile form the next batch, written (committed,
// not yet answered) while that fsync runs; those arriving after it are written as the fsync ends, and
// both are synced by the fsync after it: each request is answered only after an fsync that began
// after its own commit. One request that is refused does not stop the
// others; if the commit or an fsync fails, nobody in that batch or in one written since gets a success.
import { AppError } from '../shared/result';
import type { Store } from './store';

export interface GroupCommitSpec<T, R, B> {
  /** Per-batch working state, created inside the transaction. */
  begin: () => B;
  /** Handles one request inside the transaction; a throw refuses just this request. */
  each: (batch: B, request: T) => R;
  /**
   * Whether a request refuses before it writes anything (it cannot fail halfway): it then runs
   * without a savepoint of its own. Should one write and throw after all, the whole batch is rolled
   * back and nobody is acknowledged. Default: every request has its savepoint.
   */
  refusesBeforeWriting?: (request: T) => boolean;
  /** Runs after every request of the batch, still inside the transaction. */
  end?: (batch: B) => void;
  /** The Chinese refusal for a request when the transaction could not be committed. */
  failed: (e: Error, request: T) => string;
  /** Called once the batch's transaction has committed, before it is durable, with the requests taken (not refused) and their results. */
  written?: (taken: T[], values: R[]) => void;
  /** Called after each durable batch, before any answer, with the requests that were taken (not refused) and their results. */
  committed?: (taken: T[], values: R[]) => void;
}

interface Pending<T, R> {
  request: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/** A batch whose transaction has committed: answered once an fsync that began after its commit has completed. */
interface Written<T, R> {
  batch: Pending<T, R>[];
  results: ({ ok: true; value: R } | { ok: false; error: unknown })[];
  taken: T[];
  values: R[];
}

/** At most this many queued requests are written as an fsync ends, to share the next fsync with the batch written during it. */
export const WRITE_AT_SYNC_MAX = 64;

export class GroupCommit<T, R, B> {
  private queue: Pending<T, R>[] = [];
  /** The turn that will write the queue, if one is asked for. */
  private scheduled: NodeJS.Immediate | null = null;
  /** Committed batches no fsync has covered yet (at most one: the next is written once it is being synced). */
  private unsynced: Written<T, R>[] = [];
  /** The fsync in flight (at most one), and the batches it covers: all committed before it began. */
  private syncing = false;

  constructor(
    private readonly store: Store,
    private readonly spec: GroupCommitSpec<T, R, B>,
  ) {}

  submit(request: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** The next batch is written while the previous one's fsync runs, not while a batch waits for one. */
  private schedule(): void {
    if (this.scheduled || this.unsynced.length > 0 || this.queue.length === 0) return;
    this.scheduled = setImmediate(() => this.flush());
  }

  private flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled); // written now, not also in the turn asked for
    this.scheduled = null;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const results: Written<T, R>['results'] = [];
    try {
      this.store.transactionSyncedLater(() => {
        results.length = 0;
        const state = this.spec.begin();
        // Each request in its own savepoint: a refused one leaves none of its writes behind. One that
        // refuses before writing needs none; that it wrote nothing is checked (SQLite's total_changes).
        const one = this.store.db.transaction((request: T) => this.spec.each(state, request));
        const changes = this.store.db.prepare('SELECT total_changes()').pluck();
        for (const p of batch) {
          const bare = this.spec.refusesBeforeWriting?.(p.request) === true;
          const before = bare ? changes.get() : 0;
          try {
            results.push({ ok: true, value: bare ? this.spec.each(state, p.request) : one(p.request) });
          } catch (e) {
            if (bare && changes.get() !== before) throw halfWritten(e);
            results.push({ ok: false, error: e });
          }
        }
        this.spec.end?.(state);
      });
    } catch (e) {
      // Nothing of this batch was committed: no request is acknowledged.
      for (const p of batch) p.reject(new AppError('INTERNAL', this.spec.failed(e as Error, p.request)));
      return this.schedule();
    }
    const taken = batch.flatMap((p, i) => (results[i]!.ok ? [p.request] : []));
    const values = results.flatMap((r) => (r.ok ? [r.value] : []));
    hook(() => this.spec.written?.(taken, values));
    // Committed; durable once an fsync of the WAL that begins now has completed (off the event loop).
    this.unsynced.push({ batch, results, taken, values });
    this.sync();
  }

  /** Starts an fsync for the batches committed so far, unless one is in flight (then after it). */
  private sync(): void {
    if (this.syncing || this.unsynced.length === 0) return;
    const covered = this.unsynced;
    this.unsynced = [];
    this.syncing = true;
    // Requests arriving meanwhile form the next batch, written while this fsync runs.
    this.schedule();
    this.store.syncWal().then(
      () => {
        this.syncing = false;
        // The audit head is recorded only when every commit so far is on disk (a batch written
        // during this fsync is not): a head file ahead of the database would look like lost entries.
        if (this.unsynced.length === 0) this.store.committed();
        for (const w of covered) {
          w.batch.forEach((p, i) => {
            const r = w.results[i]!;
            if (r.ok) p.resolve(r.value);
            else p.reject(r.error);
          });
          hook(() => this.spec.committed?.(w.taken, w.values));
        }
        // Requests that arrived after the waiting batch was written are written now, before the next
        // fsync begins, so that one fsync covers both: a request waits for at most the fsync running
        // when it arrived and one more, as a plain durable server's would, not for a third. A long
        // queue (a hall pressing as fast as it is answered) keeps the pipeline: its write would hold
        // back the fsync of the batch already written.
        if (this.queue.length > 0 && this.queue.length <= WRITE_AT_SYNC_MAX) this.flush();
        this.sync();
        this.schedule();
      },
      (e: Error) => {
        // The disk did not take it: nobody is told their request was saved (the store has stopped
        // writing), neither in these batches nor in one written meanwhile, whatever a later fsync says.
        this.syncing = false;
        const lost = [...covered, ...this.unsynced];
        this.unsynced = [];
        for (const w of lost) for (const p of w.batch) p.reject(new AppError('INTERNAL', this.spec.failed(e, p.request)));
        this.schedule();
      },
    );
  }
}

/** A request said to refuse before writing wrote and threw: the batch is rolled back, and this is logged (a bug). */
function halfWritten(e: unknown): Error {
  console.error('[group-commit] a request refused after writing; its batch is rolled back', e);
  return new Error(`一项请求写入后被拒绝（${(e as Error).message}），本批全部未保存`, { cause: e });
}

/** A hook after a commit must not keep the batch from being answered: what fails in it is logged. */
function hook(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error('[group-commit]', e);
  }
}
