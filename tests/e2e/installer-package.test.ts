// The installers' configuration (electron-builder.cjs) and what they would pack, checked without
// downloading anything: electron-builder really runs (`--dir`, the step every installer target is made
// from) against a stand-in Electron distribution, and the packed app is then taken apart and run.
// Not checked here (they need archives from the internet): the NSIS, deb and AppImage wrappers
// themselves, and the real Electron binary running the packed app.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const requireHere = createRequire(__filename);
const config = requireHere(path.join(ROOT, 'electron-builder.cjs'));
const asar = requireHere('@electron/asar') as { listPackage(file: string): string[]; extractAll(file: string, dest: string): void };
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const built = ['out/main/index.js', 'out/main/serve.js', 'out/preload/index.js', 'out/renderer/index.html'].every((f) => fs.existsSync(path.join(ROOT, f)));
const why = built ? '' : ' — skipped: out/ missing, run `npm run build` first';
const FONTS = fs.readdirSync(path.join(ROOT, 'resources/fonts')).filter((f) => f !== 'build-fonts.sh');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-installer-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Runs electron-builder's own CLI with the project's config plus overrides; no network is needed for --dir. */
function electronBuilder(args: string[]): { status: number | null; output: string } {
  const cli = path.join(path.dirname(requireHere.resolve('electron-builder/package.json')), 'cli.js');
  const r = spawnSync(process.execPath, [cli, ...args, '--publish', 'never'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 300_000 });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('electron-builder configuration', () => {
  it('Windows: an NSIS x64 installer in Chinese, folder choice, desktop and start-menu shortcuts, data kept on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      shortcutName: '议事',
      language: '2052',
      installerLanguages: ['zh_CN'],
      multiLanguageInstaller: false,
      deleteAppDataOnUninstall: false,
    });
  });

  it('Linux: deb and AppImage for x64 and arm64', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('ships the fonts, unpacks the native module, never rebuilds it, and `npm run dist` uses this file', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/fonts', to: 'fonts', filter: ['**/*', '!build-fonts.sh'] }]);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/prebuilds/*.node');
    expect(config).toMatchObject({ asar: true, npmRebuild: false, nodeGypRebuild: false, buildDependenciesFromSource: false });
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toMatch(/npm run build && electron-builder/);
    // Renderer-only packages are bundled by vite and must not be packed as runtime dependencies.
    for (const dev of ['react', 'react-dom', 'pdfjs-dist', 'electron']) expect(pkg.dependencies[dev]).toBeUndefined();
  });
});

describe.skipIf(!built)(`the packed app (electron-builder --dir, stand-in Electron)${why}`, () => {
  const out = path.join(work, 'linux');
  const asarOf = (dir: string) => path.join(out, dir, 'resources/app.asar');
  let files: string[] = [];

  beforeAll(() => {
    const dist = path.join(work, 'electron-dist-linux');
    fs.mkdirSync(path.join(dist, 'resources'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dist, 'version'), '45.4.1');
    const r = electronBuilder(['--linux', 'dir', '--x64', '--arm64', `-c.electronDist=${dist}`, `-c.directories.output=${out}`]);
    if (r.status !== 0) throw new Error(`electron-builder failed:\n${r.output.slice(-3000)}`);
    files = asar.listPackage(asarOf('linux-unpacked'));
  }, 300_000);

  it('holds the build, the manifest and the production dependencies, and nothing of the sources or dev tools', () => {
    for (const f of ['/package.json', '/out/main/index.js', '/out/main/serve.js', '/out/preload/index.js', '/out/renderer/index.html']) expect(files).toContain(f);
    expect(files.filter((f) => /^\/(src-main|src-renderer|tests|docs|scripts|resources)\b/.test(f))).toEqual([]);
    const packed = new Set(files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean));
    for (const dep of Object.keys(pkg.dependencies)) expect(packed.has(dep), dep).toBe(true);
    for (const dev of ['electron', 'vitest', 'typescript', 'eslint', 'react', 'pdfjs-dist', 'electron-builder', 'playwright-core', 'vite']) expect(packed.has(dev), dev).toBe(false);
    expect(files.filter((f) => /\/better-sqlite3\/(src|deps|build)\//.test(f))).toEqual([]); // no C sources
  });

  it('ships every bundled font beside the asar (process.resourcesPath/fonts)', () => {
    for (const dir of ['linux-unpacked', 'linux-arm64-unpacked']) {
      expect(fs.readdirSync(path.join(out, dir, 'resources/fonts')).sort()).toEqual([...FONTS].sort());
    }
  });

  it('better-sqlite3: only Linux prebuilds, for both architectures, unpacked from the asar', () => {
    for (const dir of ['linux-unpacked', 'linux-arm64-unpacked']) {
      const unpacked = path.join(out, dir, 'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds');
      expect(fs.readdirSync(unpacked).sort()).toEqual(['linux-arm64.node', 'linux-x64.node', 'linuxmusl-arm64.node', 'linuxmusl-x64.node']);
    }
  });

  it('runs: the packed main code finds all its modules and loads the packed native module (Node-API, as in Electron)', async () => {
    const app = path.join(work, 'extracted');
    asar.extractAll(asarOf('linux-unpacked'), app);
    const dataDir = path.join(work, 'data');
    const child = spawn(process.execPath, [path.join(app, 'out/main/serve.js'), '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: '', YISHI_RESOURCES_DIR: path.join(out, 'linux-unpacked/resources') },
      cwd: work, // not the repository: nothing may be found there by accident
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d.toString()));
    child.stderr.on('data', (d) => (text += d.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await expect.poll(() => /(http:\/\/127\.0\.0\.1:\d+)\/#\/console\?token=([0-9a-f]+)/.exec(text), { timeout: 60_000 }).not.toBeNull();
      const [, base, token] = /(http:\/\/127\.0\.0\.1:\d+)\/#\/console\?token=([0-9a-f]+)/.exec(text)!;
      const r = await fetch(`${base}/api/cmd/system.info`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
      expect(await r.json()).toMatchObject({ ok: true, value: { dataDir } });
      expect((await fetch(`${base}/`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(fs.existsSync(path.join(dataDir, 'yishi.sqlite'))).toBe(true);
  });
});

describe.skipIf(!built)(`the Windows packing (electron-builder --win dir, stand-in electron.exe)${why}`, () => {
  it('packs only the Windows prebuilds, the fonts and yishi.exe', () => {
    // A stand-in electron.exe: an empty PE with version info (electron-builder writes the asar's
    // integrity hash into it), made with the PE libraries electron-builder itself uses.
    const builderRequire = createRequire(requireHere.resolve('app-builder-lib/package.json'));
    const PE = builderRequire('pe-library') as typeof import('pe-library');
    const ResEdit = builderRequire('resedit') as typeof import('resedit');
    const exe = PE.NtExecutable.createEmpty(false, false);
    const res = PE.NtExecutableResource.from(exe);
    const vi = ResEdit.Resource.VersionInfo.createEmpty();
    vi.setFileVersion(45, 4, 1, 0, 1033);
    vi.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron' });
    vi.outputToResourceEntries(res.entries);
    res.outputResource(exe);
    const dist = path.join(work, 'electron-dist-win');
    fs.mkdirSync(path.join(dist, 'resources'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'electron.exe'), Buffer.from(exe.generate()));
    fs.writeFileSync(path.join(dist, 'version'), '45.4.1');
    const out = path.join(work, 'win');
    // signAndEditExecutable needs rcedit through wine on Linux: a Windows build machine does it.
    const r = electronBuilder(['--win', 'dir', '--x64', `-c.electronDist=${dist}`, `-c.directories.output=${out}`, '-c.win.signAndEditExecutable=false']);
    if (r.status !== 0) throw new Error(`electron-builder failed:\n${r.output.slice(-3000)}`);
    const app = path.join(out, 'win-unpacked');
    expect(fs.existsSync(path.join(app, 'yishi.exe'))).toBe(true);
    expect(fs.readdirSync(path.join(app, 'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds')).sort()).toEqual(['win32-arm64.node', 'win32-x64.node']);
    expect(fs.readdirSync(path.join(app, 'resources/fonts')).sort()).toEqual([...FONTS].sort());
    expect(asar.listPackage(path.join(app, 'resources/app.asar'))).toContain('/out/main/index.js');
  }, 300_000);
});
