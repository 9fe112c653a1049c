// The WebSocket side of the LAN server (docs/terminal-protocol.md): terminals, the big screen and
// the console connect to /ws, identify themselves, call commands and receive their view after every
// change that touches it (server/scopes.ts). Every frame is parsed with the one protocol schema
// (shared/protocol.ts) before any field is used, and every handler runs inside one guard: a refused
// or failing frame is answered with an error frame, never an unhandled rejection.
// Views are coalesced and progress is throttled (server/state-cast.ts); the snapshot every seat
// shares is serialized once per broadcast, so thousands of terminals can vote.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Caller, LanInfo } from '../api/command';
import type { Dispatcher } from '../api/dispatch';
import type { ChangePart } from '../shared/changes';
import {
  CLOSE_REVOKED,
  CONSOLE_CREDENTIAL_REFUSED,
  MAX_FRAME_BYTES,
  outgoingProblem,
  parseClientFrame,
  type ClientFrame,
  type CmdFrame,
  type HelloFrame,
  type LiveRole,
  type ServerFrame,
} from '../shared/protocol';
import type { MeetingEngine } from '../meeting/engine';
import type { TerminalBinding } from '../meeting/pairing';
import type { TerminalMe } from '../meeting/types';
import { liveFocus, terminalMe } from '../meeting/views';
import { closedSession, staleTokenMessage } from './closed-session';
import { ConnectionLimits, rosterSeats, UnpairedTimeout } from './connection-limits';
import { LiveCache } from './live-cache';
import { StateCast } from './state-cast';
import { StateFrames, type Snapshot } from './state-frames';
import { isLoopback, tokensEqual, type Route } from './http';
import { movesFocus, scopeOf } from './scopes';
import { movesSpeakers, SpeakerCast } from './speaker-frames';
import { refusalsFrame } from './refusal-record';
import { OWN_STATE_AFTER, ownPartAfter } from './own-part';

const HEARTBEAT_MS = 30_000;
/**
 * Frames written to a socket and not yet taken by its peer, above which a peer that keeps sending is
 * dropped: it is not reading its answers (a peer that neither reads nor sends is dropped by the
 * heartbeat). Far above anything a reading client leaves unread: a state is a few kilobytes.
 */
export const MAX_UNREAD_BYTES = 8 * 1024 * 1024;

interface Client {
  id: string;
  ws: WebSocket;
  address: string;
  pairingNumber: string;
  role: 'guest' | LiveRole;
  binding: TerminalBinding | null;
  /** The terminal's own part as last sent (its next `me` after a press is derived from it). */
  me: TerminalMe | null;
  alive: boolean;
  /** The TCP socket under ws: corked while a command's answer and the terminal's own part are written, so both leave in one write. */
  socket: Duplex;
  /** Disarms the timeout that closes a LAN socket not paired or identified in time (connection-limits.ts). */
  settle: () => void;
}

export interface WsHubOptions {
  engine: MeetingEngine;
  dispatch: Dispatcher;
  adminToken: string;
  remoteAddressOf?: (req: http.IncomingMessage) => string | undefined;
  /** The roster's members and attendees, which size the LAN's connections (connection-limits.ts); default: read from the engine's store. */
  seats?: () => number;
  /** How long a LAN socket may stay unpaired and silent about who it is (default UNPAIRED_IDLE_MS of connection-limits.ts). */
  unpairedIdleMs?: number;
  /** How long without a refused connection ends a run of refusals (default REFUSALS_QUIET_MS of refusal-record.ts). */
  refusalsQuietMs?: number;
}

