// Pieces of `npm run bench`: percentiles, the server's memory, a child process that prints a URL,
// the plain WebSocket echo baselines measured with the same number of clients (round trips, and the
// closed loop of the ingest), the few helpers that
// speak the terminal protocol (docs/terminal-protocol.md: the one place to adapt when frames change),
// and a count of the commits in a WAL file.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

/**
 * Before each timed window the bench collects its own garbage (when started with --expose-gc, as
 * `npm run bench` is, with a young generation large enough for a window) and waits for the
 * collector's background threads to finish: the simulated terminals are 3000 devices in one
 * process, and their collector's pauses are not the server's latency. The echo baselines are
 * measured the same way.
 */
const gc = (globalThis as { gc?: () => void }).gc;
export const benchCollectsGarbage = gc !== undefined;
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export async function settle(): Promise<void> {
  gc?.();
  await sleep(SETTLE_MS);
}
const SETTLE_MS = 300;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[idx]! * 100) / 100;
}

/**
 * CPU time the hypervisor gave to others while this machine's CPUs wanted to run (steal, all CPUs
 * together, ms; /proc/stat counts it in 1/100 s). A window with steal had stalls no program here caused.
 */
export function stealMs(): number {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    return Number(cpu[8] ?? 0) * 10;
  } catch {
    return 0;
  }
}

export function rssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** Every child still running: a bench that fails (or is stopped) takes its servers with it. */
const children = new Set<ChildProcess>();
process.once('exit', () => children.forEach((c) => c.kill('SIGKILL')));

/** Spawns a Node child and resolves with the first stdout match of `pattern`. */
export function spawnUntil(args: string[], pattern: RegExp): Promise<{ proc: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(proc);
    proc.once('exit', () => children.delete(proc));
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) {
        proc.stdout!.off('data', onData);
        resolve({ proc, match: m });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d) => (out += d.toString()));
    proc.once('exit', (code) => reject(new Error(`child exited (${code}) before it was ready:\n${out}`)));
  });
}

/**
 * n open clients, connected in waves of 250 (a fresh server's accept queue holds 511; thousands of
 * handshakes at once were sometimes reset); a connection reset during its handshake is tried again.
 */
export async function connectMany(url: string, n: number): Promise<WebSocket[]> {
  const one = (attempt = 0): Promise<WebSocket> =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const failed = (e: Error): void => {
        if (attempt < 3) void sleep(100).then(() => one(attempt + 1)).then(resolve, reject);
        else reject(e);
      };
      ws.once('error', failed);
      ws.once('open', () => {
        ws.off('error', failed); // an error once open stops the bench, as before
        resolve(ws);
      });
    });
  const all: WebSocket[] = [];
  for (let i = 0; i < n; i += 250) all.push(...(await Promise.all(Array.from({ length: Math.min(250, n - i) }, () => one()))));
  return all;
}

/**
 * Every client sends once at a random moment within `spreadMs`; returns each round trip in ms. The
 * moments are fixed from a start just after every listener and timer is set up, so the first sends
 * do not all leave together once the setup of the others is done.
 */
export function roundTrips(clients: WebSocket[], spreadMs: number, send: (ws: WebSocket, i: number) => void, isAnswer: (data: string, i: number) => boolean): Promise<number[]> {
  const start = performance.now() + START_AFTER_MS;
  return Promise.all(
    clients.map(
      (ws, i) =>
        new Promise<number>((resolve) => {
          let sentAt = 0;
          const onMessage = (data: WebSocket.RawData) => {
            const at = performance.now(); // received: the check below is the bench's own work
            if (sentAt && isAnswer(data.toString(), i)) {
              ws.off('message', onMessage);
              resolve(at - sentAt);
            }
          };
          ws.on('message', onMessage);
          setTimeout(() => {
            sentAt = performance.now();
            send(ws, i);
          }, start + Math.random() * spreadMs - performance.now());
        }),
    ),
  );
}

/** Time to set up 3000 clients' listeners and timers before the first send. */
const START_AFTER_MS = 50;

/** Child-process script for the baseline: a plain ws echo server on loopback. */
export const ECHO_SERVER_SOURCE = `
const { WebSocketServer } = require(${JSON.stringify(require.resolve('ws'))});
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('connection', (ws) => ws.on('message', (d) => ws.send(d.toString())));
wss.on('listening', () => console.log('ECHO ' + wss.address().port));
`;

/**
 * Child-process script for the durable floor: the same echo, but each turn's frames are appended to a
 * file and answered only after its fsync (off the event loop), the next turn's after that: the app's
 * group commit without SQLite, validation or sealing. argv[1]: the file (on the data folder's disk).
 */
