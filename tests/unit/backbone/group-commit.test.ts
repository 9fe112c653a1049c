// The group commit writes a batch with synchronous=NORMAL and fsyncs the WAL on libuv's thread pool
// before anyone is answered (store/group-commit.ts, Store.syncWal). What that must keep: no request
// is resolved before an fsync that began after its batch's commit has completed (the next batch is
// written while the previous fsync runs, and waits for its own; what arrives after it is written as
// that fsync ends and shares the next one, so no request waits for three); the audit head is recorded only
// when no commit is left unsynced;
// the connection is back to synchronous=FULL for every other writer; a failed fsync answers nobody
// with success, stops every write and says so. The disk's failure is injected at fs.fsync (the one
// call the store makes for it); everything else is a real SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src-main/store/audit';
import { DB_FILE_NAME } from '../../../src-main/store/db';
import { GroupCommit, WRITE_AT_SYNC_MAX } from '../../../src-main/store/group-commit';
import { Store } from '../../../src-main/store/store';

let dir: string;
let store: Store;
/** synchronous as each request saw it inside its batch (1 = NORMAL: the batch's commit leaves the fsync to syncWal). */
let seen: number[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-group-commit-'));
  store = Store.open(dir);
  store.db.exec('CREATE TABLE presses (n INTEGER PRIMARY KEY) STRICT');
  seen = [];
});
afterEach(() => {
  vi.restoreAllMocks();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function group() {
  return new GroupCommit<number, number, null>(store, {
    begin: () => null,
    each: (_s, n) => {
      seen.push(store.db.pragma('synchronous', { simple: true }) as number);
      store.db.prepare('INSERT INTO presses (n) VALUES (?)').run(n);
      return n;
    },
    failed: (e) => `未能保存（${e.message}）`,
  });
}

/** Holds every fsync of the WAL until release() is called; fails them with `error` if given (to release, or to holdFsync). */
function holdFsync(error?: NodeJS.ErrnoException) {
  const held: ((e?: NodeJS.ErrnoException) => void)[] = [];
  const real = fs.fsync;
  vi.spyOn(fs, 'fsync').mockImplementation(((fd: number, cb: (e: NodeJS.ErrnoException | null) => void) => {
    held.push((e = error) => (e ? cb(e) : real(fd, cb)));
  }) as typeof fs.fsync);
  return { held, release: (e?: NodeJS.ErrnoException) => held.splice(0).forEach((f) => f(e)) };
}
const EIO = () => Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });

const inFile = () => {
  const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
  try {
    return (db.prepare('SELECT n FROM presses ORDER BY n').all() as { n: number }[]).map((r) => r.n);
  } finally {
    db.close();
  }
};

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  return done;
};

