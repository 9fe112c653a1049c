// `npm run restore -- --data-dir DIR --from FILE` (out/main/restore.js): puts a backup back while the
// app is stopped, keeps the replaced file, and refuses while the database is in use.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src-main/store/audit';
import { createBackup } from '../../../src-main/store/backup';
import { updateCommittee } from '../../../src-main/store/committee';
import { Store } from '../../../src-main/store/store';

const ROOT = path.resolve(__dirname, '../../..');
const RESTORE_JS = path.join(ROOT, 'out/main/restore.js');
const built = fs.existsSync(RESTORE_JS);
const why = built ? '' : ' — skipped: out/main/restore.js missing, run `npm run build` first';

let dir: string;
let backup: string;
const run = (...args: string[]) => spawnSync(process.execPath, [RESTORE_JS, '--data-dir', dir, ...args], { encoding: 'utf8' });
const regionOf = () => {
  const s = Store.open(dir);
  try {
    return (s.db.prepare('SELECT region FROM committee').get() as { region: string }).region;
  } finally {
    s.close();
  }
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-restore-'));
  const store = Store.open(dir);
  updateCommittee(store, SYSTEM_ACTOR, { region: '备份前区', term: 2 });
  backup = (await createBackup(store, SYSTEM_ACTOR, 'test')).path;
  updateCommittee(store, SYSTEM_ACTOR, { region: '备份后区', term: 2 });
  store.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run restore', () => {
  it.skipIf(!built)(`puts the backup back and keeps the replaced file${why}`, () => {
    expect(regionOf()).toBe('备份后区');
    const r = run('--from', backup);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已用备份恢复数据库');
    expect(regionOf()).toBe('备份前区');
    expect(fs.readdirSync(dir).some((f) => f.startsWith('yishi.sqlite.before-restore-'))).toBe(true);
  });

  it.skipIf(!built)(`refuses while the app has the database open${why}`, () => {
    const store = Store.open(dir);
    try {
      const r = run('--from', backup);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('议事正在使用该数据库');
    } finally {
      store.close();
    }
    expect(regionOf()).toBe('备份后区');
  });

  it.skipIf(!built)(`refuses a missing or damaged backup and changes nothing${why}`, () => {
    expect(run('--from', path.join(dir, 'nope.sqlite')).stderr).toContain('找不到备份文件');
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'this is not a database'.repeat(100));
    const r = run('--from', junk);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^备份文件不可用，未做任何修改：.*junk\.sqlite（不是 SQLite 数据库文件/);
    expect(regionOf()).toBe('备份后区');
    expect(run().status).toBe(2); // no --from
  });
});
