// Migration 014's rebuild of the file (VACUUM) must not keep the app from starting. A version-13 data
// folder is started by the real server with the files it may write limited below what the rebuild
// writes (`ulimit -f`, which holds for root too): the server starts, the file is at the newest
// version, the console (command and page) and the server's output say why the rebuild did not run and
// how much space it needs, the request is kept beside the database and audited. The next start,
// without the limit, performs it (the file's free pages gone), clears the notice and the request, and
// audits it; a third start does not run it again.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeMigrationDb, migrationDbAt } from '../helpers/migration-db';
import { launchChromium } from '../helpers/browser';
import { openConsole } from '../helpers/live-pages';
import { startServe, type ServeProcess } from '../helpers/server';
import { LATEST_VERSION } from '../../src-main/store/migrations/index';
import type { RebuildPending } from '../../src-main/store/file-rebuild';

let browser: Browser;
let dataDir: string;
let file: string;

beforeAll(async () => {
  browser = await launchChromium();
  // A version-13 file with free pages (a table filled and dropped): the rebuild leaves none.
  const db = migrationDbAt(13, `CREATE TABLE scratch (x BLOB);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) INSERT INTO scratch SELECT randomblob(3000) FROM n;
    DROP TABLE scratch;`);
  file = db.name;
  dataDir = path.dirname(file);
  db.close();
});

afterAll(async () => {
  await browser?.close();
  if (file) closeMigrationDb(new Database(file));
});

/** What the file holds, read from a copy (the server may still have it open). */
function fileState() {
  const copy = `${file}.copy`;
  for (const suffix of ['', '-wal']) if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
  const db = new Database(copy);
  try {
    const audit = db.prepare("SELECT action, data FROM audit_log WHERE action LIKE 'system.rebuil%' ORDER BY seq").all() as { action: string; data: string }[];
    return { version: db.pragma('user_version', { simple: true }), free: db.pragma('freelist_count', { simple: true }) as number, audit };
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
}

/** The console page's rebuild banner, once the page has had the host's answer (null: none shown). */
async function consoleBanner(server: ServeProcess): Promise<string | null> {
  const page = await openConsole(browser, server);
  try {
    const answered = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/api/cmd/integrity.rebuild')));
    await expect.poll(answered).toBe(true);
    await page.getByText('首次使用').waitFor();
    const banner = page.getByTestId('rebuild-pending');
    return (await banner.count()) > 0 ? await banner.textContent() : null;
  } finally {
    await page.context().close();
  }
}

const marker = () => fs.existsSync(`${file}.rebuild`);

it('the server starts on a version-13 file whose rebuild cannot be written, says why and what it needs, and the next start performs it', async () => {
  const before = fileState();
  expect(before.version).toBe(13);
  expect(before.free, 'the fixture has free pages').toBeGreaterThan(100);

  // The rebuild writes the file's ~300 pages again through the WAL: files are limited to 256 KB.
  const limited = await startServe({ dataDir, fileSizeLimit: 256 * 1024 });
  try {
    expect(limited.output()).toContain('数据库文件未能整理');
    const { pending } = await limited.must<{ pending: RebuildPending | null }>('integrity.rebuild');
    expect(pending).toMatchObject({ version: 14 });
    expect(pending!.neededMb).toBeGreaterThanOrEqual(1);
    expect(pending!.message).toContain(`约需${pending!.neededMb} MB可用磁盘空间`);
    expect(pending!.message).toContain('重新启动程序');
    expect(await consoleBanner(limited)).toContain(pending!.reason);
  } finally {
    await limited.stop();
  }
  const failed = fileState();
  expect(failed.version).toBe(LATEST_VERSION);
  expect(failed.free, 'not rebuilt').toBeGreaterThan(100);
  expect(marker(), 'the rebuild is still asked for').toBe(true);
  expect(failed.audit.map((a) => a.action)).toEqual(['system.rebuildPending']);
  expect(JSON.parse(failed.audit[0]!.data)).toMatchObject({ version: 14, reason: expect.stringMatching(/./), neededMb: expect.any(Number) });

  const free = await startServe({ dataDir });
  try {
    expect(free.output()).toContain('已完成第14版升级后的数据库文件整理');
    expect(await free.must('integrity.rebuild')).toEqual({ pending: null });
    expect(await consoleBanner(free)).toBeNull();
    expect(await free.must('integrity.status'), 'the entry audited at the failed start is no loss').toEqual({ pending: null });
  } finally {
    await free.stop();
  }
  const done = fileState();
  expect(done.version).toBe(LATEST_VERSION);
  expect(done.free, 'rebuilt').toBe(0);
  expect(marker()).toBe(false);
  expect(done.audit.map((a) => a.action)).toEqual(['system.rebuildPending', 'system.rebuilt']);

  const again = await startServe({ dataDir });
  await again.stop();
  expect(again.output()).not.toContain('数据库文件整理');
  expect(fileState().audit.map((a) => a.action)).toEqual(['system.rebuildPending', 'system.rebuilt']);
});
