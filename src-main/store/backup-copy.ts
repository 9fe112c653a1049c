// The page copy of a backup, in a worker thread on its own read-only connection. SQLite's online
// backup run on the app's connection copies the file in steps on the event loop: on ten years of
// sessions (≈150 MB) that is a second of the main thread, and the automatic backup after a closed
// ballot starts just when the result is about to be announced to every terminal. The worker copies
// the whole file in one step from a read snapshot (WAL: the app keeps writing meanwhile, and the copy
// is consistent as of the moment it started), takes the copy out of WAL mode (one file, nothing
// beside it when it is read), syncs it, and reports. Its thread runs at the lowest
// priority, so on a busy machine the live session comes first.
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const os = require('node:os');
const Database = require(workerData.driver);
try {
  os.setPriority(19); // on Linux this thread only (the nice value is per thread)
} catch {}
(async () => {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    // All remaining pages in one step: between steps a commit from the app's connection would restart the copy.
    await db.backup(workerData.target, { progress: () => 0x7fffffff });
    // A backup is one file: out of WAL mode, nothing is created beside it when it is read (the app
    // puts the database back into WAL mode when it opens a restored one).
    const copy = new Database(workerData.target);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    parentPort.postMessage({ ok: true });
  } finally {
    db.close();
  }
})().catch((e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e) }));
`;

/** Copies the database `file` to `target` (a new file) in a worker thread; resolves when the copy is on disk. */
export function copyDatabase(file: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, target, driver: require.resolve('better-sqlite3') } });
    let settled = false;
    worker.once('message', (m: { ok: boolean; message?: string }) => {
      settled = true;
      if (m.ok) resolve();
      else reject(new Error(`备份未能写入（${m.message}）`));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(new Error(`备份未能写入（${e.message}）`));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`备份未能写入（退出码${code}）`));
    });
  });
}
