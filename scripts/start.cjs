// `npm start` (after `npm run build`): the desktop app when the Electron binary is installed,
// otherwise the same app headless (out/main/serve.js), which prints the console URL.
// Children run under process.execPath: the Node 22 that npm put first on PATH (node_modules/.bin).
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { findElectronBinary } = require('./electron-binary.cjs');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);

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

const electron = findElectronBinary();
if (electron) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  run(electron, [ROOT, ...args], env);
} else {
  console.log('未找到 Electron 可执行文件（Electron binary not installed），改为启动无界面服务器：');
  run(process.execPath, [path.join(ROOT, 'out', 'main', 'serve.js'), ...args], process.env);
}
