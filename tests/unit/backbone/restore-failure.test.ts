// A restore that fails says truly what it changed (store/backup.ts restoreBackup): the backup is copied
// beside the database under another name, audited and synced there first, so a copy that fails (a full
// disk) leaves the data folder exactly as it was — "恢复失败，未做任何修改" is then true; a failure
// while the files are renamed says where the previous database now is, and restoring again finishes
// the job; what an earlier restore killed midway left beside the database is cleared. The disk's
// failures are injected at fs.copyFileSync / fs.renameSync; everything else is real SQLite files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src-main/store/audit';
import { createBackup, RestoreError, restoreBackup } from '../../../src-main/store/backup';
import { DB_FILE_NAME } from '../../../src-main/store/db';
import { Store } from '../../../src-main/store/store';

let dir: string;
const live = () => path.join(dir, DB_FILE_NAME);
const entries = (file = live()) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);
  } finally {
    db.close();
  }
};
const folder = () => fs.readdirSync(dir).filter((f) => f !== 'backups').sort();
const ENOSPC = () => Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' });

/** A data folder whose database has moved on since its one backup: returns the backup's path. */
async function folderWithBackup(): Promise<string> {
  const store = Store.open(dir);
  try {
    const backup = (await createBackup(store, SYSTEM_ACTOR, 'test')).path;
    store.change(SYSTEM_ACTOR, () => store.audit.append(SYSTEM_ACTOR, 'member.create', 'member', '1', { name: '张三' }));
    return backup;
  } finally {
    store.close();
  }
}

/** The RestoreError a restore of `backup` into the data folder throws (fails the test if it throws none). */
function restoreFailure(backup: string): RestoreError {
  try {
    restoreBackup(dir, backup);
  } catch (e) {
    expect(e).toBeInstanceOf(RestoreError);
    return e as RestoreError;
  }
  throw new Error('the restore did not fail');
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-restore-failure-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a restore that fails says what it changed', () => {
  it('a copy that fails halfway (disk full) changes nothing in the data folder, and says so', async () => {
    const backup = await folderWithBackup();
    const actions = entries(); // (a reader of a WAL database leaves its -wal and -shm beside it)
    const before = { files: folder(), bytes: fs.readFileSync(live()), actions };
    const copy = fs.copyFileSync;
    vi.spyOn(fs, 'copyFileSync').mockImplementation(((from: string, to: string) => {
      copy(from, to);
      fs.truncateSync(to, 4096); // half a copy, then the disk is full
      throw ENOSPC();
    }) as typeof fs.copyFileSync);
    const error = restoreFailure(backup);
    expect(error.message).toMatch(/^恢复失败，未做任何修改：ENOSPC/);
    expect(error.replaced).toBe(false);
    expect(folder()).toEqual(before.files); // no half copy, nothing renamed aside
    expect(fs.readFileSync(live()).equals(before.bytes)).toBe(true);
    expect(entries()).toEqual(before.actions);
    expect(entries()).toContain('member.create'); // still the current database, not the backup
  });

  it('a rename that fails says where the previous database is; restoring again finishes', async () => {
    const backup = await folderWithBackup();
    const current = entries();
    const rename = fs.renameSync;
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation(((from: string, to: string) => {
      if (String(from).endsWith('.restoring')) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      rename(from, to);
    }) as typeof fs.renameSync);
    const error = restoreFailure(backup);
    const kept = error.previousKeptAs!;
    expect(error.message).toContain(`原数据库已改名保留为 ${kept}`);
    expect(error.message).toMatch(/请再次恢复/);
    expect(fs.existsSync(live())).toBe(false);
    expect(entries(kept)).toEqual(current); // the previous database, whole, under the name given
    spy.mockRestore();
    const r = restoreBackup(dir, backup);
    expect(r.previousKeptAs).toBeNull(); // nothing was left in place to keep
    expect(entries()).not.toContain('member.create'); // the backup's records
    expect(entries().at(-1)).toBe('backup.restore');
    expect(folder().some((f) => f.endsWith('.restoring'))).toBe(false);
    expect(() => Store.open(dir).close()).not.toThrow();
  });

  it('what an earlier restore killed midway left beside the database is cleared, and the restore completes', async () => {
    const backup = await folderWithBackup();
    fs.writeFileSync(`${live()}.restoring`, 'half a copy');
    fs.writeFileSync(`${live()}.restoring-journal`, 'a journal of it');
    const r = restoreBackup(dir, backup);
    expect(entries()).not.toContain('member.create');
    expect(entries().at(-1)).toBe('backup.restore');
    expect(entries(r.previousKeptAs!)).toContain('member.create');
    expect(folder().filter((f) => f.includes('.restoring'))).toEqual([]);
  });
});
