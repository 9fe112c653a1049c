// kill -9 while a backup is being written: no broken file is left among the backups. A backup is
// written under a partial name and takes its own only once it is complete and its head file written;
// the next backup removes what a killed one left. Before, the copy was written under its final name:
// killed mid-copy it stayed in 备份 for ever as a backup of many MB that no restore would take (its
// first page is written last), or, killed after the copy, one without the head that checks it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { checkBackup } from '../../src-main/store/backup';
import { DB_FILE_NAME } from '../../src-main/store/db';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16 } from '../helpers/session-fixture';

let server: ServeProcess;
afterAll(async () => {
  await server?.stop();
});

/** Every file in backups/ that is listed as a backup, each with whether a restore would take it. */
async function listed(s: ServeProcess): Promise<{ fileName: string; auditSeq: number | null; usable: boolean }[]> {
  const backups = await s.must<{ fileName: string; path: string; auditSeq: number | null }[]>('system.backups');
  return backups.map((b) => {
    let usable = true;
    try {
      checkBackup(b.path);
    } catch {
      usable = false;
    }
    return { fileName: b.fileName, auditSeq: b.auditSeq, usable };
  });
}

describe('a backup killed while it is written', () => {
  it('leaves nothing listed as a backup, and the next backup clears what it left', async () => {
    server = await startServe();
    const s16 = await prepareSession16(server.must);
    // Materials large enough that copying the file takes a while (incompressible bytes).
    for (let k = 0; k < 3; k++) {
      const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(20 * 1024 * 1024)]).toString('base64');
      await server.must('documents.attach', { itemId: s16.items[0]!.id, fileName: `材料${k + 1}.pdf`, data });
    }
    const dir = path.join(server.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    // Killed as soon as the copy has begun on disk.
    const started = new Promise<void>((resolve) => {
      const watcher = fs.watch(dir, () => {
        if (fs.readdirSync(dir).some((f) => f.startsWith('yishi-') && fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.size)) {
          server.proc.kill('SIGKILL'); // at once, from the watcher
          watcher.close();
          resolve();
        }
      });
    });
    void server.cmd('system.backup').catch(() => undefined); // the answer never comes
    await started;
    const { port, dataDir } = server;
    await server.kill();
    const left = fs.readdirSync(dir);
    expect(left.length).toBeGreaterThan(0); // the kill came while the copy was being written
    // and the audit log names no backup: the killed one was never complete
    const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    try {
      expect(db.prepare("SELECT entity_id FROM audit_log WHERE action = 'backup.create'").all()).toEqual([]);
    } finally {
      db.close();
    }

    server = await startServe({ dataDir, port });
    expect(await listed(server)).toEqual([]);
    // The next backup is complete, checked, and the partial file is gone.
    const made = await server.must<{ fileName: string; auditSeq: number }>('system.backup');
    expect(await listed(server)).toEqual([{ fileName: made.fileName, auditSeq: made.auditSeq, usable: true }]);
    expect(fs.readdirSync(dir).sort()).toEqual([made.fileName, made.fileName.replace(/\.sqlite$/, '.head')].sort());
  });
});
