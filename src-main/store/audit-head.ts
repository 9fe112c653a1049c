// The audit head (last sequence number and hash of the audit log) kept OUTSIDE the database file, in
// yishi.head beside it and beside every backup. A disk fault that drops the tail of the WAL (one bad
// frame makes SQLite ignore it and every frame after it) loses committed changes without a word from
// SQLite; comparing the database with the head it should have reached turns that into a report.
//
// Format: two fixed 128-byte text slots, written alternately in place. A write that is torn by a crash
// spoils at most one slot; the reader takes the valid slot with the higher sequence number.
//
// Durability, and why the head file has no fsync of its own on the commit path: the head is written
// right after each durable commit (store.onCommit), before the terminal's acknowledgement goes out. A
// write() into the page cache costs a few microseconds and survives the app's own crash (kill -9,
// an exception): the kernel holds it. Only a power cut or an OS crash can lose the last head writes,
// and then the head is BEHIND the database, which the check accepts (the database may be ahead of
// its head, never behind it). A synchronous fsync per commit would add a disk flush (1–10 ms) to every
// press batch (which commits in ~0.2 ms) and stretch the acknowledgement tail of a 3000-terminal vote,
// to close only that window. Instead the file is fsynced off the commit path (libuv's thread pool, at
// most one flush per second while writes continue) and synchronously on close and for backups, so
// after a power cut the recorded head lags by about a second at most. What stays undetectable: a loss
// inside that last second before a power cut, and a fault that damages the head file and the database
// together (see README "安全").
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export const HEAD_FILE_NAME = 'yishi.head';
const SLOT = 128;
const MAGIC = 'yishi-audit-head 1';

export interface AuditHead {
  seq: number;
  hash: string;
}

const check = (seq: number, hash: string) => createHash('sha256').update(`${MAGIC} ${seq} ${hash}`).digest('hex').slice(0, 16);

function encodeSlot(h: AuditHead): Buffer {
  const line = `${MAGIC} ${h.seq} ${h.hash} ${check(h.seq, h.hash)}\n`;
  const buf = Buffer.alloc(SLOT, ' ');
  buf.write(line, 0, 'latin1');
  return buf;
}

function decodeSlot(buf: Buffer): AuditHead | null {
  const m = /^yishi-audit-head 1 (\d{1,15}) ([0-9a-f]{64}) ([0-9a-f]{16})\n/.exec(buf.toString('latin1'));
  if (!m) return null;
  const seq = Number(m[1]);
  return check(seq, m[2]!) === m[3] ? { seq, hash: m[2]! } : null;
}

export type HeadRead = { state: 'missing' } | { state: 'damaged' } | { state: 'ok'; head: AuditHead };

/** Reads a head file: the valid slot with the higher sequence number. */
export function readHeadFile(file: string): HeadRead {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'damaged' };
  }
  const slots = [bytes.subarray(0, SLOT), bytes.subarray(SLOT, 2 * SLOT)].map(decodeSlot).filter((h): h is AuditHead => h !== null);
  if (slots.length === 0) return { state: 'damaged' };
  return { state: 'ok', head: slots.reduce((a, b) => (b.seq > a.seq ? b : a)) };
}

/** Writes a complete head file at once (beside a backup, or after a restore), flushed to disk. */
export function writeHeadFile(file: string, head: AuditHead | null): void {
  const slot = head ? encodeSlot(head) : Buffer.alloc(SLOT, ' ');
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, Buffer.concat([slot, slot]));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** The last entry of the audit log in this database, or null when it has none. */
export function databaseHead(db: Database.Database): AuditHead | null {
  return (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined) ?? null;
}

/** The head file of the live database in dataDir, or of a backup file (yishi-….sqlite → yishi-….head). */
export const headFileOf = (databaseFile: string) => path.join(path.dirname(databaseFile), path.basename(databaseFile).replace(/\.sqlite$/, '') + '.head');

export type HeadCheck =
  | { status: 'ok'; database: number; recorded: number | null }
  | { status: 'behind' | 'diverged' | 'unreadable'; database: number; recorded: number | null; message: string };

/** Compares a database with the head recorded outside it. The database may be ahead, never behind. */
export function compareWithHead(db: Database.Database | null, read: HeadRead, headFile: string): HeadCheck {
  const current = db ? databaseHead(db) : null;
  const database = current?.seq ?? 0;
  if (read.state === 'missing') return { status: 'ok', database, recorded: null }; // first start, or a data folder from before the head file
  if (read.state === 'damaged') {
    return {
      status: 'unreadable',
      database,
      recorded: null,
      message: `审计头文件已损坏（${headFile}），无法确认数据库是否缺少最近的记录；数据库现有审计记录到第${database}条。`,
    };
  }
  const recorded = read.head.seq;
  if (database < recorded) {
    const what = !db ? '数据库文件不存在' : database === 0 ? '数据库中没有任何审计记录' : `数据库缺少第${database}条之后的记录`;
    return {
      status: 'behind',
      database,
      recorded,
      message: `${what}：审计头文件（${headFile}）记录的最后一条是第${recorded}条，最近的${recorded - database}条改动已经丢失，可能是磁盘故障或数据库文件被换成了旧的副本。`,
    };
  }
  const entry = db?.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(recorded) as { hash: string } | undefined;
  if (recorded > 0 && entry?.hash !== read.head.hash) {
    return {
      status: 'diverged',
      database,
      recorded,
      message: `数据库第${recorded}条审计记录与审计头文件（${headFile}）记录的不一致：数据库文件可能被换成了另一份，此前的记录无法确认。`,
    };
  }
  return { status: 'ok', database, recorded };
}

/**
 * Keeps yishi.head up to date after every durable commit. Writes in place into one of two slots (no
 * rename, no fsync on the commit path: see the comment at the top of this file).
 */
export class HeadWriter {
  private readonly fd: number;
  private slot = 0;
  private last: AuditHead | null = null;
  private dirty = false;
  private flushing = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly file: string,
    private readonly db: Database.Database,
  ) {
    this.fd = fs.openSync(file, fs.existsSync(file) ? 'r+' : 'w+');
    // The first write goes into the slot NOT holding the newest head, so that head is never at risk.
    const bytes = fs.readFileSync(file);
    const [a, b] = [0, 1].map((i) => decodeSlot(bytes.subarray(i * SLOT, (i + 1) * SLOT))?.seq ?? -1) as [number, number];
    this.slot = a <= b ? 0 : 1;
  }

  /** Records the database's current head if it moved (called after each commit). */
  update(): void {
    const head = databaseHead(this.db);
    if (!head || (this.last && this.last.seq === head.seq && this.last.hash === head.hash)) return;
    fs.writeSync(this.fd, encodeSlot(head), 0, SLOT, this.slot * SLOT);
    this.slot ^= 1;
    this.last = head;
    this.dirty = true;
    this.timer ??= setTimeout(() => this.flushSoon(), 1000).unref();
  }

  private flushSoon(): void {
    this.timer = null;
    if (!this.dirty || this.flushing) return;
    this.dirty = false;
    this.flushing = true;
    fs.fsync(this.fd, () => {
      this.flushing = false;
      if (this.dirty) this.timer ??= setTimeout(() => this.flushSoon(), 1000).unref();
    });
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      fs.fsyncSync(this.fd);
    } finally {
      fs.closeSync(this.fd);
    }
  }
}
