// `node scripts/fetch-electron.cjs <electron package dir>`: fetches the Electron binary that
// `npm install` did not (electron 45 has no install script; it downloads on the first
// require('electron'), which start.cjs avoids). Run by start.cjs as a child process.
//
// 1. @electron/get downloads the zip into its cache, checked against the package's checksums.json,
//    printing progress. It honours ELECTRON_MIRROR / ELECTRON_CUSTOM_DIR (and npm's
//    electron_mirror setting); HTTPS_PROXY / HTTP_PROXY / NO_PROXY (or npm's proxy settings) go
//    through Node's own proxy support (NODE_USE_ENV_PROXY, set by start.cjs).
// 2. electron's own install.js then finds the zip in that cache, unpacks it into dist/ and writes
//    path.txt, exactly as a normal install would.
// Gives up when no byte arrives for YISHI_ELECTRON_STALL_TIMEOUT seconds (default 30: an offline
// machine is not kept waiting); start.cjs enforces the overall limit. Exit 0 when installed.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'node_modules', 'electron'));
const { version } = require(path.join(dir, 'package.json'));
const stallSeconds = Number(process.env.YISHI_ELECTRON_STALL_TIMEOUT) || 30;

/** The error's own words, down to the network cause (fetch hides it in `cause`). */
function reason(e) {
  let msg = e && e.message ? e.message : String(e);
  for (let c = e && e.cause; c; c = c.cause) msg = c.message || c.code || msg;
  return msg.split('\n')[0];
}

async function main() {
  const { downloadArtifact } = require(require.resolve('@electron/get', { paths: [dir, ROOT] }));
  const stall = new AbortController();
  let timer;
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stall.abort(new Error(`${stallSeconds} 秒内没有收到任何数据`)), stallSeconds * 1000);
  };
  alive();
  let shown = -1;
  const progress = ({ transferred, total, percent }) => {
    alive();
    const step = Math.floor(percent * 10);
    if (!process.stdout.isTTY && step === shown) return;
    shown = step;
    const mb = (n) => (n / 1048576).toFixed(1);
    const text = `正在下载 Electron ${version}：${Math.round(percent * 100)}%（${mb(transferred)}${total ? ` / ${mb(total)}` : ''} MB）`;
    process.stdout.write(process.stdout.isTTY ? `\r${text}` : `${text}\n`);
  };
  try {
    await downloadArtifact({
      version,
      artifactName: 'electron',
      platform: process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform,
      arch: process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch,
      cacheRoot: process.env.electron_config_cache,
      checksums: require(path.join(dir, 'checksums.json')),
      downloadOptions: { quiet: true, signal: stall.signal, getProgressCallback: progress },
    });
  } finally {
    clearTimeout(timer);
    if (process.stdout.isTTY && shown >= 0) process.stdout.write('\n');
  }
  // Unpack with electron's own installer (it finds the zip in the cache).
  const nodePath = [path.join(ROOT, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, NODE_PATH: nodePath }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`解压失败：${(r.stderr || '').trim().split('\n')[0] || `退出码 ${r.status}`}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`FETCH-FAILED ${reason(e)}`);
    process.exit(1);
  },
);
