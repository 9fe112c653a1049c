// A restore decides the file rebuild (`yishi.sqlite.rebuild`, store/file-rebuild.ts) from the restored
// file itself, never from the file it replaced: a request left beside the replaced file is dropped when
// the restored file needs no rebuild (no needless VACUUM at the next opening), and asked for when the
// restored file's own audit log says its last rebuild could not run (a backup taken meanwhile). The same
// for the in-app restore (restoreBackup) and `npm run restore` (out/main/restore.js).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src-main/store/audit';
import { createBackup, restoreBackup } from '../../../src-main/store/backup';
import { DB_FILE_NAME } from '../../../src-main/store/db';
import { rebuildOutcome } from '../../../src-main/store/file-rebuild';
import { Store } from '../../../src-main/store/store';

const RESTORE_JS = path.resolve(__dirname, '../../../out/main/restore.js');
const built = fs.existsSync(RESTORE_JS);

let dir: string;
const marker = () => path.join(dir, `${DB_FILE_NAME}.rebuild`);
const rebuiltAtOpening = () => {
  const s = Store.open(dir);
  try {
    return rebuildOutcome(s.db);
  } finally {
    s.close();
  }
};
/** A backup of the data folder's file as it is now; `pending`: its audit log says its rebuild could not run (as noteRebuild records it). */
async function backupOf(pending: boolean): Promise<string> {
  const store = Store.open(dir);
  try {
    if (pending) store.change(SYSTEM_ACTOR, () => store.audit.append(SYSTEM_ACTOR, 'system.rebuildPending', 'system', 'file', { version: 14, reason: '磁盘空间不足', neededMb: 1, freeMb: 0 }));
    return (await createBackup(store, SYSTEM_ACTOR, 'test')).path;
  } finally {
    store.close();
  }
}
const restoreWith = {
  app: (from: string) => void restoreBackup(dir, from),
  cli: (from: string) => expect(spawnSync(process.execPath, [RESTORE_JS, '--data-dir', dir, '--from', from], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' }),
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-restore-rebuild-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(Object.keys(restoreWith) as (keyof typeof restoreWith)[])('a restore (%s) and the rebuild request', (how) => {
  it.skipIf(how === 'cli' && !built)('drops the replaced file\'s request when the restored file needs no rebuild', async () => {
    const backup = await backupOf(false);
    fs.writeFileSync(marker(), JSON.stringify({ version: 14 })); // the replaced file's rebuild still pending
    restoreWith[how](backup);
    expect(fs.existsSync(marker())).toBe(false);
    expect(rebuiltAtOpening()).toEqual({ done: null, pending: null });
  });

  it.skipIf(how === 'cli' && !built)('asks for it when the restored file was backed up while its rebuild was pending', async () => {
    const backup = await backupOf(true);
    expect(fs.existsSync(marker())).toBe(false); // the live file needs none (rebuilt since, say)
    restoreWith[how](backup);
    expect(JSON.parse(fs.readFileSync(marker(), 'utf8'))).toEqual({ version: 14 });
    expect(rebuiltAtOpening()).toEqual({ done: 14, pending: null });
    expect(fs.existsSync(marker())).toBe(false);
  });
});
