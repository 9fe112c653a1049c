// `npm start`: scripts/electron-binary.cjs finds the Electron executable without require('electron');
// when it is missing, scripts/start.cjs fetches it (fetch-electron.cjs: @electron/get, then
// electron's own install.js) from ELECTRON_MIRROR, and only when that fails serves headless.
// These tests work on a COPY of node_modules/electron (YISHI_ELECTRON_PACKAGE_DIR) with a private
// download cache: the real package and cache are never touched, and nothing leaves the loopback.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { zip } from '../../helpers/zip';

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

/** node_modules/electron as npm installed it (no dist/, no path.txt), copied into a temp folder. */
function electronPackageCopy(): string {
  const copy = tmp('electron-pkg-');
  for (const f of ['package.json', 'install.js', 'checksums.json', 'index.js', 'cli.js']) {
    fs.copyFileSync(path.join(ROOT, 'node_modules/electron', f), path.join(copy, f));
  }
  return copy;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  out: () => string;
  exited: Promise<number | null>;
  kill: () => void;
}

function startScript(pkg: string, env: Record<string, string>, dataDir: string, extraArgs: string[] = []): Started {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.cjs'), ...extraArgs, '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, YISHI_ELECTRON_PACKAGE_DIR: pkg, electron_config_cache: tmp('electron-cache-'), ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d.toString()));
  child.stderr.on('data', (d) => (out += d.toString()));
  return {
    out: () => out,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    kill: () => child.kill('SIGTERM'), // start.cjs passes it on to the server, which closes the database
  };
}

describe('npm start without the Electron binary', () => {
  const why = built ? '' : ' — skipped: out/ missing, run `npm run build`';
  it.skipIf(!built)(`tries the fetch from ELECTRON_MIRROR (a closed loopback port), says why it failed, and serves the console headless${why}`, async () => {
    const pkg = electronPackageCopy();
    const port = await closedPort();
    const dataDir = tmp('yishi-start-');
    const run = startScript(pkg, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, dataDir);
    try {
      await expect.poll(() => /(http:\/\/127\.0\.0\.1:\d+)\/#\/console\?token=([0-9a-f]+)/.exec(run.out()), { timeout: 60_000 }).not.toBeNull();
      const lines = run.out().split('\n');
      expect(lines[0]).toBe(`未找到 Electron 可执行文件，正在下载 Electron 45.4.1（镜像 http://127.0.0.1:${port}/，最长 600 秒）…`);
      expect(lines[1]).toBe(`无法下载 Electron（connect ECONNREFUSED 127.0.0.1:${port}），改为启动无界面服务器：`);
      const [, base, token] = /(http:\/\/127\.0\.0\.1:\d+)\/#\/console\?token=([0-9a-f]+)/.exec(run.out())!;
      expect((await fetch(`${base}/`)).status).toBe(200);
      const info = await fetch(`${base}/api/cmd/system.info`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
      expect(await info.json()).toMatchObject({ ok: true, value: { dataDir } });
    } finally {
      run.kill();
    }
    expect(await run.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'yishi.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(pkg, 'path.txt'))).toBe(false);
  });

  it.skipIf(!built)(`--headless skips Electron without trying to fetch it${why}`, async () => {
    const run = startScript(electronPackageCopy(), { ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/` }, tmp('yishi-start-'), ['--headless']);
    try {
      await expect.poll(() => run.out(), { timeout: 60_000 }).toContain('控制台地址');
      expect(run.out().split('\n')[0]).toBe('按要求不启动桌面应用（--headless），改为启动无界面服务器：');
      expect(run.out()).not.toContain('正在下载');
    } finally {
      run.kill();
    }
    await run.exited;
  });
});

describe('npm start fetching Electron from a mirror', () => {
  it.runIf(process.platform === 'linux')('downloads the release zip with a progress line, unpacks it with electron’s install.js and starts it with the app', async () => {
    // A stand-in release: a zip whose "electron" prints its arguments. The copy's checksums.json is
    // rewritten to the stand-in's SHA-256, so @electron/get's checksum check really runs.
    const pkg = electronPackageCopy();
    const { version } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string };
    const artifact = `electron-v${version}-linux-${process.arch}.zip`;
    const body = zip([
      { name: 'electron', data: Buffer.from('#!/bin/sh\necho "STAND-IN ELECTRON $*"\n'), mode: 0o755 },
      { name: 'version', data: Buffer.from(version) },
    ]);
    fs.writeFileSync(path.join(pkg, 'checksums.json'), JSON.stringify({ [artifact]: createHash('sha256').update(body).digest('hex') }));
    const requested: string[] = [];
    const mirror = http.createServer((req, res) => {
      requested.push(req.url ?? '');
      if (req.url !== `/v${version}/${artifact}`) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/zip' }).end(body);
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const port = (mirror.address() as AddressInfo).port;
    try {
      const dataDir = tmp('yishi-start-');
      const run = startScript(pkg, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, dataDir);
      expect(await run.exited).toBe(0);
      const out = run.out();
      expect(requested).toEqual([`/v${version}/${artifact}`]);
      expect(out).toContain(`正在下载 Electron ${version}：100%`);
      expect(fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8')).toBe('electron');
      expect(out).toContain(`STAND-IN ELECTRON ${ROOT} --data-dir ${dataDir} --port 0 --host 127.0.0.1`);
      expect(out).not.toContain('无界面');
    } finally {
      await new Promise((resolve) => mirror.close(resolve));
    }
  });
});
