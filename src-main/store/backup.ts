// Consistent copies of the live database (SQLite online backup), and restoring one while the app is stopped.
// Each backup yishi-<time>.sqlite has its audit head beside it (yishi-<time>.head, see audit-head.ts),
// so a backup that later lost records is refused at restore like a damaged one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AUTOMATIC_BACKUPS_KEPT } from '../shared/backup-policy';
import { AppError } from '../shared/result';
import { AuditLog, SYSTEM_ACTOR, type Actor } from './audit';
import { copyDatabase } from './backup-copy';
import { compareWithHead, databaseHead, HEAD_FILE_NAME, headFileOf, readHeadFile, writeHeadFile } from './audit-head';
import { checkIntegrity, DatabaseDamagedError, DB_FILE_NAME } from './db';
import { syncDir, syncFile } from './durable-file';
import { rebuildForRestored } from './file-rebuild';
import type { Store } from './store';

export interface BackupInfo {
  fileName: string;
  path: string;
  size: number;
  createdAt: string;
  /** The last audit entry the backup holds (from its head file), null for a backup without one. */
  auditSeq: number | null;
  /** Written after rounds (only the newest AUTOMATIC_BACKUPS_KEPT are kept), not by hand. */
  automatic: boolean;
}

/** A backup that cannot be restored: empty, damaged, or missing records its head file says it had. */
export class BackupUnusableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`备份文件不可用，未做任何修改：${file}（${reason}）。请选用其他备份。`);
    this.name = 'BackupUnusableError';
  }
}

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');

