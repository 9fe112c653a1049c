// The app's start checks the file quickly and runs the full integrity check in a worker thread
// (store/file-check.ts): a file damaged where one can see at once is still refused untouched before
// anything opens it; damage deep inside is found by the background check, which stops every write
// with a Chinese message; an intact file checks 'ok' and takes writes as usual. The desktop app's look
// before it opens anything (inspectDataDir, for its restore offer) is the same quick one.
import { createHash, randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src-main/store/audit';
import Database from 'better-sqlite3';
import { DatabaseDamagedError, DB_FILE_NAME } from '../../../src-main/store/db';
import { inspectDataDir } from '../../../src-main/store/integrity';
import { createMember } from '../../../src-main/store/members';
import { Store } from '../../../src-main/store/store';

let dir: string;
let file: string;
const sha256 = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');
const member = (store: Store, i: number) =>
  createMember(store, SYSTEM_ACTOR, { sort: i, name: `委员${i}`, gender: '', role: '委员', seat: i, inOfficeFrom: null, inOfficeTo: null, note: '备注'.repeat(40) });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-integrity-'));
  file = path.join(dir, DB_FILE_NAME);
  const store = Store.open(dir);
  for (let i = 1; i <= 300; i++) member(store, i);
  store.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function overwrite(offset: number, length: number): void {
  const bytes = fs.readFileSync(file);
  randomFillSync(bytes, offset, length);
  fs.writeFileSync(file, bytes);
}

describe('integrity check in the background', () => {
  it('an intact file: checking, then ok; writes go through', async () => {
    const store = Store.open(dir, { integrity: 'background' });
    expect(store.integrity).toBe('checking');
    await store.integrityChecked;
    expect(store.integrity).toBe('ok');
    member(store, 301);
    store.close();
  });

  it('garbage over the middle pages: the start goes on, the check finds it and every write is refused', async () => {
    const size = fs.statSync(file).size;
    overwrite(Math.floor(size / 2 / 4096) * 4096, 4 * 4096);
    const before = sha256(file);
    const store = Store.open(dir, { integrity: 'background' });
    await store.integrityChecked;
    expect(store.integrity).toMatch(/^数据库文件已损坏：.*已停止写入，请关闭程序并从备份恢复/s);
    expect(store.integrity).toContain(file);
    expect(() => member(store, 301)).toThrow(/已停止写入/);
    // Writers that bypass store.change are stopped by the connection itself.
    expect(() => store.db.prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')").run()).toThrow(/readonly/);
    store.close();
    expect(sha256(file)).toBe(before);
  });

  it('garbage over the header, or a truncated file: refused before opening, file unchanged', () => {
    const bytes = fs.readFileSync(file);
    for (const damage of [() => overwrite(0, 100), () => fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)))]) {
      fs.writeFileSync(file, bytes);
      damage();
      const before = sha256(file);
      expect(() => Store.open(dir, { integrity: 'background' })).toThrow(DatabaseDamagedError);
      expect(sha256(file)).toBe(before);
      expect(['-wal', '-shm'].filter((s) => fs.existsSync(file + s))).toEqual([]);
    }
  });
});

describe("the desktop app's look before opening the file (inspectDataDir)", () => {
  /** The pages of the members table's rows (leaf pages), from SQLite's own page map. */
  const memberLeaves = () => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare("SELECT pageno FROM dbstat WHERE name = 'members' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map((r) => r.pageno);
    } finally {
      db.close();
    }
  };

  it('is the quick look: damage deep inside does not hold the window, the background check of the start finds it', async () => {
    const leaves = memberLeaves();
    expect(leaves.length).toBeGreaterThan(4);
    const page = leaves[Math.floor(leaves.length / 2)]!;
    overwrite((page - 1) * 4096 + 100, 3000); // the cells of one page of member rows
    // The full check would refuse this file; the look before opening does not read every page.
    expect(inspectDataDir(dir).status).toBe('ok');
    const store = Store.open(dir, { integrity: 'background' });
    await store.integrityChecked;
    expect(store.integrity).toMatch(/^数据库文件已损坏/);
    store.close();
  });

  it('refuses a file damaged at a glance, as opening it would, and leaves it unchanged', () => {
    overwrite(0, 100);
    const before = sha256(file);
    expect(() => inspectDataDir(dir)).toThrow(DatabaseDamagedError);
    expect(sha256(file)).toBe(before);
  });
});