export class WsHub implements Pick<LanInfo, 'unpaired'> {
  /**
   * allowSynchronousEvents false: ws emits one socket's frames one per turn of the event loop (the
   * next waits for setImmediate, and the socket is read no further meanwhile), so a terminal that
   * sends thousands of commands at once takes turns with everyone else's frames, heartbeats and HTTP
   * requests instead of holding the server until all are handled (tests/e2e/protocol-flood.test.ts).
   */
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, allowSynchronousEvents: false });
  private readonly clients = new Map<string, Client>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private readonly consoleListeners = new Set<() => void>();
  /** The ballot in focus, kept between changes that may move it (for a terminal's own `me`). */
  private focusCache: { focus: Snapshot['focus'] } | null = null;
  /** Outgoing frames that did not match the protocol (logged; see docs/terminal-protocol.md). */
  protocolProblems = 0;
  /** What a page is sent as it identifies, shared until the next change (server/live-cache.ts). */
  private readonly live: LiveCache;
  /** States and progress to every client, coalesced (server/state-cast.ts). */
  private readonly cast: StateCast<Client>;
  /** The speaker queue to every identified seat, coalesced (issue 10). */
  private readonly speakerCast: SpeakerCast;
  /** How many sockets the LAN may hold, per address and in all (server/connection-limits.ts). */
  readonly limits: ConnectionLimits;
  /** Closes LAN sockets left unpaired too long, keeping their pairing numbers for the pages that reconnect. */
  private readonly unpairedTimeout: UnpairedTimeout;

  constructor(private readonly opts: WsHubOptions) {
    const { engine } = opts;
    this.limits = new ConnectionLimits(opts.seats ?? (() => rosterSeats(engine)), opts.refusalsQuietMs);
    this.limits.refused.onChange(() => this.toConsoles(refusalsFrame(this.limits.refused)));
    this.unpairedTimeout = new UnpairedTimeout(opts.unpairedIdleMs);
    this.live = new LiveCache(engine);
    this.cast = new StateCast(new StateFrames(engine, (p) => this.reportProblem(p)), {
      clients: () => this.clients.values(),
      snapshot: () => this.live.snapshot(),
      unpaired: () => this.unpaired(),
      send: (c, f) => this.send(c, f),
      guarded: (handler) => this.guarded(null, handler),
    });
    this.speakerCast = new SpeakerCast(engine, (f) => this.guarded(null, () => [...this.clients.values()].forEach((c) => c.role !== 'guest' && this.send(c, f))));
    engine.presence = () => new Set([...this.clients.values()].filter((c) => c.binding).map((c) => c.binding!.terminalId));
    this.unsubscribe = engine.on((e) => {
      if (e.type === 'changed') {
        this.live.invalidate();
        this.onChanged(e.parts, e.ownPartsUnchanged === true);
      } else if (e.type === 'revoked') this.revoke(e.terminalIds, e.reason, e.sessionEnded === true);
      else if (e.type === 'paired') this.guarded(null, () => this.bindConnection(e.connectionId, e.token, e.binding));
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

  private addressOf = (req: http.IncomingMessage): string => (this.opts.remoteAddressOf ?? ((r) => r.socket.remoteAddress))(req) ?? '';

  /** For AppHttpServer.routes: GET /ws says whether this address would be taken now (connection-limits.ts). */
  readonly probeRoute = (...args: Parameters<Route>) => this.limits.probeRoute(this.addressOf)(...args);

  /** For AppHttpServer.upgrades. A connection beyond the limits is refused with 503 before any WebSocket exists. */
  handleUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean => {
    if (url.pathname !== '/ws') return false;
    const address = this.addressOf(req);
    const refusal = this.limits.refusal(address);
    if (refusal) {
      this.limits.refuse(address, socket, refusal);
      return true;
    }
    this.limits.track(address, socket);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws, address, socket));
    return true;
  };

  unpaired(): { pairingNumber: string; address: string; connectionId: string }[] {
    return [...this.clients.values()].filter((c) => c.role === 'guest').map((c) => ({ pairingNumber: c.pairingNumber, address: c.address, connectionId: c.id }));
  }

  /**
   * Called when something only the hub sees changes the console's view: a terminal connects or
   * drops, a seat code is refused. The Electron console bridge listens here instead of polling.
   */
  onConsoleChange(listener: () => void): () => void {
    this.consoleListeners.add(listener);
    return () => this.consoleListeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    this.cast.stop();
    this.speakerCast.stop();
    this.limits.refused.stop();
    for (const c of this.clients.values()) c.ws.terminate();
    this.wss.close();
  }

  private connect(ws: WebSocket, address: string, socket: Duplex): void {
    const pairingNumber = this.unpairedTimeout.pairingNumber(address, new Set([...this.clients.values()].map((c) => c.pairingNumber)));
    const settle = this.unpairedTimeout.watch(address, { unpaired: () => c.role === 'guest' && ws.readyState === ws.OPEN, pairingNumber, close: (code, reason) => ws.close(code, reason) });
    const c: Client = { id: randomBytes(8).toString('hex'), ws, address, pairingNumber, role: 'guest', binding: null, me: null, alive: true, socket, settle };
    this.clients.set(c.id, c);
    ws.on('pong', () => (c.alive = true));
    ws.on('close', () => {
      c.settle();
      this.clients.delete(c.id);
      if (c.role === 'terminal' || c.role === 'guest') this.consoleViewChanged();
    });
    // ws closes the socket itself on a protocol error (an oversized frame: 1009); nothing to add.
    ws.on('error', (e) => console.warn('[ws]', c.address, (e as Error).message));
    ws.on('message', (data, isBinary) => {
      if (c.socket.writableLength > MAX_UNREAD_BYTES) return this.dropUnreading(c);
      c.alive = true;
      this.guarded(c, () => this.onMessage(c, isBinary ? null : data.toString()));
    });
    this.send(c, { type: 'welcome', pairingNumber: c.pairingNumber, serverTime: new Date().toISOString() });
    this.consoleViewChanged();
  }

  /** A peer that sends and does not read: its answers would pile up in this process without end. */
  private dropUnreading(c: Client): void {
    if (c.ws.readyState !== c.ws.OPEN) return;
    console.warn(`[ws] ${c.address} 发送消息却不读取回复（未读取的数据超过${MAX_UNREAD_BYTES / 1024 / 1024}MB），已断开连接`);
    c.ws.terminate();
  }

  /** The one guard around every handler: an unexpected error is logged and answered, never thrown. */
  private guarded(c: Client | null, handler: () => unknown): void {
    const failed = (e: unknown) => {
      console.error('[ws] unexpected error while handling a frame', e);
      if (c) this.send(c, { type: 'error', error: { code: 'INTERNAL', message: '内部错误：该消息未能处理，会议主机继续运行' } });
    };
    try {
      const r = handler();
      if (r instanceof Promise) r.catch(failed);
    } catch (e) {
      failed(e);
    }
  }

  private send(c: Client, frame: ServerFrame, built = false): void {
    if (c.ws.readyState !== c.ws.OPEN) return;
    // built: a hot frame made here of typed values (a command's result, `me` after it), checked in tests (tests/integration/hot-frames.test.ts), not on every send
    const problem = built ? null : outgoingProblem(frame);
    if (problem) this.reportProblem(problem);
    c.ws.send(JSON.stringify(frame));
  }

  private reportProblem(problem: string): void {
    this.protocolProblems++;
    console.error(`[protocol] an outgoing frame does not match shared/protocol.ts: ${problem}`);
  }

  private caller(c: Client): Caller {
    const source = `${c.role}:${c.binding?.terminalId ?? c.pairingNumber}@${c.address}`;
    if (c.role === 'console') return { kind: 'admin', source };
    if (c.role === 'display') return { kind: 'display', source };
    if (c.role === 'terminal' && c.binding) return { kind: 'terminal', source, ...c.binding };
    return { kind: 'guest', source, connectionId: c.id, address: c.address };
  }

  private async onMessage(c: Client, text: string | null): Promise<void> {
    const parsed = parseClientFrame(text);
    if (!parsed.ok) {
      if (parsed.id !== null) return this.send(c, { type: 'result', id: parsed.id, result: { ok: false, error: parsed.error } });
      return this.send(c, { type: 'error', error: parsed.error });
    }
    const frame: ClientFrame = parsed.frame;
    if (frame.type === 'ping') return this.send(c, { type: 'pong' });
    if (frame.type === 'hello') return this.hello(c, frame);
    return this.command(c, frame);
  }

  private async command(c: Client, frame: CmdFrame): Promise<void> {
    if (c.binding && !this.bindingIsLive(c.binding)) {
      // A socket of a session that is no longer live acts for nobody: answered, told, closed.
      this.send(c, { type: 'result', id: frame.id, result: { ok: false, error: { code: 'UNAUTHORIZED', message: '本次会议已闭会，本终端的座位凭证已失效' } } });
      return this.endSession(c);
    }
    const result = await this.opts.dispatch(frame.name, frame.input ?? {}, this.caller(c));
    c.socket.cork();
    try {
      this.answer(c, frame, result);
    } finally {
      c.socket.uncork();
    }
  }

  private answer(c: Client, frame: CmdFrame, result: Awaited<ReturnType<Dispatcher>>): void {
    this.send(c, { type: 'result', id: frame.id, result }, true);
    if (frame.name === 'terminal.pair') {
      if (result.ok) {
        const binding = this.opts.engine.authenticate((result.value as { token: string }).token);
        if (binding) this.identify(c, 'terminal', binding);
      } else {
        // A refused seat code may have locked pairing: the consoles show the lock-out.
        this.toConsoles({ type: 'changed', parts: ['terminals'] });
        this.consoleViewChanged();
      }
    } else if (result.ok && c.binding && OWN_STATE_AFTER.has(frame.name)) {
      this.sendOwnPart(c, frame.name, result.value);
    }
  }

  /** A terminal's own part right after its own press or sheet (server/own-part.ts). */
  private sendOwnPart(c: Client, name: string, value: unknown): void {
    c.me = ownPartAfter(c.me, name, value, () => terminalMe(this.opts.engine, c.binding!, this.focus()));
    this.send(c, { type: 'me', me: c.me }, true);
  }

  private hello(c: Client, frame: HelloFrame): void {
    const token = frame.token ?? '';
    if (frame.role === 'display') return this.identify(c, 'display', null);
    if (frame.role === 'console') {
      if (!isLoopback(c.address)) return this.refuse(c, 'FORBIDDEN', `控制台只能在本机使用，拒绝来自${c.address}的连接`);
      if (!tokensEqual(token, this.opts.adminToken)) return this.refuse(c, 'UNAUTHORIZED', CONSOLE_CREDENTIAL_REFUSED);
      return this.identify(c, 'console', null);
    }
    const binding = token ? this.opts.engine.authenticate(token) : null;
    if (!binding) return this.refuse(c, 'UNAUTHORIZED', staleTokenMessage(this.opts.engine.store, token));
    // A copied token takes over the seat, as pairing does: the older socket is told and closed.
    const older = [...this.clients.values()].filter((o) => o !== c && o.binding?.terminalId === binding.terminalId);
    for (const o of older) this.dropSeat(o, { type: 'revoked', reason: '该座位已在另一台终端上登录，本终端已退出' });
    this.identify(c, 'terminal', binding);
  }

  private refuse(c: Client, code: 'UNAUTHORIZED' | 'FORBIDDEN', message: string): void {
    this.send(c, { type: 'error', error: { code, message } });
  }

  private identify(c: Client, role: LiveRole, binding: TerminalBinding | null): void {
    this.greet(c, role, binding, (me) => ({ type: 'hello-ok', role, ...(me ? { me } : {}) }));
    if (role === 'console') this.send(c, refusalsFrame(this.limits.refused));
    this.consoleViewChanged(); // this connection is no longer an unpaired terminal
  }

  private bindConnection(connectionId: string, token: string, binding: TerminalBinding): void {
    const c = this.clients.get(connectionId);
    if (c) this.greet(c, 'terminal', binding, (me) => ({ type: 'paired', token, me: me! }));
  }

  /** Someone now (never closed for being idle): the answer with the `me` of its state, the state, the speaker queue (server/live-cache.ts). */
  private greet(c: Client, role: LiveRole, binding: TerminalBinding | null, answer: (me: TerminalMe | undefined) => ServerFrame): void {
    c.settle();
    c.role = role;
    c.binding = binding;
    const base = this.live.snapshot();
    const own = binding ? this.cast.ownState(base, binding) : undefined;
    c.me = own?.me ?? null;
    this.send(c, answer(own?.me));
    this.cast.sendState(c, base, false, false, own);
    this.send(c, this.live.speakersFrame());
  }

  private revoke(terminalIds: string[], reason: string, sessionEnded: boolean): void {
    for (const c of this.clients.values()) {
      if (!c.binding || !terminalIds.includes(c.binding.terminalId)) continue;
      if (sessionEnded) this.endSession(c);
      else this.dropSeat(c, { type: 'revoked', reason });
    }
  }

  /** Tells a socket its seat is gone and closes it; the client forgets its token and pairs again. */
  private dropSeat(c: Client, frame: Extract<ServerFrame, { type: 'revoked' }>): void {
    this.send(c, frame);
    c.binding = null;
    c.me = null;
    c.role = 'guest';
    c.ws.close(CLOSE_REVOKED, 'revoked');
  }

  /** The session of this terminal has ended (闭会): say which, and close. */
  private endSession(c: Client): void {
    if (!c.binding) return;
    const session = closedSession(this.opts.engine.store, c.binding.sessionId);
    const title = session?.title ?? '本次会议';
    this.dropSeat(c, { type: 'revoked', reason: `${title}已闭会`, sessionEnded: true, ...(session ? { session } : {}) });
  }

  private liveSessionId: number | null | undefined;
  private bindingIsLive(b: TerminalBinding): boolean {
    if (this.liveSessionId === undefined) this.liveSessionId = this.opts.engine.liveSession()?.id ?? null;
    return this.liveSessionId === b.sessionId;
  }

  private onChanged(parts: ChangePart[], ownPartsUnchanged = false): void {
    if (movesFocus(parts)) this.focusCache = null;
    if (parts.includes('session')) {
      this.liveSessionId = undefined;
      // Every terminal socket of a session that is no longer live is told it has ended.
      for (const c of [...this.clients.values()]) if (c.binding && !this.bindingIsLive(c.binding)) this.endSession(c);
    }
    const scope = scopeOf(parts);
    if (scope.everyone) this.cast.schedule(false, ownPartsUnchanged);
    else if (scope.consoles) this.cast.schedule(true);
    if (scope.progress) this.cast.scheduleProgress();
    if (movesSpeakers(parts)) this.speakerCast.schedule();
    // Consoles hear what changed (pages that keep their own data reload it); counts alone are in progress.
    if (parts.some((p) => p !== 'progress')) this.toConsoles({ type: 'changed', parts });
  }

  private toConsoles(frame: ServerFrame): void {
    for (const c of this.clients.values()) if (c.role === 'console') this.send(c, frame);
  }

  private consoleViewChanged(): void {
    this.cast.schedule(true);
    for (const l of this.consoleListeners) l();
  }

  private focus(): Snapshot['focus'] {
    if (!this.focusCache) this.focusCache = { focus: liveFocus(this.opts.engine) };
    return this.focusCache.focus;
  }
}
