// A plain Node client of the terminal protocol (docs/terminal-protocol.md), used by the benchmark
// and the tests to stand in for terminals, the big screen or the console.
import WebSocket from 'ws';

export type Frame = { type: string; [k: string]: unknown };
type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };

export class TerminalClient {
  readonly frames: Frame[] = [];
  state: any = null;
  pairingNumber = '';
  private nextId = 1;
  private pending = new Map<number, (r: Result) => void>();
  private waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  closed: Promise<void>;

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('message', (data) => {
      const f = JSON.parse(data.toString()) as Frame;
      this.frames.push(f);
      if (f.type === 'welcome') this.pairingNumber = String(f.pairingNumber);
      if (f.type === 'state') this.state = f.state;
      if (f.type === 'progress' && this.state?.ballot && this.state.ballot.id === f.ballotId) this.state.ballot.voted = f.voted;
      if (f.type === 'result' && typeof f.id === 'number') {
        this.pending.get(f.id)?.(f.result as Result);
        this.pending.delete(f.id);
      }
      this.waiters = this.waiters.filter((w) => (w.pred(f) ? (w.resolve(f), false) : true));
    });
  }

  static connect(url: string): Promise<TerminalClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const client = new TerminalClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  cmd(name: string, input: unknown = {}): Promise<Result> {
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
    const f = await this.waitFor((x) => x.type === 'state' && pred(x.state), timeoutMs);
    return f.state;
  }

  async hello(role: 'terminal' | 'display' | 'console', token?: string): Promise<Frame> {
    const answer = this.waitFor((f) => f.type === 'hello-ok' || f.type === 'error');
    this.send({ type: 'hello', role, token });
    return answer;
  }

  close(): Promise<void> {
    this.ws.close();
    return this.closed;
  }
}
