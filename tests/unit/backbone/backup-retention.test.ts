// A backup after every round would fill the meeting machine's disk over the years (≈150 MB each after
// ten years of sessions). Automatic backups are named as such and only the newest AUTOMATIC_BACKUPS_KEPT
// are kept (each holds everything before it); backups made by hand, and files from before automatic
// ones were marked, are never removed; the removal is in the audit log. Real SQLite copies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SYSTEM_ACTOR, verifyAuditLog } from '../../../src-main/store/audit';
import { AUTOMATIC_BACKUPS_KEPT } from '../../../src-main/shared/backup-policy';
import { backupDir, createBackup, listBackups, newestUsableBackup } from '../../../src-main/store/backup';
import { BackupSchedule } from '../../../src-main/store/backup-schedule';
import { Store } from '../../../src-main/store/store';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-backup-retention-'));
  store = Store.open(dir);
});
afterEach(async () => {
  await store.whenIdle();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const files = () => fs.readdirSync(backupDir(dir)).sort();
const secretary = { actor: '会务秘书', source: 'console:test' };

it(`keeps the newest ${AUTOMATIC_BACKUPS_KEPT} automatic backups and every backup made by hand`, async () => {
  const byHand = await createBackup(store, secretary, '手动备份');
  // A backup from before automatic ones were marked (named like one made by hand).
  const unmarked = await createBackup(store, SYSTEM_ACTOR, '表决结束后自动备份（表决#1）');
  const automatic: string[] = [];
  for (let i = 0; i < AUTOMATIC_BACKUPS_KEPT + 3; i++) {
    automatic.push((await createBackup(store, SYSTEM_ACTOR, `表决结束后自动备份（表决#${i + 2}）`, true)).fileName);
    await new Promise((r) => setTimeout(r, 2)); // one name per millisecond
  }
  expect(automatic.every((f) => /^yishi-\d{8}-\d{6}-\d{3}-auto\.sqlite$/.test(f))).toBe(true);
  expect(byHand.fileName).toMatch(/^yishi-\d{8}-\d{6}-\d{3}\.sqlite$/);

  const kept = automatic.slice(3);
  const heads = (names: string[]) => names.map((f) => f.replace(/\.sqlite$/, '.head'));
  expect(files()).toEqual([byHand.fileName, unmarked.fileName, ...kept, ...heads([byHand.fileName, unmarked.fileName, ...kept])].sort());
  expect(listBackups(dir).map((b) => [b.fileName, b.automatic])).toEqual([...kept].reverse().map((f) => [f, true]).concat([[unmarked.fileName, false], [byHand.fileName, false]]));
  // The newest is the one a restore takes.
  expect(newestUsableBackup(dir)!.fileName).toBe(automatic.at(-1));

  // Each removal after the backup that went over the limit, in the audit log.
  const prunes = (store.db.prepare("SELECT actor, data FROM audit_log WHERE action = 'backup.prune' ORDER BY seq").all() as { actor: string; data: string }[]).map((r) => ({
    actor: r.actor,
    ...JSON.parse(r.data),
  }));
  expect(prunes).toEqual(automatic.slice(0, 3).map((f) => ({ actor: '系统', removed: [f], kept: AUTOMATIC_BACKUPS_KEPT })));
  expect(verifyAuditLog(store.db).ok).toBe(true);
});

it('the backup written after a round is an automatic one, in one file', async () => {
  const schedule = new BackupSchedule(store, 50);
  schedule.request('表决结束后自动备份（表决#1）');
  schedule.flush();
  await store.whenIdle();
  const [backup] = listBackups(dir);
  expect(backup!.fileName).toMatch(/-auto\.sqlite$/);
  // One file: out of WAL mode, so reading it (its head, a restore's check) leaves nothing beside it.
  const copy = new Database(backup!.path, { readonly: true });
  expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
  copy.close();
  expect(files()).toEqual([backup!.fileName.replace(/\.sqlite$/, '.head'), backup!.fileName]);
});

it('records backup.create only once the backup is complete: while the copy is written no entry names a file that does not exist', async () => {
  const entries = () => store.db.prepare("SELECT entity_id AS subject FROM audit_log WHERE action = 'backup.create' ORDER BY seq").all() as { subject: string }[];
  const writing = createBackup(store, secretary, '手动备份');
  // the copy runs in a worker thread: here it has started and is not complete
  expect(fs.readdirSync(backupDir(dir)).filter((f) => f.endsWith('.sqlite'))).toEqual([]);
  expect(entries()).toEqual([]);
  const made = await writing;
  expect(entries()).toEqual([{ subject: made.fileName }]);
  expect(fs.existsSync(path.join(backupDir(dir), made.fileName))).toBe(true);
  expect(verifyAuditLog(store.db).ok).toBe(true);
});
