// The automatic backup after a round is written once the room is quiet (store/backup-schedule.ts):
// not while a round is open, not until no round has changed for the quiet period; requests made
// meanwhile become one backup naming each; closing the store writes a pending one first (whenIdle);
// a store closed without waiting starts nothing more; the console is told what waits, what is being
// written and what failed (status, onChange). A real SQLite file and real backup copies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src-main/store/audit';
import { backupDir, createBackup } from '../../../src-main/store/backup';
import { BackupSchedule } from '../../../src-main/store/backup-schedule';
import { Store } from '../../../src-main/store/store';

const QUIET = 150;
let dir: string;
let store: Store;
let schedule: BackupSchedule;
let roundOpen: boolean;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-backup-schedule-'));
  store = Store.open(dir);
  schedule = new BackupSchedule(store, QUIET);
  roundOpen = false;
  schedule.holdWhile(() => roundOpen);
});
afterEach(async () => {
  await store.whenIdle();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const copies = () => (fs.existsSync(backupDir(dir)) ? fs.readdirSync(backupDir(dir)).filter((f) => f.endsWith('.sqlite')) : []);
const reasons = () =>
  (store.db.prepare("SELECT data FROM audit_log WHERE action = 'backup.create' ORDER BY seq").all() as { data: string }[]).map((r) => JSON.parse(r.data).reason);
/** Waits for the backups being written to finish. */
const written = async () => {
  await Promise.allSettled([...store.pending]);
  return copies();
};

describe('the automatic backup waits for a quiet room', () => {
  it('is not written at the request, but once the quiet period has passed, with its reason audited', async () => {
    schedule.request('表决结束后自动备份（表决#1）');
    expect(copies()).toEqual([]);
    await sleep(QUIET / 2);
    expect(copies()).toEqual([]);
    await sleep(QUIET);
    expect(await written()).toHaveLength(1);
    expect(reasons()).toEqual(['表决结束后自动备份（表决#1）']);
    expect(schedule.status.waiting).toEqual([]);
  });

  it('waits again after each round event (opened, announced): the quiet period counts from the last one', async () => {
    schedule.request('表决结束后自动备份（表决#1）');
    for (let i = 0; i < 3; i++) {
      await sleep(QUIET * 0.6);
      schedule.activity();
    }
    expect(copies()).toEqual([]); // 1.8 quiet periods since the request, never one since an event
    await sleep(QUIET * 1.5);
    expect(await written()).toHaveLength(1);
  });

  it('does not start while a round is open; requests made meanwhile become one backup naming each', async () => {
    schedule.request('表决结束后自动备份（表决#1）');
    roundOpen = true; // the next ballot opened before the room was quiet
    await sleep(QUIET * 3);
    expect(copies()).toEqual([]);
    roundOpen = false;
    schedule.request('表决结束后自动备份（表决#2）');
    await sleep(QUIET * 2);
    expect(await written()).toHaveLength(1);
    expect(reasons()).toEqual(['表决结束后自动备份（表决#1）；表决结束后自动备份（表决#2）（合并为一份）']);
    // The one copy holds what both requests were made for: everything committed before it started.
    const copy = new Database(path.join(backupDir(dir), copies()[0]!), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      // its own backup.create is recorded once it is complete, after the copy
      expect((copy.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backup.create'").get() as { n: number }).n).toBe(0);
      expect((store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backup.create'").get() as { n: number }).n).toBe(1);
    } finally {
      copy.close();
    }
  });

  it('flush (the app closing) writes a pending backup at once, even with a round open', async () => {
    schedule.request('测评结束后自动备份（测评#4）');
    roundOpen = true;
    schedule.flush();
    expect(await written()).toHaveLength(1);
    expect(schedule.status.waiting).toEqual([]);
  });

  it("the store's whenIdle writes what its own schedule holds", async () => {
    store.backups.request('票决结束后自动备份（票决#2）');
    expect(copies()).toEqual([]);
    await store.whenIdle();
    expect(copies()).toHaveLength(1);
    expect(reasons()).toEqual(['票决结束后自动备份（票决#2）']);
  });

  it('a store closed without waiting starts nothing more, and nothing fails later', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => void errors.push(a);
    try {
      schedule.request('表决结束后自动备份（表决#8）');
      store.backups.request('表决结束后自动备份（表决#9）');
      store.close();
      expect(store.backups.status.waiting).toEqual([]);
      await sleep(QUIET * 2); // this schedule's timer fires on a closed store
      expect(copies()).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      console.error = original;
      store = Store.open(dir); // for afterEach
    }
  });
});

describe('what the console is shown (status and its changes)', () => {
  it('the reasons waiting, then the backup being written, then done: each step told to the listeners', async () => {
    const seen: (typeof store.backups.status)[] = [];
    const off = store.backups.onChange(() => seen.push(store.backups.status));
    store.backups.request('表决结束后自动备份（表决#1）');
    expect(seen).toEqual([{ waiting: ['表决结束后自动备份（表决#1）'], quietSeconds: 5, writing: 0, lastError: null }]);
    await store.whenIdle();
    expect(seen.slice(1)).toEqual([
      { waiting: [], quietSeconds: 5, writing: 1, lastError: null },
      { waiting: [], quietSeconds: 5, writing: 0, lastError: null },
    ]);
    expect(copies()).toHaveLength(1);
    off();
    store.backups.request('表决结束后自动备份（表决#2）');
    expect(seen).toHaveLength(3); // no longer listening
  });

  it('a backup that cannot be written is shown with its Chinese reason until one is written again', async () => {
    fs.writeFileSync(backupDir(dir), 'a file where the backups folder should be');
    await expect(createBackup(store, SYSTEM_ACTOR, '手动备份')).rejects.toThrow(/^备份未能写入（.*backups/);
    expect(store.backups.status).toMatchObject({ writing: 0, lastError: expect.stringMatching(/^备份未能写入（/) });
    fs.rmSync(backupDir(dir));
    await createBackup(store, SYSTEM_ACTOR, '手动备份');
    expect(store.backups.status).toMatchObject({ writing: 0, lastError: null });
    expect(copies()).toHaveLength(1);
  });
});
