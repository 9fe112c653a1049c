// Starts the real headless server (`node out/main/serve.js`, the build of `npm run serve`) on a
// fresh or given data dir, as a child process, and reads the console URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVE_JS = path.join(ROOT, 'out/main/serve.js');

export interface ServeProcess {
  proc: ChildProcess;
  dataDir: string;
  port: number;
  baseUrl: string;
  consoleUrl: string;
  adminToken: string;
  output: () => string;
  /** Graceful stop (SIGTERM), waiting for exit. */
  stop(): Promise<void>;
  /** Crash: SIGKILL, no chance to clean up. */
  kill(): Promise<void>;
  /** Calls an admin command over HTTP and returns the Result. */
  cmd<T = unknown>(name: string, input?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>;
  /** Like cmd, but throws on failure. */
  must<T = unknown>(name: string, input?: unknown): Promise<T>;
}

export function tempDataDir(prefix = 'yishi-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * `fileSizeLimit`: the largest file (in bytes, a multiple of 512) the server may write, set by the
 * shell's `ulimit -f` before it becomes the server (a write beyond it fails with EFBIG: Node ignores
 * SIGXFSZ), as root too — a disk that runs out of space at a known point. `nodeArgs`: Node's and V8's
 * own options, before the script.
 */
export async function startServe(opts: { dataDir?: string; port?: number; extraArgs?: string[]; nodeArgs?: string[]; env?: Record<string, string>; fileSizeLimit?: number } = {}): Promise<ServeProcess> {
  if (!fs.existsSync(SERVE_JS)) throw new Error(`${SERVE_JS} is missing: run \`npm run build\` first (npm test does)`);
  const dataDir = opts.dataDir ?? tempDataDir();
  const command = [process.execPath, ...(opts.nodeArgs ?? []), SERVE_JS, '--data-dir', dataDir, '--port', String(opts.port ?? 0), '--host', '127.0.0.1', ...(opts.extraArgs ?? [])];
  const limited = opts.fileSizeLimit === undefined ? command : ['/bin/sh', '-c', 'ulimit -f "$0" && exec "$@"', String(Math.floor(opts.fileSizeLimit / 512)), ...command];
  const proc = spawn(limited[0]!, limited.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d.toString()));
  proc.stderr!.on('data', (d) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const consoleUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${out}`)), 20_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#\/console\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const url = new URL(consoleUrl);
  const port = Number(url.port);
  const adminToken = /token=([0-9a-f]+)/.exec(consoleUrl)![1]!;
  const baseUrl = `http://127.0.0.1:${port}`;
  // A fresh connection per call (no keep-alive): a pooled socket that the server closes while idle,
  // or one left from a server killed on the same port, would otherwise fail a call now and then.
  const cmd: ServeProcess['cmd'] = (name, input) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input ?? {});
      const req = http.request(
        `${baseUrl}/api/cmd/${name}`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${adminToken}` } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => {
            try {
              resolve(JSON.parse(text) as never);
            } catch (e) {
              reject(e);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return {
    proc,
    dataDir,
    port,
    baseUrl,
    consoleUrl,
    adminToken,
    output: () => out,
    cmd,
    async must<T>(name: string, input?: unknown): Promise<T> {
      const r = await cmd<T>(name, input);
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}
