// `npm start` (after `npm run build`): the desktop app when the Electron binary is installed. When it
// is not (electron 45 downloads it only on the first require('electron'), which we avoid), it is
// fetched first (scripts/fetch-electron.cjs: ELECTRON_MIRROR and the proxy variables honoured, a
// progress line, a time limit). Only when that fails does the same app run headless
// (out/main/serve.js, which prints the console URL), with one line saying why.
// `npm start -- --headless` or YISHI_HEADLESS=1 skips Electron altogether.
// Children run under process.execPath: the Node 22 that npm put first on PATH (node_modules/.bin).
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { electronPackageDir, findElectronBinary } = require('./electron-binary.cjs');

const ROOT = path.resolve(__dirname, '..');
const headless = process.argv.includes('--headless') || process.env.YISHI_HEADLESS === '1';
const args = process.argv.slice(2).filter((a) => a !== '--headless');
const LIMIT_SECONDS = Number(process.env.YISHI_ELECTRON_DOWNLOAD_TIMEOUT) || 600;

function run(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env, windowsHide: false });
  // Ctrl+C reaches the child directly (same terminal); SIGTERM and SIGHUP sent to this process are
  // passed on, so the server closes its database cleanly.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGHUP', () => child.kill('SIGTERM'));
  // `npm start` killed with SIGTERM stops its shell but not us: when we are orphaned, stop too.
  const parent = process.ppid;
  if (process.platform !== 'win32') {
    setInterval(() => {
      if (process.ppid !== parent) child.kill('SIGTERM');
    }, 1000).unref();
  }
  child.on('error', (e) => {
    console.error(`无法启动 ${command}：${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Proxy settings as npm has them (npm config proxy / https-proxy) count as the usual variables too. */
function fetchEnv() {
  const env = { ...process.env };
  env.HTTPS_PROXY ??= env.https_proxy ?? env.npm_config_https_proxy ?? env.npm_config_proxy;
  env.HTTP_PROXY ??= env.http_proxy ?? env.npm_config_proxy;
  env.NO_PROXY ??= env.no_proxy ?? env.npm_config_noproxy;
  for (const k of ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']) if (!env[k]) delete env[k];
  if (env.HTTPS_PROXY || env.HTTP_PROXY) env.NODE_USE_ENV_PROXY = '1'; // Node's fetch then uses them
  return env;
}

/** Resolves to null when the binary is now installed, else to the reason it is not (one line). */
function fetchElectron(dir) {
  const { version } = require(path.join(dir, 'package.json'));
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror;
  console.log(
    `未找到 Electron 可执行文件，正在下载 Electron ${version}（${mirror ? `镜像 ${mirror}` : '默认来源 GitHub；国内可设置 ELECTRON_MIRROR，见 README'}，最长 ${LIMIT_SECONDS} 秒）…`,
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'fetch-electron.cjs'), dir], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'pipe'],
      env: fetchEnv(),
      timeout: LIMIT_SECONDS * 1000,
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d.toString()));
    child.on('error', (e) => resolve(e.message));
    child.on('exit', (code, signal) => {
      if (code === 0 && findElectronBinary(dir)) return resolve(null);
      if (signal) return resolve(`超过 ${LIMIT_SECONDS} 秒仍未下载完成`);
      const line = err.split('\n').find((l) => l.startsWith('FETCH-FAILED '));
      resolve(line ? line.slice('FETCH-FAILED '.length) : err.trim().split('\n').pop() || `退出码 ${code}`);
    });
  });
}

function startElectron(electron) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  run(electron, [ROOT, ...args], env);
}

function startHeadless(why) {
  console.log(`${why}，改为启动无界面服务器：`);
  run(process.execPath, [path.join(ROOT, 'out', 'main', 'serve.js'), ...args], process.env);
}

async function main() {
  if (headless) return startHeadless('按要求不启动桌面应用（--headless）');
  const dir = electronPackageDir();
  const found = findElectronBinary(dir);
  if (found) return startElectron(found);
  if (!dir) return startHeadless('未安装 electron 包（npm install 未完成？）');
  const failed = await fetchElectron(dir);
  const now = failed === null ? findElectronBinary(dir) : null;
  if (now) return startElectron(now);
  startHeadless(`无法下载 Electron（${failed ?? '下载后仍找不到可执行文件'}）`);
}

void main();