export const DURABLE_ECHO_SERVER_SOURCE = `
const fs = require('node:fs');
const { WebSocketServer } = require(${JSON.stringify(require.resolve('ws'))});
const fd = fs.openSync(process.argv[1], 'w');
let queue = [], scheduled = false, syncing = false;
const schedule = () => {
  if (scheduled || syncing || queue.length === 0) return;
  scheduled = true;
  setImmediate(flush);
};
const flush = () => {
  scheduled = false;
  const batch = queue;
  queue = [];
  fs.writeSync(fd, batch.map((b) => b[1]).join('\\n') + '\\n');
  syncing = true;
  fs.fsync(fd, (e) => {
    if (e) throw e;
    syncing = false;
    for (const [ws, d] of batch) ws.send(d);
    schedule();
  });
};
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('connection', (ws) => ws.on('message', (d) => { queue.push([ws, d.toString()]); schedule(); }));
wss.on('listening', () => console.log('ECHO ' + wss.address().port));
`;

/**
 * Child-process script for the fan-out floor: on "go" from any client, one prebuilt WebSocket text
 * frame (argv[1]: its payload) is written to every connected client's TCP socket, as the app's
 * server writes a broadcast; anything else is echoed (the warm-up).
 */
export const FANOUT_SERVER_SOURCE = `
const fs = require('node:fs');
const { WebSocketServer } = require(${JSON.stringify(require.resolve('ws'))});
const payload = fs.readFileSync(process.argv[1]);
const head = payload.length < 126 ? Buffer.from([0x81, payload.length]) : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 255]);
const frame = Buffer.concat([head, payload]);
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('connection', (ws) => ws.on('message', (d) => {
  if (d.toString() === 'go') for (const c of wss.clients) c._socket.write(frame);
  else ws.send(d.toString());
}));
wss.on('listening', () => console.log('ECHO ' + wss.address().port));
`;

/** Runs `measure` with n clients connected to a fresh reference server (`script` and its arguments: one of the sources above) in its own process. */
async function withReferenceServer<T>(script: string[], n: number, measure: (clients: WebSocket[]) => Promise<T>): Promise<T> {
  const { proc, match } = await spawnUntil(['-e', ...script], /ECHO (\d+)/);
  try {
    const clients = await connectMany(`ws://127.0.0.1:${match[1]}`, n);
    // Warm, as the app's server is by the time it is measured: one echo per client first.
    await Promise.all(clients.map((ws) => new Promise((r) => (ws.once('message', r), ws.send('{"type":"ping"}')))));
    await settle();
    const result = await measure(clients);
    for (const c of clients) c.terminate();
    return result;
  } finally {
    proc.kill('SIGKILL');
  }
}

/** Round trips of n clients sending once each within spreadMs to an echo server (durable when `file` is given). */
export function echoBaseline(n: number, spreadMs: number, file?: string): Promise<number[]> {
  return withReferenceServer(file ? [DURABLE_ECHO_SERVER_SOURCE, file] : [ECHO_SERVER_SOURCE], n, (clients) =>
    roundTrips(
      clients,
      spreadMs,
      (ws, i) => ws.send(JSON.stringify({ type: 'cmd', id: i, name: 'echo', input: { ballotId: 1, choice: 'yes', pressSeq: 1 } })),
      () => true,
    ),
  );
}

/**
 * The fan-out floor: n clients of a plain server that writes the same frame (`payload`, e.g. the
 * app's announced state) to each of them on one trigger; each round, every client's time from the
 * trigger until it has received and checked the frame, as the bench checks the app's broadcast.
 */
export function fanoutFloor(n: number, payload: string, dir: string, rounds: number): Promise<number[][]> {
  const file = path.join(dir, 'fanout-frame.json');
  fs.writeFileSync(file, payload);
  const type = (JSON.parse(payload) as { type: string }).type;
  return withReferenceServer([FANOUT_SERVER_SOURCE, file], n, async (clients) => {
    const out: number[][] = [];
    for (let round = 0; round < rounds; round++) {
      await settle();
      let t0 = 0; // as for the app: the clock starts as the trigger leaves, after the listeners are set
      const shown = clients.map((ws) => waitForFrame(ws, (f) => f.type === type).then(() => performance.now() - t0));
      t0 = performance.now();
      clients[0]!.send('go');
      out.push(await Promise.all(shown));
    }
    return out;
  });
}

/**
 * Every client sends, waits for the answer and sends again, for `seconds` (ingest). `commands`: the
 * answer is the `result` frame of the command (a refusal stops the bench); otherwise any frame back
 * answers (the echo). Returns the answered frames and each client's last answered seq.
 */
