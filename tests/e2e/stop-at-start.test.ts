// A stop (SIGTERM) sent the moment the headless server prints its first line is a clean stop: the
// server closes, exits 0, and leaves no run marker (app/run-marker.ts), so the next start reports no
// interrupted run. The handler is set before anything is printed (cli/serve.ts); before, a stop that
// came while the addresses were being printed ended the run unclosed, and a clean restart showed a
// notice of an interrupted run (seen once in CI in tests/e2e/interrupted-kept.test.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN_MARKER_FILE } from '../../src-main/app/run-marker';
import { SERVE_JS, tempDataDir } from '../helpers/server';

function stopOnFirstLine(dataDir: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [SERVE_JS, '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.once('data', () => proc.kill('SIGTERM'));
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

describe('a stop as soon as the server speaks', () => {
  it('closes the run cleanly, every time', async () => {
    const dataDir = tempDataDir('yishi-stop-at-start-');
    for (let i = 0; i < 5; i++) {
      const r = await stopOnFirstLine(dataDir);
      expect(r, r.out).toMatchObject({ code: 0, signal: null });
      expect(r.out).toContain('收到 SIGTERM，正在关闭…');
      expect(fs.existsSync(path.join(dataDir, RUN_MARKER_FILE))).toBe(false);
    }
  });
});
