import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Runs first in every entry of out/main/ (before any require): better-sqlite3 13 crashes Node < 22.14
// without a word, so a plain `node out/main/serve.js` under an old system Node stops with one Chinese
// line instead. Electron brings its own Node and is not checked. Plain ES5 so any Node can parse it.
export const NODE_GUARD = `(function () {
  if (process.versions.electron) return;
  var v = process.versions.node.split('.').map(Number);
  if (v[0] > 22 || (v[0] === 22 && v[1] >= 14)) return;
  console.error('议事需要 Node.js 22.14 或更高版本，当前为 ' + process.versions.node + '：请用 npm run serve / verify / restore 运行（项目自带 Node 22），不要直接用系统的 node。');
  process.exit(1);
})();`;

// Main-process bundles: the Electron entry plus the plain-Node entries (headless server, verify, bench, restore)
// that share the same code. Only src-main/electron/ imports 'electron'.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        output: { banner: (chunk) => (chunk.isEntry ? NODE_GUARD : '') },
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          serve: resolve(__dirname, 'src-main/cli/serve.ts'),
          verify: resolve(__dirname, 'src-main/cli/verify.ts'),
          bench: resolve(__dirname, 'src-main/cli/bench.ts'),
          'bench-memory': resolve(__dirname, 'src-main/cli/bench-memory.ts'),
          restore: resolve(__dirname, 'src-main/cli/restore.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/electron/preload.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
      },
    },
  },
});
