// Consistent copies of the live database (SQLite online backup), and restoring one while the app is stopped.
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from './audit';
import { checkIntegrity, DB_FILE_NAME } from './db';
import type { Store } from './store';

export interface BackupInfo {
  fileName: string;
  path: string;
  size: number;
  createdAt: string;
}

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');

function stamp(d = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${p(d.getMilliseconds(), 3)}`;
}

/** Writes a consistent copy of the database to dataDir/backups and records it in the audit log. */
export async function createBackup(store: Store, who: Actor, reason: string): Promise<BackupInfo> {
  const dir = backupDir(store.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = `yishi-${stamp()}.sqlite`;
  const target = path.join(dir, fileName);
  store.change(who, () => store.audit.append(who, 'backup.create', 'backup', fileName, { reason }));
  await store.track(store.db.backup(target));
  const st = fs.statSync(target);
  return { fileName, path: target, size: st.size, createdAt: st.mtime.toISOString() };
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((fileName) => {
      const st = fs.statSync(path.join(dir, fileName));
      return { fileName, path: path.join(dir, fileName), size: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => (a.fileName < b.fileName ? 1 : -1));
}

/**
 * Replaces the database in dataDir with a backup (the app must be stopped). The current file is kept
 * beside it as yishi.sqlite.before-restore-<time>. The backup is checked before anything is touched.
 */
export function restoreBackup(dataDir: string, backupFile: string): { replacedWith: string; previousKeptAs: string | null } {
  checkIntegrity(backupFile);
  const live = path.join(dataDir, DB_FILE_NAME);
  let previousKeptAs: string | null = null;
  if (fs.existsSync(live)) {
    previousKeptAs = `${live}.before-restore-${stamp()}`;
    fs.renameSync(live, previousKeptAs);
    for (const ext of ['-wal', '-shm']) if (fs.existsSync(live + ext)) fs.renameSync(live + ext, previousKeptAs + ext);
  }
  fs.copyFileSync(backupFile, live);
  return { replacedWith: backupFile, previousKeptAs };
}