describe('group commit: acknowledged only after the WAL is synced', () => {
  it('a batch is answered after its fsync; the next is written meanwhile and waits for its own; FULL for everyone else', async () => {
    const fsync = holdFsync();
    const heads: number[][] = [];
    store.onCommit(() => heads.push(inFile()));
    const g = group();
    const first = Promise.all([g.submit(1), g.submit(2)]);
    await new Promise((r) => setImmediate(r));
    // Committed (a second connection sees it) but not yet synced: nobody is answered.
    expect(inFile()).toEqual([1, 2]);
    expect(fsync.held).toHaveLength(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL again for every other writer
    const second = g.submit(3);
    expect(await settled(first)).toBe(false);
    // The next batch is written while the first fsync runs, but no fsync has begun after its commit.
    expect(inFile()).toEqual([1, 2, 3]);
    expect(fsync.held).toHaveLength(1);
    fsync.release();
    expect(await first).toEqual([1, 2]);
    expect(await settled(second)).toBe(false); // the fsync that ended began before 3 was committed
    expect(heads).toEqual([]); // 3 is not on disk yet: the audit head is not recorded
    expect(fsync.held).toHaveLength(1); // its own fsync, begun after its commit
    fsync.release();
    expect(await second).toBe(3);
    expect(heads).toEqual([[1, 2, 3]]);
    expect(seen).toEqual([1, 1, 1]);
    expect(store.integrity).toBe('ok');
  });

  it('requests that arrive after the batch written during an fsync are written as it ends and synced with that batch: two fsyncs at most, not three', async () => {
    const fsync = holdFsync();
    const g = group();
    const first = g.submit(1);
    await new Promise((r) => setImmediate(r));
    const second = g.submit(2);
    await new Promise((r) => setImmediate(r));
    expect(inFile()).toEqual([1, 2]); // 2 written during the first fsync
    const third = g.submit(3); // arrives after 2 was written: waits in the queue
    const fourth = g.submit(4);
    await new Promise((r) => setImmediate(r));
    expect(inFile()).toEqual([1, 2]); // one batch waits for an fsync at a time
    expect(fsync.held).toHaveLength(1);
    fsync.release();
    expect(await first).toBe(1);
    // 3 and 4 were written the moment the first fsync ended, before the second began: it covers 2, 3 and 4.
    expect(inFile()).toEqual([1, 2, 3, 4]);
    expect(fsync.held).toHaveLength(1);
    expect(await settled(Promise.all([second, third, fourth]))).toBe(false);
    fsync.release();
    expect(await Promise.all([second, third, fourth])).toEqual([2, 3, 4]);
    expect(fsync.held).toHaveLength(0); // no third fsync was needed
    expect(seen).toEqual([1, 1, 1, 1]);
  });

  it('a long queue at the end of an fsync keeps the pipeline: the written batch is synced at once, the queue written meanwhile', async () => {
    const fsync = holdFsync();
    const g = group();
    const first = g.submit(0);
    await new Promise((r) => setImmediate(r));
    const second = g.submit(1);
    await new Promise((r) => setImmediate(r));
    const many = Array.from({ length: WRITE_AT_SYNC_MAX + 1 }, (_, i) => g.submit(10 + i));
    await new Promise((r) => setImmediate(r));
    fsync.release();
    expect(await first).toBe(0);
    expect(inFile()).toEqual([0, 1]); // the second fsync began before the long queue was written
    expect(fsync.held).toHaveLength(1);
    await new Promise((r) => setImmediate(r));
    expect(inFile()).toHaveLength(2 + WRITE_AT_SYNC_MAX + 1); // written while that fsync runs
    fsync.release();
    expect(await second).toBe(1);
    expect(await settled(Promise.all(many))).toBe(false); // their own fsync began after their commit
    fsync.release();
    expect((await Promise.all(many)).length).toBe(WRITE_AT_SYNC_MAX + 1);
  });

  it('a failed fsync also refuses the batch written while it ran, even when its own fsync would succeed', async () => {
    const fsync = holdFsync();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const g = group();
    const outcome = (p: Promise<unknown>) => p.then(() => 'saved', (e: { code: string }) => e.code);
    const first = outcome(g.submit(1));
    await new Promise((r) => setImmediate(r));
    const second = outcome(g.submit(2));
    await new Promise((r) => setImmediate(r));
    expect(inFile()).toEqual([1, 2]); // written during the first fsync
    fsync.release(EIO());
    expect(await Promise.all([first, second])).toEqual(['INTERNAL', 'INTERNAL']);
    fsync.release(); // whatever a later fsync would say
    expect(fsync.held).toHaveLength(0);
    expect(store.integrity).toMatch(/预写日志未能写入磁盘.*EIO.*已停止写入/);
    expect(errors).toHaveBeenCalledWith(store.integrity);
    await expect(g.submit(3)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(inFile()).toEqual([1, 2]);
  });

  it('a failed fsync answers nobody with success, stops every write and says why', async () => {
    const fsync = holdFsync(EIO());
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const g = group();
    const presses = [g.submit(1), g.submit(2)].map((p) => p.then(() => 'saved', (e: { code: string }) => e.code));
    await new Promise((r) => setImmediate(r));
    fsync.release();
    expect(await Promise.all(presses)).toEqual(['INTERNAL', 'INTERNAL']);
    expect(store.integrity).toMatch(/预写日志未能写入磁盘.*EIO.*已停止写入/);
    expect(errors).toHaveBeenCalledWith(store.integrity);
    // Nothing more is written: neither a press nor any other change.
    await expect(g.submit(3)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(() => store.change(SYSTEM_ACTOR, () => store.db.prepare('INSERT INTO presses (n) VALUES (4)').run())).toThrow(/已停止写入/);
    expect(inFile()).toEqual([1, 2]);
  });
});

describe('group commit: a request that refuses before writing runs without a savepoint', () => {
  /** Requests n: 'refuse' throws before writing, 'late' writes and then throws; declared ones run bare. */
  function mixed(declared: (n: number) => boolean) {
    return new GroupCommit<number, number, null>(store, {
      begin: () => null,
      each: (_s, n) => {
        if (n === 13) throw new Error('拒绝');
        store.db.prepare('INSERT INTO presses (n) VALUES (?)').run(n);
        if (n === 66) throw new Error('写入后才拒绝');
        return n;
      },
      refusesBeforeWriting: declared,
      failed: (e) => `未能保存（${e.message}）`,
    });
  }
  const outcome = (p: Promise<number>) => p.then((n) => n, (e: Error & { code?: string }) => e.code ?? e.message);

  it('a declared request refused in a batch leaves nothing; the others of the batch commit', async () => {
    const g = mixed(() => true);
    expect(await Promise.all([1, 13, 2].map((n) => outcome(g.submit(n))))).toEqual([1, '拒绝', 2]);
    expect(inFile()).toEqual([1, 2]);
  });

  it('one declared that writes and then throws after all: the whole batch is rolled back, nobody is acknowledged, and it is logged', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const g = mixed(() => true);
    expect(await Promise.all([1, 66, 2].map((n) => outcome(g.submit(n))))).toEqual(['INTERNAL', 'INTERNAL', 'INTERNAL']);
    expect(inFile()).toEqual([]);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('refused after writing'), expect.objectContaining({ message: '写入后才拒绝' }));
    // The next batch is written as usual.
    expect(await outcome(g.submit(3))).toBe(3);
    expect(inFile()).toEqual([3]);
  });

  it('a request not declared keeps its savepoint: its writes are rolled back alone', async () => {
    const g = mixed((n) => n !== 66);
    expect(await Promise.all([1, 66, 2].map((n) => outcome(g.submit(n))))).toEqual([1, '写入后才拒绝', 2]);
    expect(inFile()).toEqual([1, 2]);
  });
});
