// Every entry of out/main/ refuses an old Node (< 22.14, where better-sqlite3 13 crashes without a
// word) with one Chinese line and exit code 1, before anything is loaded or any file is touched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const ENTRIES = ['serve.js', 'verify.js', 'restore.js', 'bench.js'];
const built = ENTRIES.every((e) => fs.existsSync(path.join(ROOT, 'out/main', e)));
const why = built ? '' : ' — skipped: out/main missing, run `npm run build` first';
const PRETEND = path.join(ROOT, 'tests/helpers/pretend-node-20.cjs');
const LINE = /^议事需要 Node\.js 22\.14 或更高版本，当前为 20\.\d+\.\d+：请用 npm run serve \/ verify \/ restore 运行（项目自带 Node 22），不要直接用系统的 node。$/;

/** A Node older than 22.14 on PATH outside node_modules (the system one), if this machine has one. */
function systemOldNode(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.includes('node_modules')) continue;
    const exe = path.join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (!fs.existsSync(exe)) continue;
    const v = spawnSync(exe, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim().split('.').map(Number);
    return v[0]! < 22 || (v[0] === 22 && v[1]! < 14) ? exe : null;
  }
  return null;
}

describe('the Node version guard in out/main', () => {
  it.skipIf(!built).each(ENTRIES)(`%s under a Node that reports 20.x: one Chinese line, exit 1, nothing written${why}`, (entry) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-guard-'));
    try {
      const r = spawnSync(process.execPath, ['--require', PRETEND, path.join(ROOT, 'out/main', entry), '--data-dir', dataDir], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd()).toMatch(LINE);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.skipIf(!built)(`the project's own Node passes the guard${why}`, () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'out/main/verify.js'), '--data-dir', path.join(os.tmpdir(), 'yishi-guard-none')], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('议事需要 Node.js');
  });

  const old = systemOldNode();
  it.skipIf(!built || !old)(`the real system Node (${old ?? 'none older than 22.14 on PATH'}) gets the line instead of a crash${why}`, () => {
    const r = spawnSync(old!, [path.join(ROOT, 'out/main/serve.js'), '--port', '0'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull(); // no segfault
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd()).toMatch(LINE);
  });
});
