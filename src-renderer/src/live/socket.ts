// The WebSocket client of one page (docs/terminal-protocol.md): the terminal, the big screen, and the
// console in a browser. It connects to /ws on the page's host, says hello for its role, keeps the
// latest state (progress and `me` frames applied), runs typed commands with ids (pending-commands.ts),
// pings every 15 s and reconnects by itself with backoff (0.5 s doubling to 5 s); after a reconnect it
// says hello again and gets a fresh state. The console's commands go through call() (HTTP, or the
// Electron bridge), its events over this socket; a refused console credential is said plainly and
// retried. What it needs of the browser: socket-deps.ts.
import { adminRefusals } from '../api';
import { initialView, Listeners, type LiveCmd, type LiveSnapshotView, type LiveSource } from './client';
import { applyProgress, applyState, parseServerFrame, type ChangePart, type ClientFrame, type LiveRole, type Result, type ServerFrame, type StateByRole } from './protocol';
import { PendingCommands } from './pending-commands';
import { browserDeps, liveSocketUrl, type LiveSocketDeps, type SocketLike } from './socket-deps';
import { forgetTerminalToken, loadTerminalToken, saveTerminalToken } from './terminal-token';

const OPEN = 1;

export const PING_INTERVAL_MS = 15_000;
/** A ping not answered within this long (or a connection not greeted within it) means a dead link. */
const ANSWER_TIMEOUT_MS = 10_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 5_000;

/** Connections failing in a row before the page asks why (probe). */
export const FAILED_BEFORE_PROBE = 2;

export class LiveSocket<R extends LiveRole> implements LiveSource<StateByRole[R]> {
  private ws: SocketLike | null = null;
  private snapshot: LiveSnapshotView<StateByRole[R]>;
  private readonly listeners = new Listeners();
  private readonly changes = new Listeners<[ChangePart[]]>();
  private readonly pending = new PendingCommands((frame) => this.raw(frame));
  private readonly deps: LiveSocketDeps;
  private attempt = 0;
  private running = false;
  private ready = false; // greeted (and identified, when we say hello)
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopWatching: (() => void) | null = null;
  private stopRefusals: (() => void) | null = null;
  private lastFrameAt = 0;
  private pingSentAt = 0;
  private connectStartedAt = 0;
  /** This connection has been greeted (welcome); connections closed before that, in a row. */
  private greeted = false;
  private failedInARow = 0;

  constructor(
    readonly role: R,
    private readonly url: string = liveSocketUrl(),
    deps: Partial<LiveSocketDeps> = {},
  ) {
    this.deps = { ...browserDeps(), ...deps };
    this.snapshot = initialView(role !== 'terminal' || loadTerminalToken() !== null);
  }

