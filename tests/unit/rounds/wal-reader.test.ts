// The WAL reader of the secrecy test (tests/helpers/wal.ts) rebuilds every committed state of a real
// SQLite file in WAL mode, and stops at a frame whose checksum does not match.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readWal, replay, snapshot, withImage, diff } from '../../helpers/wal';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function walDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-walr-'));
  dirs.push(dir);
  const file = path.join(dir, 'x.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT) STRICT; CREATE TABLE k (a INTEGER, b INTEGER, PRIMARY KEY (a, b)) STRICT, WITHOUT ROWID');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, file };
}

describe('the WAL reader', () => {
  it('replays each commit, in order, to the state it committed', () => {
    const { db, file } = walDb();
    for (let i = 1; i <= 5; i++) db.prepare('INSERT INTO t (v) VALUES (?)').run(`v${i}`);
    db.prepare('UPDATE t SET v = ? WHERE id = 2').run('changed');
    db.prepare('INSERT INTO k VALUES (1, 2)').run();
    const wal = readWal(fs.readFileSync(`${file}-wal`));
    expect(wal.commits).toHaveLength(7);
    const states = [...replay(fs.readFileSync(file), wal)].map(({ image }) => withImage(image, snapshot));
    expect(states.map((s) => s.get('t')!.size)).toEqual([1, 2, 3, 4, 5, 5, 5]);
    expect(diff(states[4]!, states[5]!)).toEqual([{ table: 't', key: '2', column: 'v', before: 'v2', after: 'changed' }]);
    expect(diff(states[5]!, states[6]!).map((c) => [c.table, c.key, c.column, c.after])).toEqual([
      ['k', '["1","2"]', 'a', 1],
      ['k', '["1","2"]', 'b', 2],
    ]);
    db.close();
  });

  it('stops at a frame whose checksum does not match (a torn or damaged tail)', () => {
    const { db, file } = walDb();
    for (let i = 1; i <= 3; i++) db.prepare('INSERT INTO t (v) VALUES (?)').run(`v${i}`);
    const bytes = fs.readFileSync(`${file}-wal`);
    const pageSize = bytes.readUInt32BE(8);
    const third = 32 + 2 * (24 + pageSize) + 24 + 100; // a byte inside the third frame's page
    bytes[third] = bytes[third]! ^ 0xff;
    expect(readWal(bytes).commits).toHaveLength(2);
    db.close();
  });
});
