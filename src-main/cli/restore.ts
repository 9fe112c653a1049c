// `npm run restore -- --data-dir DIR --from FILE` (or `--latest`: the newest backup that is intact):
// replaces the database with a backup while the app is stopped. The current file is kept beside it
// (yishi.sqlite.before-restore-<time>).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseArgs } from '../app/paths';
import { BackupUnusableError, newestUsableBackup, RestoreError, restoreBackup } from '../store/backup';
import { DB_FILE_NAME } from '../store/db';

/** True when another process (a running 议事) has the database open. */
function inUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; ROLLBACK');
    return false;
  } catch (e) {
    return (e as { code?: string }).code === 'SQLITE_BUSY';
  } finally {
    db?.close();
  }
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  let from: string;
  if (args.latest === true) {
    const newest = newestUsableBackup(args.dataDir);
    if (!newest) {
      console.error(`数据目录中没有可用的备份：${path.join(args.dataDir, 'backups')}`);
      return 2;
    }
    from = newest.path;
  } else if (typeof args.from === 'string') {
    from = path.resolve(args.from);
  } else {
    console.error('请用 --from 指定备份文件（或用 --latest 恢复最新的可用备份），例如：npm run restore -- --data-dir 数据目录 --from 数据目录/backups/yishi-20260922-093000-000.sqlite');
    return 2;
  }
  if (!fs.existsSync(from)) {
    console.error(`找不到备份文件：${from}`);
    return 2;
  }
  if (inUse(path.join(args.dataDir, DB_FILE_NAME))) {
    console.error('议事正在使用该数据库，请先关闭程序（或无界面服务器）再恢复。');
    return 1;
  }
  try {
    const r = restoreBackup(args.dataDir, from);
    console.log(`已用备份恢复数据库：${r.replacedWith}`);
    if (r.previousKeptAs) console.log(`原数据库已保留为：${r.previousKeptAs}`);
    return 0;
  } catch (e) {
    // Both say what was changed and what was not (store/backup.ts); anything else came before a change.
    console.error(e instanceof BackupUnusableError || e instanceof RestoreError ? e.message : `恢复失败，未做任何修改：${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = main();