export async function closedLoop(clients: WebSocket[], seconds: number, frame: (id: number, seq: number) => string, commands: boolean): Promise<{ acked: number; last: number[]; ms: number }> {
  const last = clients.map(() => 0);
  let acked = 0;
  await settle();
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  return new Promise((resolve) => {
    let running = clients.length;
    clients.forEach((ws, i) => {
      let seq = 0;
      const id = () => 9_000_000 + i * 1000 + (seq % 1000);
      const send = () => {
        seq++;
        ws.send(frame(id(), seq));
      };
      const onMessage = (data: WebSocket.RawData) => {
        const f = parseFrame(data);
        if (commands) {
          const r = resultOf(f, id());
          if (!r) return;
          if (!r.ok) throw new Error(`press refused: ${r.error?.message}`);
        }
        acked++;
        last[i] = seq;
        if (performance.now() < until) return send();
        ws.off('message', onMessage);
        if (--running === 0) resolve({ acked, last, ms: performance.now() - t0 });
      };
      ws.on('message', onMessage);
      send();
    });
  });
}

/** The ingest's transport ceiling: the same closed loop against the plain echo server (frames per second). */
export function echoIngest(n: number, seconds: number): Promise<number> {
  return withReferenceServer([ECHO_SERVER_SOURCE], n, async (clients) => {
    const run = await closedLoop(clients, seconds, (id, seq) => cmdFrame(id, 'terminal.vote', { ballotId: 1, choice: seq % 2 ? 'no' : 'yes', pressSeq: seq }), false);
    return Math.round(run.acked / (run.ms / 1000));
  });
}

// ---- the terminal protocol, as the bench uses it --------------------------------------------

// biome-ignore lint: frames are checked by the helpers below
export type Frame = any;

/**
 * A frame as a terminal reads it. A broadcast writes the same bytes to most sockets (server/state-frames.ts:
 * one shared frame), so the frame last parsed is kept and the same bytes again are not parsed again:
 * 3000 simulated terminals share this process's one core, where a real hall has 3000 devices.
 * Callers only read the frames.
 */
let lastBytes: Buffer | null = null;
let lastFrame: Frame = null;
export function parseFrame(data: WebSocket.RawData | string): Frame {
  if (!Buffer.isBuffer(data)) return JSON.parse(data.toString());
  if (lastBytes && data.equals(lastBytes)) return lastFrame;
  lastFrame = JSON.parse(data.toString());
  lastBytes = data;
  return lastFrame;
}

/** A command frame (answered by a `result` frame with the same id). */
export function cmdFrame(id: number, name: string, input: unknown): string {
  return JSON.stringify({ type: 'cmd', id, name, input });
}

/** The Result of command `id`, when this frame is its answer. */
export function resultOf(f: Frame, id: number): { ok: boolean; value?: Frame; error?: { code: string; message: string } } | null {
  return f?.type === 'result' && f.id === id ? f.result : null;
}

/** The ballot in focus of a pushed state (terminal or big screen), or null. */
export function ballotOf(f: Frame): { id: number; state: string; result: unknown } | null {
  return f?.type === 'state' ? (f.state?.ballot ?? null) : null;
}

export function helloFrame(role: 'display' | 'terminal' | 'console', token?: string): string {
  return JSON.stringify(token === undefined ? { type: 'hello', role } : { type: 'hello', role, token });
}

/** Resolves when a frame on this socket satisfies pred. */
export function waitForFrame(ws: WebSocket, pred: (f: Frame) => boolean): Promise<Frame> {
  return new Promise((resolve) => {
    const on = (d: WebSocket.RawData) => {
      const f = parseFrame(d);
      if (pred(f)) {
        ws.off('message', on);
        resolve(f);
      }
    };
    ws.on('message', on);
  });
}

let nextId = 1;
/** Runs one command over a socket and resolves with its Result. */
export function wsCall(ws: WebSocket, name: string, input: unknown): Promise<{ ok: boolean; value?: Frame; error?: { code: string; message: string } }> {
  const id = nextId++;
  const answer = waitForFrame(ws, (f) => resultOf(f, id) !== null).then((f) => resultOf(f, id)!);
  ws.send(cmdFrame(id, name, input));
  return answer;
}

// ---- WAL ------------------------------------------------------------------------------------

/**
 * Commits recorded in a WAL file since it was last reset: frames whose salts match the header's and
 * whose "database size after commit" is set. (WAL format: 32-byte header, then 24-byte frame headers
 * each followed by one page.)
 */
export function walCommits(walFile: string): number {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(walFile);
  } catch {
    return 0;
  }
  if (buf.length < 32) return 0;
  const pageSize = buf.readUInt32BE(8);
  const salt1 = buf.readUInt32BE(16);
  const salt2 = buf.readUInt32BE(20);
  let commits = 0;
  for (let off = 32; off + 24 + pageSize <= buf.length; off += 24 + pageSize) {
    if (buf.readUInt32BE(off + 8) !== salt1 || buf.readUInt32BE(off + 12) !== salt2) break;
    if (buf.readUInt32BE(off + 4) !== 0) commits++;
  }
  return commits;
}
