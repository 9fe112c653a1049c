// The WebSocket side of the LAN server (docs/terminal-protocol.md): terminals, the big screen and
// the console connect to /ws, identify themselves, call commands and receive their view after every
// change. Views are coalesced (at most one full state every STATE_DELAY_MS per client) and ballot
// progress is throttled, so thousands of terminals can vote at once.
import { randomBytes, randomInt } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Caller, LanInfo } from '../api/command';
import type { Dispatcher } from '../api/dispatch';
import { fail } from '../shared/result';
import type { MeetingEngine } from '../meeting/engine';
import type { TerminalBinding } from '../meeting/pairing';
import { consoleState, liveSnapshot, meLookup, terminalMe, type MeLookup } from '../meeting/views';
import { isLoopback, tokensEqual } from './http';

export const MAX_FRAME_BYTES = 64 * 1024;
const STATE_DELAY_MS = 50;
const PROGRESS_DELAY_MS = 200;
const HEARTBEAT_MS = 30_000;

interface Client {
  id: string;
  ws: WebSocket;
  address: string;
  pairingNumber: string;
  role: 'guest' | 'terminal' | 'display' | 'console';
  binding: TerminalBinding | null;
  alive: boolean;
}

export interface WsHubOptions {
  engine: MeetingEngine;
  dispatch: Dispatcher;
  adminToken: string;
  remoteAddressOf?: (req: http.IncomingMessage) => string | undefined;
}

