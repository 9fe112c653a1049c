// A small reader of SQLite's write-ahead log (https://www.sqlite.org/fileformat2.html#walformat), to
// replay a copied data folder commit by commit as someone holding only the files would: the WAL
// header, the frames with their salts and cumulative checksums, the commit markers, and each
// committed state rebuilt on a copy of the database file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface WalFrame {
  pgno: number;
  page: Buffer;
}

export interface WalCommit {
  /** Index of the commit in the WAL (0-based). */
  index: number;
  /** Index of its last frame in the WAL (0-based). */
  lastFrame: number;
  frames: WalFrame[];
  /** Size of the database in pages after this commit. */
  dbPages: number;
}

export interface Wal {
  pageSize: number;
  /** The salts of the header: a new pair each time the WAL restarts from its beginning. */
  salt: string;
  commits: WalCommit[];
}

/** SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from (s0, s1). */
function checksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i < data.length; i += 8) {
    const a = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const b = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + a + s1) >>> 0;
    s1 = (s1 + b + s0) >>> 0;
  }
  return [s0, s1];
}

/** The valid committed frames of a WAL file: stops at the first frame whose salt or checksum does not match. */
export function readWal(wal: Buffer): Wal {
  if (wal.length < 32) return { pageSize: 0, salt: '', commits: [] };
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) throw new Error('not a WAL file');
  const bigEndian = magic === 0x377f0683;
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let sum = checksum(wal.subarray(0, 24), bigEndian, [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) throw new Error('WAL header checksum does not match');
  const commits: WalCommit[] = [];
  let pending: WalFrame[] = [];
  for (let at = 32, frame = 0; at + 24 + pageSize <= wal.length; at += 24 + pageSize, frame++) {
    const h = wal.subarray(at, at + 24);
    if (h.readUInt32BE(8) !== salt1 || h.readUInt32BE(12) !== salt2) break;
    const page = wal.subarray(at + 24, at + 24 + pageSize);
    sum = checksum(page, bigEndian, checksum(h.subarray(0, 8), bigEndian, sum));
    if (sum[0] !== h.readUInt32BE(16) || sum[1] !== h.readUInt32BE(20)) break;
    pending.push({ pgno: h.readUInt32BE(0), page: Buffer.from(page) });
    const dbPages = h.readUInt32BE(4);
    if (dbPages > 0) {
      commits.push({ index: commits.length, lastFrame: frame, frames: pending, dbPages });
      pending = [];
    }
  }
  return { pageSize, salt: `${salt1}-${salt2}`, commits };
}

/** Frames already copied into the database file (nBackfill of the wal-index in the -shm file). */
export function backfilledFrames(shm: Buffer | null): number {
  return shm && shm.length >= 100 ? shm.readUInt32LE(96) : 0;
}

/**
 * The database image after each commit of the WAL, applied in order onto the database file. States
 * are exact from the commit whose last frame is at or after the backfill point (the -shm's nBackfill).
 */
export function* replay(dbFile: Buffer, wal: Wal): Generator<{ commit: WalCommit; image: Buffer }> {
  let image = Buffer.from(dbFile);
  for (const commit of wal.commits) {
    const size = commit.dbPages * wal.pageSize;
    if (image.length < size) image = Buffer.concat([image, Buffer.alloc(size - image.length)]);
    for (const f of commit.frames) f.page.copy(image, (f.pgno - 1) * wal.pageSize);
    image = image.subarray(0, size);
    yield { commit, image: Buffer.from(image) };
  }
}

/** Opens a database image read-only (as a rollback-journal file: no WAL of its own), for `use`. */
export function withImage<T>(image: Buffer, use: (db: Database.Database) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-wal-'));
  const file = path.join(dir, 'state.sqlite');
  const copy = Buffer.from(image);
  copy[18] = 1; // file format write version: legacy (no WAL)
  copy[19] = 1; // read version
  fs.writeFileSync(file, copy);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return use(db);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export type Value = string | number | bigint | Buffer | null;
/** Every row of every table (and the schema itself), keyed by table and then by rowid or primary key. */
export type Snapshot = Map<string, Map<string, Record<string, Value>>>;

export function snapshot(db: Database.Database): Snapshot {
  const out: Snapshot = new Map();
  const tables = db.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table'").all() as { name: string; wr: number }[];
  for (const { name, wr } of tables) {
    const pk = (db.prepare(`SELECT name FROM pragma_table_info('${name}') WHERE pk > 0 ORDER BY pk`).all() as { name: string }[]).map((c) => c.name);
    const sql = wr ? `SELECT * FROM "${name}"` : `SELECT rowid AS "__rowid", * FROM "${name}"`;
    const rows = new Map<string, Record<string, Value>>();
    for (const r of db.prepare(sql).all() as Record<string, Value>[]) {
      const key = wr ? JSON.stringify(pk.map((c) => String(r[c]))) : String(r.__rowid);
      rows.set(key, r);
    }
    out.set(name, rows);
  }
  return out;
}

export interface CellChange {
  table: string;
  key: string;
  column: string;
  before: Value | undefined;
  after: Value | undefined;
}

const same = (a: Value | undefined, b: Value | undefined) => (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : a === b);

/** Every cell that differs between two states (an inserted or deleted row: every cell of it). */
export function diff(a: Snapshot, b: Snapshot): CellChange[] {
  const out: CellChange[] = [];
  for (const table of new Set([...a.keys(), ...b.keys()])) {
    const ra = a.get(table) ?? new Map();
    const rb = b.get(table) ?? new Map();
    for (const key of new Set([...ra.keys(), ...rb.keys()])) {
      const x = ra.get(key);
      const y = rb.get(key);
      for (const column of new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])) {
        if (!same(x?.[column], y?.[column])) out.push({ table, key, column, before: x?.[column], after: y?.[column] });
      }
    }
  }
  return out;
}
