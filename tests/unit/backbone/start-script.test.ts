// `npm start`: scripts/electron-binary.cjs finds the Electron executable without require('electron')
// (which would try to download it), and scripts/start.cjs falls back to the headless server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const { findElectronBinary } = createRequire(__filename)(path.join(ROOT, 'scripts/electron-binary.cjs')) as {
  findElectronBinary(dir?: string | null): string | null;
};
const hasElectron = findElectronBinary() !== null;
const built = fs.existsSync(path.join(ROOT, 'out/main/serve.js'));

const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('finding the Electron executable', () => {
  it('no path.txt (npm installed the package but not the binary): not installed', () => {
    expect(findElectronBinary(tmp('fake-electron-'))).toBeNull();
  });

  it('path.txt but no dist/ (download failed): not installed, and nothing is downloaded', () => {
    const pkg = tmp('fake-electron-');
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(pkg)).toBeNull();
    expect(fs.existsSync(path.join(pkg, 'dist'))).toBe(false);
  });

  it('path.txt and the binary in dist/: its absolute path', () => {
    const pkg = tmp('fake-electron-');
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(pkg, 'dist'));
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(pkg)).toBe(path.join(pkg, 'dist', 'electron'));
  });

  it('agrees with node_modules/electron on this machine', () => {
    const pkg = path.join(ROOT, 'node_modules/electron');
    const txt = path.join(pkg, 'path.txt');
    const expected = fs.existsSync(txt) && fs.existsSync(path.join(pkg, 'dist', fs.readFileSync(txt, 'utf8').trim()));
    expect(hasElectron).toBe(expected);
  });
});

describe('npm start without the Electron binary', () => {
  const reason = hasElectron ? ' — skipped: the Electron binary is installed here, npm start would open the app' : !built ? ' — skipped: out/ missing, run `npm run build`' : '';
  it.skipIf(hasElectron || !built)(`prints one line saying so and serves the console headless${reason}`, async () => {
    const dataDir = tmp('yishi-start-');
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.cjs'), '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d.toString()));
    child.stderr.on('data', (d) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no console URL in 20 s:\n${out}`)), 20_000);
        child.stdout.on('data', () => {
          const m = /(http:\/\/127\.0\.0\.1:\d+)\/#\/console\?token=([0-9a-f]+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        });
      });
      expect(out.split('\n')[0]).toBe('未找到 Electron 可执行文件（Electron binary not installed），改为启动无界面服务器：');
      const base = url.slice(0, url.indexOf('/#'));
      const token = url.slice(url.indexOf('token=') + 6);
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      const info = await fetch(`${base}/api/cmd/system.info`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
      expect(await info.json()).toMatchObject({ ok: true, value: { dataDir } });
    } finally {
      child.kill('SIGTERM'); // start.cjs passes it on to the server, which closes the database
    }
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'yishi.sqlite'))).toBe(true);
  });
});