  getSnapshot = (): LiveSnapshotView<StateByRole[R]> => this.snapshot;
  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);
  onChange = (listener: (parts: ChangePart[]) => void): (() => void) => this.changes.add(listener);

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopWatching = this.deps.watchWakeUp(this.wakeUp);
    if (this.role === 'console') this.stopRefusals = adminRefusals.add((message) => this.update({ refused: message }));
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.stopWatching?.();
    this.stopRefusals?.();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.dropSocket();
    this.snapshot = { ...this.snapshot, connected: false };
    this.pending.failAll();
  }

  cmd: LiveCmd = (name, input, opts = {}) => {
    if (this.role === 'console') return this.deps.consoleCall(name, input) as never;
    return this.pending.add(name, input, opts, this.ready) as never;
  };

  /** Pairs this terminal with a one-time seat code; on success keeps the token and says hello. */
  async pair(code: string): Promise<Result<unknown>> {
    const r = await this.cmd('terminal.pair', { code });
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
    this.update({ identified: true, error: null, ended: null });
    this.hello();
  }

  private wakeUp = (): void => {
    if ((typeof document !== 'undefined' && document.visibilityState === 'hidden') || !this.running) return;
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
    let ws: SocketLike;
    try {
      ws = this.deps.createSocket(this.url);
    } catch {
      this.onClosed();
      return;
    }
    this.ws = ws;
    this.greeted = false;
    this.connectStartedAt = Date.now();
    this.lastFrameAt = 0;
    this.pingSentAt = 0;
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      this.lastFrameAt = Date.now();
      const frame = parseServerFrame(ev.data);
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
    if (this.pingSentAt > this.lastFrameAt) {
      if (now - this.pingSentAt > ANSWER_TIMEOUT_MS) this.reconnectNow();
      return;
    }
    if (ws.readyState === OPEN && this.raw({ type: 'ping' })) this.pingSentAt = now;
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
    this.pending.linkLost();
    this.update({ connected: false });
    if (!this.greeted && ++this.failedInARow >= FAILED_BEFORE_PROBE && this.running) void this.askWhy();
    this.greeted = false;
    if (!this.running || this.reconnectTimer) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt);
    this.attempt++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  /** Why connections keep failing: the meeting machine's refusal (shown on the page), or nothing known. */
  private async askWhy(): Promise<void> {
    const blocked = await this.deps.probe();
    if (this.running && !this.greeted && blocked !== this.snapshot.blocked) this.update({ blocked });
  }

  private onFrame(f: ServerFrame): void {
    switch (f.type) {
      case 'welcome': {
        this.greeted = true;
        this.failedInARow = 0;
        if (this.snapshot.blocked) this.update({ blocked: null });
        if (!this.snapshot.refused) this.attempt = 0; // a refused console keeps backing off
        const offset = Date.parse(f.serverTime) - Date.now();
        this.update({ connected: true, everConnected: true, pairingNumber: f.pairingNumber, clockOffsetMs: Number.isFinite(offset) ? offset : 0 });
        if (!this.hello()) this.becomeReady(); // an unpaired terminal may run terminal.pair at once
        return;
      }
      case 'hello-ok':
        this.update({ error: null, refused: null, identified: true });
        this.becomeReady();
        return;
      case 'state':
        this.update({ state: applyState(this.snapshot.state, f.state as StateByRole[R]), hasState: true });
        return;
      case 'me': {
        const s = this.snapshot.state as { me?: unknown } | null;
        if (s && 'me' in s) this.update({ state: { ...s, me: f.me } as StateByRole[R] });
        return;
      }
      case 'progress':
      case 'sheet-progress': {
        const s = this.snapshot.state;
        if (s) {
          const next = applyProgress(s, f);
          if (next !== s) this.update({ state: next });
        }
        return;
      }
      case 'changed':
        this.changes.emit(f.parts);
        return;
      case 'speakers':
        this.update({ speakers: { sessionId: f.sessionId, entries: f.entries } });
        return;
      case 'refusals':
        this.update({ refusals: f.refusals });
        return;
      case 'result':
        this.pending.answer(f.id, f.result);
        return;
      case 'paired':
        this.adoptToken(f.token);
        return;
      case 'revoked':
        forgetTerminalToken();
        this.update({
          identified: false,
          state: null,
          error: f.reason || '本座位已在另一台终端上登录',
          ended: f.sessionEnded ? (f.session?.title ?? f.reason) : null,
        });
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
    if (!this.ws || this.ws.readyState !== OPEN) return false;
    if (this.role === 'terminal') {
      const token = loadTerminalToken();
      if (!token) return false;
      this.raw({ type: 'hello', role: 'terminal', token });
    } else if (this.role === 'console') {
      this.raw({ type: 'hello', role: 'console', token: this.deps.consoleToken() });
    } else {
      this.raw({ type: 'hello', role: this.role });
    }
    return true;
  }

  private onRefused(code: string, message: string): void {
    if (code === 'UNAUTHORIZED' && this.role === 'terminal') {
      forgetTerminalToken();
      this.update({ identified: false, state: null, error: this.snapshot.ended ? this.snapshot.error : message || '本终端的座位凭证已失效，请重新输入座位码' });
      this.becomeReady();
      return;
    }
    if ((code === 'UNAUTHORIZED' || code === 'FORBIDDEN') && this.role === 'console') {
      // Said plainly, never "已连接"; the socket is dropped and retried with backoff until accepted.
      this.update({ refused: message, connected: false });
      this.reconnectNow();
      return;
    }
    if (!this.ready) this.update({ error: message });
    else console.warn('[live] 服务器拒绝：', code, message);
  }

  private becomeReady(): void {
    this.ready = true;
    this.pending.sendUnsent();
  }

  private raw(frame: ClientFrame): boolean {
    if (!this.ws || this.ws.readyState !== OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  private update(patch: Partial<LiveSnapshotView<StateByRole[R]>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.emit();
  }
}
