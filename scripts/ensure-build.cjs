// Used by `npm run serve / verify / bench`: builds out/ once if it is missing (a fresh checkout).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
// Every entry of electron.vite.config.ts's main build.
const ENTRIES = ['index.js', 'serve.js', 'verify.js', 'bench.js', 'restore.js'].map((f) => path.join(ROOT, 'out', 'main', f));
const missing = () => ENTRIES.filter((f) => !fs.existsSync(f));

if (missing().length > 0) {
  console.log('未找到构建结果，正在构建（out/ missing, running electron-vite build）…');
  const pkg = require.resolve('electron-vite/package.json', { paths: [ROOT] });
  const cli = path.join(path.dirname(pkg), 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || missing().length > 0) {
    console.error('构建失败（electron-vite build failed）');
    process.exit(r.status || 1);
  }
}
