// At startup: is the database behind the audit head recorded outside it (audit-head.ts)? If so the
// secretary must see it before business starts: the notice stays pending (business commands are
// refused, see app/core.ts) until acknowledged, and the acknowledgement is audited. Until then the head
// file is left as it was found, so the evidence is not overwritten by new commits.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Actor } from './audit';
import { compareWithHead, HEAD_FILE_NAME, HeadWriter, readHeadFile, type HeadCheck } from './audit-head';
import { newestUsableBackup, type BackupInfo } from './backup';
import { checkQuickly, DB_FILE_NAME } from './db';
import type { Store } from './store';

/** Compares the database in dataDir (already open; null when there is no file) with its head file. */
export function checkDataDir(db: Database.Database | null, dataDir: string): HeadCheck {
  const headFile = path.join(dataDir, HEAD_FILE_NAME);
  return compareWithHead(db, readHeadFile(headFile), headFile);
}

/**
 * The same check before the app opens anything (the desktop app offers to restore a backup first).
 * Throws DatabaseDamagedError for a file damaged at a glance, like opening it would. Only the quick
 * look (checkQuickly): the full integrity check reads every page (30–40 s on ten years of sessions)
 * and runs in a worker once the server has started (store/file-check.ts), so the window opens at once.
 */
export function inspectDataDir(dataDir: string): HeadCheck {
  const file = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(file)) return checkDataDir(null, dataDir);
  checkQuickly(file);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return checkDataDir(db, dataDir);
  } finally {
    db.close();
  }
}

export interface IntegrityNotice {
  status: Exclude<HeadCheck['status'], 'ok'>;
  message: string;
  /** Last audit entry in the database, and the one the head file recorded. */
  database: number;
  recorded: number | null;
  newestBackup: BackupInfo | null;
  /** How to put the newest backup back (the app must be stopped first). */
  restoreHint: string;
}

export class IntegrityMonitor {
  private writer: HeadWriter | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Set while the secretary has not yet acknowledged a detected loss. */
  notice: IntegrityNotice | null = null;

  constructor(private readonly store: Store) {
    const check = checkDataDir(store.db, store.dataDir);
    if (check.status === 'ok') {
      this.startRecording();
      return;
    }
    const newestBackup = newestUsableBackup(store.dataDir);
    this.notice = {
      status: check.status,
      message: check.message,
      database: check.database,
      recorded: check.recorded,
      newestBackup,
      restoreHint: newestBackup
        ? `最新的可用备份是 ${newestBackup.fileName}${newestBackup.auditSeq !== null ? `（含第${newestBackup.auditSeq}条及以前的记录）` : ''}。要恢复它：关闭议事，桌面应用重新启动时选择“恢复最新备份”；无界面运行时执行 npm run restore -- --data-dir "${store.dataDir}" --latest。`
        : '数据目录的 backups 文件夹中没有可用的备份。',
    };
    console.error(`[数据完整性] ${check.message}`);
  }

  /** The secretary has seen the notice: audited, then the head file follows the database again. */
  acknowledge(who: Actor): void {
    const n = this.notice;
    if (!n) return;
    this.store.change(who, () =>
      this.store.audit.append(who, 'integrity.acknowledge', 'database', DB_FILE_NAME, {
        status: n.status,
        message: n.message,
        databaseSeq: n.database,
        recordedSeq: n.recorded,
      }),
    );
    this.notice = null;
    this.startRecording();
  }

  private startRecording(): void {
    this.writer = new HeadWriter(path.join(this.store.dataDir, HEAD_FILE_NAME), this.store.db);
    this.writer.update();
    const w = this.writer;
    this.unsubscribe = this.store.onCommit(() => {
      try {
        w.update();
      } catch (e) {
        // The commit stands; a head that cannot be written (disk full) only lags, which the check accepts.
        console.error('[数据完整性] 无法写入审计头文件', e);
      }
    });
  }

  close(): void {
    this.unsubscribe?.();
    this.writer?.close();
    this.writer = null;
  }
}
