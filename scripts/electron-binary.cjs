// Where the Electron executable is, or null when it is not installed — WITHOUT require('electron'):
// electron 45's index.js tries to download the binary when node_modules/electron/dist is missing
// (and throws "Electron failed to install correctly" when that fails), which must not happen on an
// offline machine. This reads the same path.txt + dist/ the package uses, and never downloads.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** node_modules/electron, or YISHI_ELECTRON_PACKAGE_DIR (tests point it at a copy, never at the real one). */
function electronPackageDir() {
  if (process.env.YISHI_ELECTRON_PACKAGE_DIR) return path.resolve(process.env.YISHI_ELECTRON_PACKAGE_DIR);
  try {
    return path.dirname(require.resolve('electron/package.json', { paths: [path.resolve(__dirname, '..')] }));
  } catch {
    return null;
  }
}

/**
 * @param {string | null} [dir] node_modules/electron (found from the project root by default)
 * @returns {string | null} the absolute path of the Electron executable, if it exists on disk
 */
function findElectronBinary(dir = electronPackageDir()) {
  if (!dir) return null;
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH; // honoured like electron's own index.js
  const binary = override ? path.join(override, relative || 'electron') : relative ? path.join(dir, 'dist', relative) : null;
  return binary && fs.existsSync(binary) ? binary : null;
}

module.exports = { findElectronBinary, electronPackageDir };

if (require.main === module) {
  const found = findElectronBinary();
  console.log(found ?? 'Electron binary not installed');
  process.exitCode = found ? 0 : 1;
}
