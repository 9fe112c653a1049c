import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { quickProblem } from './file-check';
import { migrate } from './migrations/index';

export const DB_FILE_NAME = 'yishi.sqlite';

export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`数据库文件已损坏，未做任何修改：${file}（${reason}）。请从备份恢复（见 README“备份与恢复”）。`);
    this.name = 'DatabaseDamagedError';
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is wrong with the first bytes of a would-be database, or null. SQLite itself takes a 0-byte
 * file for a new empty database, and the app would then migrate it and start afresh: an existing
 * database truncated to nothing (a disk or copy fault) must be refused instead, as must a file that
 * is not SQLite at all.
 */
export function headerProblem(file: string): string | null {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return '文件为空（0 字节）';
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(SQLITE_HEADER) ? null : '不是 SQLite 数据库文件（文件头不符）';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Checks an existing file read-only before anything writes to it: a damaged file is refused with a
 * clear message and left exactly as it was (no -wal/-shm created by this check is left behind).
 */
export function checkIntegrity(file: string): void {
  const header = headerProblem(file);
  if (header !== null) throw new DatabaseDamagedError(file, header);
  const createdByProbe = [`${file}-wal`, `${file}-shm`].filter((p) => !fs.existsSync(p));
  let problem: string | null = null;
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const rows = probe.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0) problem = problems.slice(0, 3).join('；');
  } catch (e) {
    problem = (e as Error).message;
  } finally {
    probe?.close();
  }
  if (problem !== null) {
    for (const p of createdByProbe) fs.rmSync(p, { force: true });
    throw new DatabaseDamagedError(file, problem);
  }
}

/**
 * What a damaged file shows at once (header, size, schema: store/file-check.ts), refused untouched
 * like checkIntegrity; damage deeper inside is left to the full check in the background.
 */
export function checkQuickly(file: string): void {
  const problem = headerProblem(file) ?? quickProblem(file);
  if (problem !== null) throw new DatabaseDamagedError(file, problem);
}

/**
 * Opens (creating on first run) the app's database: WAL, durable commits, foreign keys, migrations.
 * `check: 'quick'` looks only at what a damaged file shows at once (store/file-check.ts), for a
 * start that runs the full check in the background.
 */
export function openDatabase(file: string, check: 'full' | 'quick' = 'full'): Database.Database {
  if (fs.existsSync(file) && check === 'full') checkIntegrity(file);
  else if (fs.existsSync(file)) checkQuickly(file);
  else createDatabase(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // an acknowledged write survives a power cut
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON'); // erased secret-ballot receipts leave no trace in free pages
  migrate(db);
  cacheStatements(db);
  return db;
}

/**
 * A new database is built beside its final name and renamed into place once migrated, so that a
 * crash on first start never leaves a 0-byte yishi.sqlite (which the next start would refuse).
 */
function createDatabase(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const draft = `${file}.creating`;
  for (const p of [draft, `${draft}-journal`]) fs.rmSync(p, { force: true });
  const db = new Database(draft);
  try {
    migrate(db);
  } finally {
    db.close();
  }
  fs.renameSync(draft, file);
}

/**
 * Statements are compiled once per SQL text and reused: preparing is the most expensive part of a
 * small query. Safe because the app never iterates a statement while reusing it and never switches a
 * statement's mode (pluck/raw/expand).
 */
function cacheStatements(db: Database.Database): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = prepare(sql)));
    return stmt;
  }) as typeof db.prepare;
}
