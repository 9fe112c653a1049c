// The WebSocket client shared by the terminal, the big screen and the console (docs/terminal-protocol.md).
// It connects to /ws on the page's host, says hello for its role, keeps the latest state (with the
// progress frames applied), runs commands with ids, pings every 15 s and reconnects by itself with
// backoff (0.5 s doubling to 5 s); after a reconnect it says hello again and gets a fresh state.
import { adminToken } from '../api';
import { applyProgress, parseFrame, type ClientFrame, type LiveRole, type Result, type ServerFrame, type StateByRole } from './protocol';
import { forgetTerminalToken, loadTerminalToken, saveTerminalToken } from './terminal-token';

export interface LiveSnapshotView<S> {
  /** The socket is open and the server has greeted us. */
  connected: boolean;
  /** Has been connected once: "正在重新连接…" rather than "正在连接…". */
  everConnected: boolean;
  /** The latest state for this role (kept while reconnecting, replaced by the fresh one). */
  state: S | null;
  /** A state frame has arrived (the console's state is null while no session is open). */
  hasState: boolean;
  /** The number this connection shows so the secretary can bind it (terminals). */
  pairingNumber: string | null;
  /** Why the server refused or dropped us, in Chinese (revoked seat, bad token…). */
  error: string | null;
  /** A terminal that holds a seat token (paired); always true for other roles. */
  identified: boolean;
  /** Server clock minus this clock, in ms: for countdowns. */
  clockOffsetMs: number;
}

export interface CmdOptions {
  /** Safe to repeat (e.g. terminal.vote with the same pressSeq): kept and resent after a reconnect. */
  resend?: boolean;
  /** Give up after this long without an answer (ignored when resend). Default 20 s. */
  timeoutMs?: number;
}

export interface LiveSource<S> {
  getSnapshot(): LiveSnapshotView<S>;
  subscribe(listener: () => void): () => void;
  cmd<T = unknown>(name: string, input: unknown, opts?: CmdOptions): Promise<Result<T>>;
  start(): void;
  stop(): void;
}

interface Pending {
  id: number;
  name: string;
  input: unknown;
  opts: CmdOptions;
  sent: boolean;
  resolve: (r: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

export const PING_INTERVAL_MS = 15_000;
/** A ping not answered within this long (or a connection not greeted within it) means a dead link. */
const ANSWER_TIMEOUT_MS = 10_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 5_000;

const failure = (message: string, code: 'INTERNAL' | 'UNAUTHORIZED' = 'INTERNAL'): Result<never> => ({ ok: false, error: { code, message } });

export function liveSocketUrl(): string {
  const proto = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${proto}://${window.location.host}/ws`;
}

export class LiveSocket<R extends LiveRole> implements LiveSource<StateByRole[R]> {
  private ws: WebSocket | null = null;
  private snapshot: LiveSnapshotView<StateByRole[R]>;
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private attempt = 0;
  private running = false;
  private ready = false; // greeted (and identified, when we say hello)
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastFrameAt = 0;
  private pingSentAt = 0;
  private connectStartedAt = 0;

  constructor(
    readonly role: R,
    private readonly url: string = liveSocketUrl(),
  ) {
    this.snapshot = {
      connected: false,
      everConnected: false,
      state: null,
      hasState: false,
      pairingNumber: null,
      error: null,
      identified: role !== 'terminal' || loadTerminalToken() !== null,
      clockOffsetMs: 0,
    };
  }

  getSnapshot = (): LiveSnapshotView<StateByRole[R]> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    if (this.running) return;
    this.running = true;
    window.addEventListener('online', this.wakeUp);
    document.addEventListener('visibilitychange', this.wakeUp);
    this.connect();
  }

  stop(): void {
    this.running = false;
    window.removeEventListener('online', this.wakeUp);
    document.removeEventListener('visibilitychange', this.wakeUp);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.dropSocket();
    this.snapshot = { ...this.snapshot, connected: false };
    for (const p of this.pending.values()) this.settle(p, failure('连接已关闭'));
  }

  cmd<T = unknown>(name: string, input: unknown, opts: CmdOptions = {}): Promise<Result<T>> {
    return new Promise<Result<T>>((resolve) => {
      const p: Pending = { id: this.nextId++, name, input, opts, sent: false, resolve: resolve as (r: Result<unknown>) => void, timer: null };
      if (!opts.resend) {
        p.timer = setTimeout(() => this.settle(p, failure('会议主机没有应答，请检查网络后重试')), opts.timeoutMs ?? 20_000);
      }
      this.pending.set(p.id, p);
      if (this.ready) this.send(p);
    });
  }

  /** Pairs this terminal with a one-time seat code; on success keeps the token and says hello. */
  async pair(code: string): Promise<Result<unknown>> {
    const r = await this.cmd<{ token: string }>('terminal.pair', { code });
    if (r.ok) this.adoptToken(r.value.token);
    return r;
  }

  /** Forgets this terminal's seat (e.g. "换座位" on a shared tablet). */
  unpair(): void {
    forgetTerminalToken();
    this.update({ identified: false, state: null, error: null });
    this.reconnectNow();
  }

  private adoptToken(token: string): void {
    saveTerminalToken(token);
    this.update({ identified: true, error: null });
    this.hello();
  }

  private wakeUp = (): void => {
    if (document.visibilityState === 'hidden' || !this.running) return;
    if (this.ws) {
      this.keepAlive(); // back from sleep: check the link now
      return;
    }
    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
      this.connect();
    }
  };