export class WsHub implements Pick<LanInfo, 'unpaired'> {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly clients = new Map<string, Client>();
  private stateTimer: NodeJS.Timeout | null = null;
  private progressTimer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(private readonly opts: WsHubOptions) {
    const { engine } = opts;
    engine.presence = () => new Set([...this.clients.values()].filter((c) => c.binding).map((c) => c.binding!.terminalId));
    this.unsubscribe = engine.on((e) => {
      if (e.type === 'changed') {
        if (e.parts.some((p) => p !== 'progress' && p !== 'terminals' && p !== 'register')) this.scheduleState();
        else if (e.parts.includes('progress') && e.roundKind === 'assessment') this.scheduleState(); // sheets: as before, until the hub sends assessment progress
        else if (e.parts.includes('progress')) this.scheduleProgress();
        else this.scheduleState(true);
      }
      else if (e.type === 'revoked') this.revoke(e.terminalIds, e.reason);
      else if (e.type === 'paired') this.bindConnection(e.connectionId, e.token, e.binding);
    });
    this.heartbeat = setInterval(() => {
      for (const c of this.clients.values()) {
        if (!c.alive) c.ws.terminate();
        else {
          c.alive = false;
          c.ws.ping();
        }
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref?.();
  }

  /** For AppHttpServer.upgrades. */
  handleUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean => {
    if (url.pathname !== '/ws') return false;
    const address = (this.opts.remoteAddressOf ?? ((r) => r.socket.remoteAddress))(req) ?? '';
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws, address));
    return true;
  };

  unpaired(): { pairingNumber: string; address: string; connectionId: string }[] {
    return [...this.clients.values()].filter((c) => c.role === 'guest').map((c) => ({ pairingNumber: c.pairingNumber, address: c.address, connectionId: c.id }));
  }

  close(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    for (const t of [this.stateTimer, this.progressTimer]) if (t) clearTimeout(t);
    for (const c of this.clients.values()) c.ws.terminate();
    this.wss.close();
  }

  private freshPairingNumber(): string {
    const used = new Set([...this.clients.values()].map((c) => c.pairingNumber));
    for (;;) {
      const n = String(randomInt(1000, 10000));
      if (!used.has(n)) return n;
    }
  }

  private connect(ws: WebSocket, address: string): void {
    const c: Client = { id: randomBytes(8).toString('hex'), ws, address, pairingNumber: this.freshPairingNumber(), role: 'guest', binding: null, alive: true };
    this.clients.set(c.id, c);
    ws.on('pong', () => (c.alive = true));
    ws.on('close', () => {
      this.clients.delete(c.id);
      if (c.role === 'terminal' || c.role === 'guest') this.scheduleState(true);
    });
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      c.alive = true;
      void this.onMessage(c, isBinary ? null : data.toString());
    });
    this.send(c, { type: 'welcome', pairingNumber: c.pairingNumber, serverTime: new Date().toISOString() });
    this.scheduleState(true);
  }

  private send(c: Client, frame: unknown): void {
    if (c.ws.readyState === c.ws.OPEN) c.ws.send(JSON.stringify(frame));
  }

  private refuse(c: Client, code: 'BAD_INPUT' | 'UNAUTHORIZED' | 'FORBIDDEN', message: string): void {
    this.send(c, { type: 'error', error: { code, message } });
  }

  private caller(c: Client): Caller {
    const source = `${c.role}:${c.binding?.terminalId ?? c.pairingNumber}@${c.address}`;
    if (c.role === 'console') return { kind: 'admin', source };
    if (c.role === 'display') return { kind: 'display', source };
    if (c.role === 'terminal' && c.binding) return { kind: 'terminal', source, ...c.binding };
    return { kind: 'guest', source, connectionId: c.id, address: c.address };
  }

  private async onMessage(c: Client, text: string | null): Promise<void> {
    let frame: Record<string, unknown>;
    try {
      const parsed: unknown = text === null ? null : JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      frame = parsed as Record<string, unknown>;
    } catch {
      return this.refuse(c, 'BAD_INPUT', '消息格式错误：应为 JSON 对象');
    }
    switch (frame.type) {
      case 'ping':
        return this.send(c, { type: 'pong' });
      case 'hello':
        return this.hello(c, frame);
      case 'cmd': {
        const id = typeof frame.id === 'number' || typeof frame.id === 'string' ? frame.id : null;
        if (typeof frame.name !== 'string') return this.send(c, { type: 'result', id, result: fail('BAD_INPUT', '缺少命令名称') });
        const result = await this.opts.dispatch(frame.name, frame.input, this.caller(c));
        this.send(c, { type: 'result', id, result });
        if (frame.name === 'terminal.pair' && result.ok) {
          const token = (result.value as { token: string }).token;
          const binding = this.opts.engine.authenticate(token);
          if (binding) this.identify(c, 'terminal', binding);
        }
        return;
      }
      default:
        return this.refuse(c, 'BAD_INPUT', `未知的消息类型：${String(frame.type).slice(0, 40)}`);
    }
  }

  private hello(c: Client, frame: Record<string, unknown>): void {
    const token = typeof frame.token === 'string' ? frame.token : '';
    if (frame.role === 'display') return this.identify(c, 'display', null);
    if (frame.role === 'console') {
      if (!isLoopback(c.address)) return this.refuse(c, 'FORBIDDEN', `控制台只能在本机使用，拒绝来自${c.address}的连接`);
      if (!tokensEqual(token, this.opts.adminToken)) return this.refuse(c, 'UNAUTHORIZED', '管理令牌不正确');
      return this.identify(c, 'console', null);
    }
    if (frame.role === 'terminal') {
      const binding = token ? this.opts.engine.authenticate(token) : null;
      if (!binding) return this.refuse(c, 'UNAUTHORIZED', '终端凭据无效或已失效，请重新输入座位码');
      return this.identify(c, 'terminal', binding);
    }
    this.refuse(c, 'BAD_INPUT', 'hello 消息缺少有效的 role（terminal、display 或 console）');
  }

  private identify(c: Client, role: Client['role'], binding: TerminalBinding | null): void {
    c.role = role;
    c.binding = binding;
    const me = binding ? terminalMe(this.opts.engine, binding, liveSnapshot(this.opts.engine).focus) : undefined;
    this.send(c, { type: 'hello-ok', role, me });
    this.sendState(c, liveSnapshot(this.opts.engine));
    this.scheduleState(true); // consoles: this connection is no longer an unpaired terminal
  }

  private bindConnection(connectionId: string, token: string, binding: TerminalBinding): void {
    const c = this.clients.get(connectionId);
    if (!c) return;
    c.role = 'terminal';
    c.binding = binding;
    this.send(c, { type: 'paired', token, me: terminalMe(this.opts.engine, binding, liveSnapshot(this.opts.engine).focus) });
    this.sendState(c, liveSnapshot(this.opts.engine));
  }

  private revoke(terminalIds: string[], reason: string): void {
    for (const c of this.clients.values()) {
      if (c.binding && terminalIds.includes(c.binding.terminalId)) {
        this.send(c, { type: 'revoked', reason });
        c.binding = null;
        c.role = 'guest';
        c.ws.close(4001, 'revoked');
      }
    }
  }

  /** The snapshot every seat shares, serialized once per broadcast, and what every "me" looks up. */
  private sharedJson = new WeakMap<object, string>();
  private lookups = new WeakMap<object, MeLookup>();
  private lookupFor(base: ReturnType<typeof liveSnapshot>): MeLookup {
    let l = this.lookups.get(base);
    if (!l) this.lookups.set(base, (l = meLookup(this.opts.engine, base.session?.id ?? null, base.focus)));
    return l;
  }
  private snapshotJson(base: ReturnType<typeof liveSnapshot>): string {
    let json = this.sharedJson.get(base);
    if (json === undefined) {
      const { focus: _focus, ...snapshot } = base;
      this.sharedJson.set(base, (json = JSON.stringify(snapshot)));
    }
    return json;
  }

  private sendState(c: Client, base: ReturnType<typeof liveSnapshot>): void {
    const { engine } = this.opts;
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (c.role === 'terminal' && c.binding) {
      // A terminal's state is the shared snapshot plus its own "me" (see terminalState).
      const me = JSON.stringify(terminalMe(engine, c.binding, base.focus, this.lookupFor(base)));
      c.ws.send(`{"type":"state","state":${this.snapshotJson(base).slice(0, -1)},"me":${me}}}`);
    } else if (c.role === 'display') c.ws.send(`{"type":"state","state":${this.snapshotJson(base)}}`);
    else if (c.role === 'console') this.send(c, { type: 'state', state: consoleState(engine, this.unpaired()) });
  }


  /** Coalesces changes into one state per client; `consoleOnly` refreshes just the console(s). */
  private pendingAll = false;
  private scheduleState(consoleOnly = false): void {
    if (!consoleOnly) this.pendingAll = true;
    if (this.stateTimer) return;
    this.stateTimer = setTimeout(() => {
      this.stateTimer = null;
      const all = this.pendingAll;
      this.pendingAll = false;
      const base = liveSnapshot(this.opts.engine);
      for (const c of this.clients.values()) if (all || c.role === 'console') this.sendState(c, base);
    }, STATE_DELAY_MS);
  }

  private scheduleProgress(): void {
    if (this.progressTimer) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null;
      const watchers = [...this.clients.values()].filter((c) => c.role === 'console' || c.role === 'display');
      if (watchers.length === 0) return; // only the screens follow the count
      const base = liveSnapshot(this.opts.engine);
      const b = base.ballot;
      if (!b) return;
      const frame = JSON.stringify({ type: 'progress', ballotId: b.id, voted: b.voted, eligible: b.eligible });
      // Only the screens follow the count: terminals learn the totals at close, which keeps a
      // thousand-terminal ballot from spending its time on progress frames.
      for (const c of watchers) {
        if (c.role === 'console') this.sendState(c, base);
        else if (c.ws.readyState === c.ws.OPEN) c.ws.send(frame);
      }
    }, PROGRESS_DELAY_MS);
  }
}
