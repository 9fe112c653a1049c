// What holds for the migration list as a whole.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, LATEST_VERSION, migrate, MIGRATIONS } from '../../../src-main/store/migrations/index';

const dirs: string[] = [];
const fresh = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-mig-'));
  dirs.push(dir);
  return new Database(path.join(dir, 'yishi.sqlite'));
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('each has its own test file here (migration-00N.test.ts)', () => {
    for (const m of MIGRATIONS) {
      const file = path.join(__dirname, `migration-${String(m.version).padStart(3, '0')}.test.ts`);
      expect(fs.existsSync(file), `missing test for migration ${m.version} (${m.name}): ${file}`).toBe(true);
    }
  });

  it('bring an empty file to the latest version, then apply nothing more', () => {
    const db = fresh();
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(currentVersion(db)).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('roll a failing migration back completely (the version stays where it was)', () => {
    const db = fresh();
    db.exec('CREATE TABLE committee (x INTEGER) STRICT'); // clashes with migration 001
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(currentVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'members'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a file written by a newer version of the program, in Chinese', () => {
    const db = fresh();
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/高于本程序支持的版本/);
    db.close();
  });
});