function stamp(d = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${p(d.getMilliseconds(), 3)}`;
}

/** The end of an automatic backup's file name (yishi-<time>-auto.sqlite). */
const AUTOMATIC_SUFFIX = '-auto.sqlite';

/**
 * Writes a consistent copy of the database to dataDir/backups (in a worker thread: backup-copy.ts) and,
 * once it is complete, records it in the audit log. `automatic` (after rounds: backup-schedule.ts): named as such, and once
 * it is complete the automatic backups older than the newest AUTOMATIC_BACKUPS_KEPT are removed.
 */
export function createBackup(store: Store, who: Actor, reason: string, automatic = false): Promise<BackupInfo> {
  return store.backups.writing(async () => {
    try {
      const dir = backupDir(store.dataDir);
      fs.mkdirSync(dir, { recursive: true });
      const fileName = `yishi-${stamp()}${automatic ? AUTOMATIC_SUFFIX : '.sqlite'}`;
      const target = path.join(dir, fileName);
      const partial = target + PARTIAL_SUFFIX;
      if (store.backups.status.writing === 1) removePartialBackups(dir); // left by a run that ended mid-copy
      try {
        await store.track(copyDatabase(store.db.name, partial));
        // The head of what the copy really holds (commits made while it was written may or may not be in it).
        writeHeadFile(headFileOf(target), withReadonly(partial, databaseHead));
        fs.renameSync(partial, target);
      } catch (e) {
        for (const f of [partial, partial + '-journal']) fs.rmSync(f, { force: true });
        throw e;
      }
      // Recorded once the backup is complete under its own name: a run killed mid-copy leaves no entry
      // naming a backup that does not exist. A store that refuses writes keeps no unrecorded backup.
      try {
        store.change(who, () => store.audit.append(who, 'backup.create', 'backup', fileName, { reason }));
      } catch (e) {
        for (const f of [target, headFileOf(target)]) fs.rmSync(f, { force: true });
        throw e;
      }
      if (automatic) pruneAutomaticBackups(store, dir);
      return backupInfo(dir, fileName);
    } catch (e) {
      if (e instanceof AppError) throw e; // the store refuses writes (damage found): its own message
      const m = (e as Error).message;
      throw new AppError('INTERNAL', m.startsWith('备份未能写入') ? m : `备份未能写入（${m}）`);
    }
  });
}

/**
 * A backup is written under this name and takes its own (….sqlite) only once it is complete and its
 * head file written: the app killed (or the power lost) mid-copy leaves no file that is listed as a
 * backup (a broken one, or one without a head that nobody could check), only a partial file that the
 * next backup removes.
 */
const PARTIAL_SUFFIX = '.partial';

function removePartialBackups(dir: string): void {
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith(PARTIAL_SUFFIX) && !f.endsWith(`${PARTIAL_SUFFIX}-journal`)) continue;
    try {
      fs.rmSync(path.join(dir, f));
    } catch (e) {
      console.error('[backup] 未写完的备份未能删除', f, (e as Error).message);
    }
  }
}

/**
 * Removes the automatic backups older than the newest AUTOMATIC_BACKUPS_KEPT complete ones (with their
 * head files) and records which in the audit log. Backups made by hand, restored files and backups
 * named before automatic ones were marked are never removed. A file that cannot be removed stays and
 * is tried again after the next backup.
 */
function pruneAutomaticBackups(store: Store, dir: string): void {
  const complete = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(AUTOMATIC_SUFFIX) && fs.existsSync(headFileOf(path.join(dir, f))))
    .sort()
    .reverse();
  const removed: string[] = [];
  for (const fileName of complete.slice(AUTOMATIC_BACKUPS_KEPT)) {
    try {
      fs.rmSync(path.join(dir, fileName));
      fs.rmSync(headFileOf(path.join(dir, fileName)), { force: true });
      removed.push(fileName);
    } catch (e) {
      console.error('[backup] 旧的自动备份未能删除', fileName, (e as Error).message);
    }
  }
  if (removed.length > 0) {
    try {
      store.change(SYSTEM_ACTOR, () => store.audit.append(SYSTEM_ACTOR, 'backup.prune', 'backup', removed[0]!, { removed, kept: AUTOMATIC_BACKUPS_KEPT }));
    } catch (e) {
      console.error('[backup] 删除旧的自动备份未能记入审计日志', removed.join('、'), (e as Error).message); // the new backup stands
    }
  }
}

function withReadonly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function backupInfo(dir: string, fileName: string): BackupInfo {
  const file = path.join(dir, fileName);
  const st = fs.statSync(file);
  const head = readHeadFile(headFileOf(file));
  return { fileName, path: file, size: st.size, createdAt: st.mtime.toISOString(), auditSeq: head.state === 'ok' ? head.head.seq : null, automatic: fileName.endsWith(AUTOMATIC_SUFFIX) };
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((fileName) => backupInfo(dir, fileName))
    .sort((a, b) => (a.fileName < b.fileName ? 1 : -1));
}

/**
 * The last audit entry of this database that the newest complete backup holds (its head file is
 * written once its copy is done), or null when there is none. A backup of another history (taken
 * before an older backup was restored: its head's entry is not this database's) does not count.
 * Only the newest backups are read: a later one holds more.
 */
export function newestBackupSeq(store: Store): number | null {
  const dir = backupDir(store.dataDir);
  if (!fs.existsSync(dir)) return null;
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort().reverse();
  const hashAt = store.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  for (const name of names) {
    const head = readHeadFile(headFileOf(path.join(dir, name)));
    if (head.state === 'ok' && hashAt.get(head.head.seq) === head.head.hash) return head.head.seq;
  }
  return null;
}

/** Throws BackupUnusableError unless the file is a sound database holding every record its head names. */
export function checkBackup(file: string): void {
  try {
    checkIntegrity(file);
  } catch (e) {
    if (e instanceof DatabaseDamagedError) throw new BackupUnusableError(file, e.reason);
    throw e;
  }
  const headFile = headFileOf(file);
  const check = withReadonly(file, (db) => compareWithHead(db, readHeadFile(headFile), headFile));
  if (check.status === 'behind' || check.status === 'diverged') throw new BackupUnusableError(file, check.message);
}

/** The newest backup that passes checkBackup, or null. */
export function newestUsableBackup(dataDir: string): BackupInfo | null {
  for (const b of listBackups(dataDir)) {
    try {
      checkBackup(b.path);
      return b;
    } catch {
      // try the next older one
    }
  }
  return null;
}

/**
 * A restore that did not finish. `replaced` says whether the database in the data folder is already
 * the backup: false, nothing in the data folder was changed; true, the backup is in place (and the
 * previous file kept as `previousKeptAs`) but what follows it was not done, and restoring again does it.
 */
export class RestoreError extends Error {
  constructor(
    message: string,
    readonly replaced: boolean,
    readonly previousKeptAs: string | null,
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

/**
 * Replaces the database in dataDir with a backup (the app must be stopped). The current file is kept
 * beside it as yishi.sqlite.before-restore-<time>. The backup is checked before anything is touched;
 * it is then copied beside the database under another name, audited there and synced, and only then
 * put in place by renames: a copy that fails (a full disk, a read error) leaves the data folder as it
 * was, and a run killed midway leaves the current database where it is or the whole backup in its place.
 * Throws BackupUnusableError or RestoreError, whose message says what was and was not changed.
 */
export function restoreBackup(
  dataDir: string,
  backupFile: string,
  who: Actor = { actor: '会务工作人员', source: 'restore' },
): { replacedWith: string; previousKeptAs: string | null } {
  checkBackup(backupFile);
  const live = path.join(dataDir, DB_FILE_NAME);
  const liveHead = path.join(dataDir, HEAD_FILE_NAME);
  const suffix = `.before-restore-${stamp()}`;
  const previousKeptAs = fs.existsSync(live) ? live + suffix : null;
  const staged = `${live}.restoring`;
  try {
    removeStaged(staged); // what an earlier restore killed midway left
    fs.copyFileSync(backupFile, staged);
    // The restore is itself audited, in the copy before it replaces anything.
    const db = new Database(staged, { fileMustExist: true });
    try {
      db.transaction(() => new AuditLog(db).append(who, 'backup.restore', 'backup', path.basename(backupFile), { previousKeptAs: previousKeptAs && path.basename(previousKeptAs) })).immediate();
    } finally {
      db.close();
    }
    syncFile(staged); // on disk before it is renamed into place
  } catch (e) {
    removeStaged(staged);
    throw new RestoreError(`恢复失败，未做任何修改：${(e as Error).message}`, false, null);
  }
  try {
    if (previousKeptAs) {
      fs.renameSync(live, previousKeptAs);
      for (const ext of ['-wal', '-shm']) if (fs.existsSync(live + ext)) fs.renameSync(live + ext, previousKeptAs + ext);
    }
    if (fs.existsSync(liveHead)) fs.renameSync(liveHead, liveHead + suffix);
    fs.renameSync(staged, live);
    syncDir(dataDir);
  } catch (e) {
    const why = (e as Error).message;
    if (previousKeptAs && !fs.existsSync(live) && fs.existsSync(previousKeptAs)) {
      throw new RestoreError(`恢复未完成：${why}。原数据库已改名保留为 ${previousKeptAs}，数据目录中暂时没有数据库：请再次恢复（恢复完成前不要启动程序）。`, false, previousKeptAs);
    }
    removeStaged(staged);
    throw new RestoreError(`恢复失败，未做任何修改：${why}`, false, null);
  }
  // The restored database is then the reference: its own head, not the one of the replaced file.
  try {
    const db = new Database(live, { fileMustExist: true });
    try {
      writeHeadFile(liveHead, databaseHead(db));
      rebuildForRestored(db); // the replaced file's request for a rebuild is not the restored file's
    } finally {
      db.close();
    }
  } catch (e) {
    throw new RestoreError(
      `数据库已换成所选备份（原数据库保留为 ${previousKeptAs ?? '（无）'}），但恢复未完成：${(e as Error).message}。请再次恢复同一备份。`,
      true,
      previousKeptAs,
    );
  }
  return { replacedWith: backupFile, previousKeptAs };
}

/** Removes a staged copy and its rollback journal, if any. */
function removeStaged(staged: string): void {
  for (const f of [staged, `${staged}-journal`]) fs.rmSync(f, { force: true });
}
