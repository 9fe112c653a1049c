// A damaged database file is refused with a clear Chinese message that names the file, and is left
// exactly as it was: same bytes, no -wal/-shm created or changed beside it.
import { createHash, randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src-main/store/audit';
import { DatabaseDamagedError, DB_FILE_NAME } from '../../../src-main/store/db';
import { createMember } from '../../../src-main/store/members';
import { Store } from '../../../src-main/store/store';

let dir: string;
let file: string;

const sha256 = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');
const sidecars = () => ['-wal', '-shm'].map((s) => file + s).filter((p) => fs.existsSync(p));

/** A real database with enough rows to span many pages, closed cleanly (no -wal/-shm left). */
function realDatabase(): void {
  const store = Store.open(dir);
  for (let i = 1; i <= 300; i++) {
    createMember(store, SYSTEM_ACTOR, {
      sort: i, name: `委员${i}`, gender: '', role: '委员', seat: i, inOfficeFrom: null, inOfficeTo: null, note: '备注'.repeat(40),
    });
  }
  store.close();
  expect(sidecars()).toEqual([]);
}

function overwrite(offset: number, length: number): void {
  const bytes = fs.readFileSync(file);
  randomFillSync(bytes, offset, length);
  fs.writeFileSync(file, bytes);
}

function expectRefused(): void {
  const before = sha256(file);
  let error: unknown;
  try {
    Store.open(dir).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DatabaseDamagedError);
  const e = error as DatabaseDamagedError;
  expect(e.file).toBe(file);
  expect(e.message).toContain(file);
  expect(e.message).toMatch(/^数据库文件已损坏，未做任何修改/);
  expect(e.message).toContain('请从备份恢复');
  expect(sha256(file)).toBe(before);
  expect(sidecars()).toEqual([]);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-damaged-'));
  file = path.join(dir, DB_FILE_NAME);
  realDatabase();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a damaged database file', () => {
  it('garbage over the middle pages: refused, file unchanged', () => {
    const size = fs.statSync(file).size;
    const page = 4096;
    expect(size).toBeGreaterThan(20 * page);
    const start = Math.floor(size / 2 / page) * page;
    overwrite(start, 4 * page);
    expectRefused();
  });

  it('garbage over the header: refused, file unchanged', () => {
    overwrite(0, 100);
    expectRefused();
  });

  it('a truncated file: refused, file unchanged', () => {
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    expectRefused();
  });

  it('an intact file opens normally (the check is not over-eager)', () => {
    const store = Store.open(dir);
    expect((store.db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n).toBe(300);
    store.close();
  });
});
