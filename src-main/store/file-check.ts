// Checking the database file when the app starts, without making the start wait for a full scan.
//
// A full `PRAGMA integrity_check` reads every page: on ten years of sessions (≈150 MB and growing
// with the audit log) that is seconds, which a restart in the middle of a session cannot afford. So
// the app's start (startServer) checks quickly what a damaged file shows at once — the header, the
// schema, a file shorter than its header says — and refuses such a file untouched, as before; the
// full check then runs in a worker thread on its own read-only connection. If it finds damage, the
// store stops writing at once (query_only), every change is refused with the Chinese message, and
// the message is printed and shown by `system.info`. Store.open without options keeps the full
// check before opening (tests, verify, restore).
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What is wrong with the file at a glance (header, size, schema), or null. */
export function quickProblem(file: string): string | null {
  try {
    const fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    fs.closeSync(fd);
    if (read < 100 || !header.subarray(0, 16).equals(MAGIC)) return '文件头不是 SQLite 数据库';
    const raw = header.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    const pages = header.readUInt32BE(28);
    const sizeValid = header.readUInt32BE(92) === header.readUInt32BE(24);
    if (sizeValid && pages * pageSize > fs.statSync(file).size) return `文件被截断（应有${pages}页，实际只有${Math.floor(fs.statSync(file).size / pageSize)}页）`;
    const probe = new Database(file, { readonly: true, fileMustExist: true });
    try {
      probe.prepare('SELECT count(*) FROM sqlite_schema').get();
    } finally {
      probe.close();
    }
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let problems;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  problems = db.pragma('integrity_check').map((r) => r.integrity_check).filter((r) => r !== 'ok');
  db.close();
} catch (e) {
  problems = [String((e && e.message) || e)];
}
parentPort.postMessage(problems.slice(0, 3).join('；'));
`;

export interface BackgroundCheck {
  /** null: the file is intact; else what integrity_check found. */
  result: Promise<string | null>;
  stop(): void;
}

/** The full integrity check in a worker thread (off the event loop), on its own read-only connection. */
export function checkInBackground(file: string): BackgroundCheck {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: require.resolve('better-sqlite3') } });
  let stopped = false;
  const result = new Promise<string | null>((resolve) => {
    worker.once('message', (m: string) => resolve(m === '' ? null : m));
    worker.once('error', (e) => resolve(`完整性检查未能完成（${e.message}）`));
    worker.once('exit', (code) => resolve(stopped ? null : `完整性检查未能完成（退出码${code}）`)); // after a message this changes nothing
  });
  return {
    result,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
