// The renderer's live client (src-renderer/src/live/socket.ts) against a fake socket: the frames it
// sends and how it follows what the server says (pairing, hello, state, own part, progress, changes,
// a seat taken over, a session that ended, a refused console, a press resent after a reconnect).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSocket } from '../../src-renderer/src/live/socket';
import type { SocketLike } from '../../src-renderer/src/live/socket-deps';
import { TERMINAL_TOKEN_KEY } from '../../src-renderer/src/live/terminal-token';

class FakeSocket implements SocketLike {
  readyState = 1;
  readonly sent: any[] = [];
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.readyState = 3;
  }
  /** The server says something. */
  say(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  /** The link drops. */
  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }
  last(type: string): any {
    return [...this.sent].reverse().find((f) => f.type === type);
  }
}

const store = new Map<string, string>();
const sockets: FakeSocket[] = [];
const socketNow = () => sockets[sockets.length - 1]!;
const consoleCalls: { name: string; input: unknown }[] = [];
let consoleToken = 'good';

function client<R extends 'terminal' | 'display' | 'console'>(role: R) {
  const c = new LiveSocket(role, 'ws://meeting/ws', {
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    consoleToken: () => consoleToken,
    consoleCall: async (name, input) => {
      consoleCalls.push({ name, input });
      return { ok: true, value: { name } };
    },
    watchWakeUp: () => () => undefined,
  });
  c.start();
  return c;
}

const welcome = { type: 'welcome', pairingNumber: '4821', serverTime: new Date().toISOString() };
const me = { kind: 'member', id: 3, name: '邱东竹', seat: 3, attendance: 'present', canVote: true, myVote: null };
const snapshot = {
  session: { id: 16, title: '第十六次会议', date: '2026-09-22', startTime: '09:00', place: '会议室', status: 'open', businessStarted: true },
  attendance: null,
  agenda: [],
  currentItem: null,
  ballot: { id: 9, itemId: 4, state: 'open', method: 'electronic', secret: true, eligible: 30, voted: 2, result: null },
  terminalUrl: null,
};

beforeEach(() => {
  vi.useFakeTimers();
  store.clear();
  sockets.length = 0;
  consoleCalls.length = 0;
  consoleToken = 'good';
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the live client of a terminal', () => {
  it('pairs with a seat code, keeps the token, says hello and follows state, its own part and progress', async () => {
    const c = client('terminal');
    expect(c.getSnapshot().identified).toBe(false);
    socketNow().say(welcome);
    expect(c.getSnapshot()).toMatchObject({ connected: true, pairingNumber: '4821' });
    expect(socketNow().last('hello')).toBeUndefined(); // no token: an unpaired terminal stays silent

    const pairing = c.pair('123456');
    const cmd = socketNow().last('cmd');
    expect(cmd).toEqual({ type: 'cmd', id: expect.any(Number), name: 'terminal.pair', input: { code: '123456' } });
    socketNow().say({ type: 'result', id: cmd.id, result: { ok: true, value: { token: 'seat-token', me } } });
    expect(await pairing).toMatchObject({ ok: true });
    expect(store.get(TERMINAL_TOKEN_KEY)).toBe('seat-token');
    expect(socketNow().last('hello')).toEqual({ type: 'hello', role: 'terminal', token: 'seat-token' });

    socketNow().say({ type: 'hello-ok', role: 'terminal', me });
    socketNow().say({ type: 'state', state: { ...snapshot, me } });
    expect(c.getSnapshot().state?.me.myVote).toBeNull();
    // Its own press: the server sends its own part at once.
    socketNow().say({ type: 'me', me: { ...me, myVote: { ballotId: 9, choice: 'no' } } });
    expect(c.getSnapshot().state?.me.myVote).toEqual({ ballotId: 9, choice: 'no' });
    socketNow().say({ type: 'progress', ballotId: 9, voted: 7, eligible: 30 });
    expect(c.getSnapshot().state?.ballot).toMatchObject({ voted: 7, eligible: 30 });
    // A state without `me` (its own part unchanged, the big screen's frame): the terminal keeps its own.
    socketNow().say({ type: 'state', state: { ...snapshot, ballot: { ...snapshot.ballot, voted: 8 } } });
    expect(c.getSnapshot().state).toMatchObject({ ballot: { voted: 8 }, me: { id: 3, myVote: { ballotId: 9, choice: 'no' } } });
    socketNow().say({ type: 'state', state: { ...snapshot, ballot: { ...snapshot.ballot, voted: 7 }, me: { ...me, canVote: false } } });
    expect(c.getSnapshot().state?.me).toEqual({ ...me, canVote: false });
    // Frames that are not the protocol's are ignored.
    socketNow().say('not json');
    socketNow().say({ type: { toString: 1 } });
    expect(c.getSnapshot().state?.ballot?.voted).toBe(7);
    c.stop();
  });

  it('resends a press after a reconnect, with the same id, and resolves once with the answer', async () => {
    store.set(TERMINAL_TOKEN_KEY, 'seat-token');
    const c = client('terminal');
    socketNow().say(welcome);
    socketNow().say({ type: 'hello-ok', role: 'terminal', me });
    const press = c.cmd('terminal.vote', { ballotId: 9, choice: 'yes', pressSeq: 4 }, { resend: true });
    const first = socketNow().last('cmd');
    socketNow().drop();
    expect(c.getSnapshot().connected).toBe(false);
    await vi.advanceTimersByTimeAsync(600); // backoff 0.5 s
    expect(sockets).toHaveLength(2);
    socketNow().say(welcome);
    expect(socketNow().last('cmd')).toBeUndefined(); // not before hello-ok
    socketNow().say({ type: 'hello-ok', role: 'terminal', me });
    const again = socketNow().last('cmd');
    expect(again).toEqual(first);
    socketNow().say({ type: 'result', id: again.id, result: { ok: true, value: { ballotId: 9, choice: 'yes', accepted: true, changed: false } } });
    expect(await press).toMatchObject({ ok: true, value: { choice: 'yes' } });
    c.stop();
  });

  it('after 闭会 forgets the seat, says which session ended, and is back at pairing', () => {
    store.set(TERMINAL_TOKEN_KEY, 'seat-token');
    const c = client('terminal');
    socketNow().say(welcome);
    socketNow().say({ type: 'hello-ok', role: 'terminal', me });
    socketNow().say({ type: 'state', state: { ...snapshot, me } });
    socketNow().say({
      type: 'revoked',
      reason: '第十六次会议已闭会',
      sessionEnded: true,
      session: { id: 16, title: '示例区第二届人民代表大会常务委员会第十六次会议', closedAt: null },
    });
    expect(store.has(TERMINAL_TOKEN_KEY)).toBe(false);
    expect(c.getSnapshot()).toMatchObject({ identified: false, state: null, ended: '示例区第二届人民代表大会常务委员会第十六次会议' });
    c.stop();
  });

  it('a seat taken over by another terminal says so and forgets the token', () => {
    store.set(TERMINAL_TOKEN_KEY, 'seat-token');
    const c = client('terminal');
    socketNow().say(welcome);
    socketNow().say({ type: 'revoked', reason: '该座位已在另一台终端上登录，本终端已退出' });
    expect(c.getSnapshot()).toMatchObject({ identified: false, ended: null, error: expect.stringContaining('另一台终端') });
    expect(store.has(TERMINAL_TOKEN_KEY)).toBe(false);
    c.stop();
  });
});