  private reconnectNow(): void {
    this.dropSocket();
    this.onClosed();
  }

  private connect(): void {
    if (!this.running) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.onClosed();
      return;
    }
    this.ws = ws;
    this.connectStartedAt = Date.now();
    this.lastFrameAt = 0;
    this.pingSentAt = 0;
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      this.lastFrameAt = Date.now();
      const frame = parseFrame(ev.data);
      if (frame) this.onFrame(frame);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.onClosed();
    };
    ws.onerror = () => {
      /* onclose follows */
    };
    this.pingTimer = setInterval(() => this.keepAlive(), PING_INTERVAL_MS);
    setTimeout(() => this.ws === ws && this.keepAlive(), ANSWER_TIMEOUT_MS + 100); // greeting overdue?
  }

  /** Pings when the last ping was answered; reconnects when a ping or the greeting is overdue. */
  private keepAlive(): void {
    const ws = this.ws;
    if (!ws) return;
    const now = Date.now();
    if (!this.snapshot.connected) {
      // A tablet that slept or a dead Wi-Fi link: the socket may never say it closed.
      if (now - this.connectStartedAt > ANSWER_TIMEOUT_MS) this.reconnectNow();
      return;
    }
    const unanswered = this.pingSentAt > this.lastFrameAt;
    if (unanswered) {
      if (now - this.pingSentAt > ANSWER_TIMEOUT_MS) this.reconnectNow();
      return;
    }
    if (ws.readyState === WebSocket.OPEN && this.raw({ type: 'ping' })) this.pingSentAt = now;
  }

  private dropSocket(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    const ws = this.ws;
    this.ws = null;
    this.ready = false;
    if (ws) {
      ws.onclose = null;
      ws.onmessage = null;
      try {
        ws.close();
      } catch {
        /* already closing */
      }
    }
  }

  private onClosed(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.ready = false;
    for (const p of this.pending.values()) {
      if (p.opts.resend) p.sent = false;
      else if (p.sent) this.settle(p, failure('与会议主机的连接已断开，请稍后重试'));
    }
    this.update({ connected: false });
    if (!this.running || this.reconnectTimer) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt);
    this.attempt++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private onFrame(f: ServerFrame): void {
    switch (f.type) {
      case 'welcome': {
        this.attempt = 0;
        const offset = Date.parse(f.serverTime) - Date.now();
        this.update({ connected: true, everConnected: true, pairingNumber: f.pairingNumber, clockOffsetMs: Number.isFinite(offset) ? offset : 0 });
        if (!this.hello()) this.becomeReady(); // an unpaired terminal may run terminal.pair at once
        return;
      }
      case 'hello-ok':
        this.update({ error: null, identified: true });
        this.becomeReady();
        return;
      case 'state':
        this.update({ state: f.state as StateByRole[R] | null, hasState: true });
        return;
      case 'progress': {
        const s = this.snapshot.state;
        if (s) {
          const next = applyProgress(s, f);
          if (next !== s) this.update({ state: next });
        }
        return;
      }
      case 'result': {
        const p = this.pending.get(f.id);
        if (p) this.settle(p, f.result);
        return;
      }
      case 'paired':
        this.adoptToken(f.token);
        return;
      case 'revoked':
        forgetTerminalToken();
        this.update({ identified: false, state: null, error: f.reason || '本座位已在另一台终端上登录' });
        return; // the server closes the socket; we reconnect unpaired
      case 'error':
        this.onRefused(f.error.code, f.error.message);
        return;
      case 'pong':
        return;
    }
  }

  /** Sends hello for this role; false for a terminal without a seat token (it stays silent). */
  private hello(): boolean {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    if (this.role === 'terminal') {
      const token = loadTerminalToken();
      if (!token) return false;
      this.raw({ type: 'hello', role: 'terminal', token });
    } else if (this.role === 'console') {
      this.raw({ type: 'hello', role: 'console', token: adminToken() ?? '' });
    } else {
      this.raw({ type: 'hello', role: this.role });
    }
    return true;
  }

  private onRefused(code: string, message: string): void {
    if (code === 'UNAUTHORIZED' && this.role === 'terminal') {
      forgetTerminalToken();
      this.update({ identified: false, state: null, error: '本终端的座位凭证已失效，请重新输入座位码' });
      this.becomeReady();
      return;
    }
    if (!this.ready) this.update({ error: message });
    else console.warn('[live] 服务器拒绝：', code, message);
  }

  private becomeReady(): void {
    this.ready = true;
    for (const p of this.pending.values()) if (!p.sent) this.send(p);
  }

  private send(p: Pending): void {
    if (this.raw({ type: 'cmd', id: p.id, name: p.name, input: p.input })) p.sent = true;
  }

  private raw(frame: ClientFrame): boolean {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  private settle(p: Pending, r: Result<unknown>): void {
    if (!this.pending.delete(p.id)) return;
    if (p.timer) clearTimeout(p.timer);
    p.resolve(r);
  }

  private update(patch: Partial<LiveSnapshotView<StateByRole[R]>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
