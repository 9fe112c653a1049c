// A plain Node client of the live protocol (docs/terminal-protocol.md, src-main/shared/protocol.ts),
// used by the benchmark and the tests to stand in for terminals, the big screen or the console.
// Frames and their shapes come from the shared protocol module; commands are typed by the one
// command map (api/commands/index.ts).
import WebSocket from 'ws';
import type { CommandInput, CommandName, CommandOutput } from '../api/commands/index';
import type { ClientFrame, LiveRole, ServerFrame } from '../shared/protocol';
import { applyProgress, applyState, parseServerFrame } from '../shared/protocol';
import type { Result } from '../shared/result';

export type Frame = ServerFrame & { [k: string]: unknown };

export class TerminalClient {
  readonly frames: Frame[] = [];
  /** The latest state of this socket's role (progress and `me` frames applied). */
  state: any = null;
  pairingNumber = '';
  private nextId = 1;
  private pending = new Map<number, (r: Result<unknown>) => void>();
  private waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data) => {
      const f = parseServerFrame(data.toString()) as Frame | null;
      if (!f) return;
      this.frames.push(f);
      this.apply(f);
      this.waiters = this.waiters.filter((w) => (w.pred(f) ? (w.resolve(f), false) : true));
    });
  }

  private apply(f: ServerFrame): void {
    switch (f.type) {
      case 'welcome':
        this.pairingNumber = f.pairingNumber;
        return;
      case 'state':
        this.state = applyState(this.state, f.state);
        return;
      case 'me':
        if (this.state) this.state = { ...this.state, me: f.me };
        return;
      case 'progress':
      case 'sheet-progress':
        if (this.state) this.state = applyProgress(this.state, f);
        return;
      case 'result':
        if (typeof f.id === 'number') {
          this.pending.get(f.id)?.(f.result);
          this.pending.delete(f.id);
        }
        return;
      default:
        return;
    }
  }

  /** `localAddress`: connect from this address of the machine (tests stand in for many LAN devices). */
  static connect(url: string, opts: { localAddress?: string } = {}): Promise<TerminalClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, ...opts });
      const client = new TerminalClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  /** Sends a frame as is: a protocol frame, or (tests) any value or text. */
  send(frame: ClientFrame | unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Runs a command of the one command map and resolves with its Result. */
  cmd<K extends CommandName>(name: K, input?: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
    return this.call(name, input ?? {}) as Promise<Result<CommandOutput<K>>>;
  }

  /** Like cmd, for names and inputs that are not checked at compile time (tests of refusals). */
  call(name: string, input: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'cmd', id, name, input });
    });
  }

  /** Waits for a frame (already received or future) that matches. */
  waitFor(pred: (f: Frame) => boolean, timeoutMs = 10_000, includePast = false): Promise<Frame> {
    if (includePast) {
      const past = this.frames.find(pred);
      if (past) return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for a frame; last: ${JSON.stringify(this.frames.slice(-3)).slice(0, 500)}`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  /** Waits until the latest state satisfies pred. */
  async waitForState(pred: (s: any) => boolean, timeoutMs = 10_000): Promise<any> {
    if (this.state && pred(this.state)) return this.state;
    const changesState = (t: string) => t === 'state' || t === 'me' || t === 'progress' || t === 'sheet-progress';
    // The state as held when it matched (a state frame without `me` keeps the `me` held).
    let matched: any = null;
    await this.waitFor((x) => {
      if (!changesState(x.type) || !this.state || !pred(this.state)) return false;
      matched = this.state;
      return true;
    }, timeoutMs);
    return matched;
  }

  async hello(role: LiveRole, token?: string): Promise<Frame> {
    const answer = this.waitFor((f) => f.type === 'hello-ok' || f.type === 'error');
    this.send({ type: 'hello', role, token });
    return answer;
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }
}