describe('the live client of the console and the big screen', () => {
  it('a refused console says so, never "connected", retries, and recovers once accepted', async () => {
    consoleToken = 'stale';
    const c = client('console');
    socketNow().say(welcome);
    expect(socketNow().last('hello')).toEqual({ type: 'hello', role: 'console', token: 'stale' });
    socketNow().say({ type: 'error', error: { code: 'UNAUTHORIZED', message: '控制台凭据不正确' } });
    expect(c.getSnapshot()).toMatchObject({ connected: false, refused: '控制台凭据不正确' });
    consoleToken = 'good'; // e.g. the console address pasted again
    await vi.advanceTimersByTimeAsync(600);
    socketNow().say(welcome);
    expect(socketNow().last('hello')).toEqual({ type: 'hello', role: 'console', token: 'good' });
    socketNow().say({ type: 'hello-ok', role: 'console' });
    expect(c.getSnapshot()).toMatchObject({ connected: true, refused: null });
    c.stop();
  });

  it('runs the console commands through call(), not the socket, and reports changes', async () => {
    const c = client('console');
    socketNow().say(welcome);
    socketNow().say({ type: 'hello-ok', role: 'console' });
    expect(await c.cmd('live.next', {})).toMatchObject({ ok: true });
    expect(consoleCalls).toEqual([{ name: 'live.next', input: {} }]);
    expect(socketNow().last('cmd')).toBeUndefined();
    const seen: string[][] = [];
    c.onChange((parts) => seen.push(parts));
    socketNow().say({ type: 'changed', parts: ['remarks'] });
    expect(seen).toEqual([['remarks']]);
    c.stop();
  });

  it('the big screen says hello without a secret and applies sheet progress', () => {
    const c = client('display');
    socketNow().say(welcome);
    expect(socketNow().last('hello')).toEqual({ type: 'hello', role: 'display' });
    socketNow().say({ type: 'hello-ok', role: 'display' });
    socketNow().say({ type: 'state', state: { ...snapshot, assessment: { id: 5, itemId: 6, state: 'open', eligible: 30, submitted: 1 } } });
    socketNow().say({ type: 'sheet-progress', assessmentId: 5, submitted: 12, eligible: 30 });
    expect(c.getSnapshot().state?.assessment).toMatchObject({ submitted: 12 });
    c.stop();
  });
});
