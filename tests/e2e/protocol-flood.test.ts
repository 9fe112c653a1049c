// One socket that floods the real headless server with commands cannot hold it: its frames take
// their turns between everyone else's (server/ws-hub.ts: ws allowSynchronousEvents false). Before, a
// paired terminal that sent 20 000 `terminal.state` frames at once kept /healthz waiting 19 s and
// every other seat with it, because the frames of one read were all handled in one go. And a socket
// that sends without reading its answers is dropped (MAX_UNREAD_BYTES) instead of having them pile up
// in the server's memory without end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient, type Frame } from '../../src-main/cli/terminal-client';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16 } from '../helpers/session-fixture';
import { pairWithCode } from '../helpers/live-setup';

let server: ServeProcess;
let token = '';
const wsUrl = () => `ws://127.0.0.1:${server.port}/ws`;
const FLOOD = 2000;

beforeAll(async () => {
  server = await startServe();
  const s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  const codes = await server.must<{ kind: string; code: string }[]>('seatCodes.list');
  const paired = await pairWithCode(wsUrl(), codes.find((c) => c.kind === 'member')!.code);
  token = paired.token;
  await paired.client.close();
});

afterAll(async () => {
  await server?.stop();
});

describe('a socket that floods the server', () => {
  it("takes turns with the other sockets: another seat's ping is answered while the flood is still being answered, and every flooded command is answered", async () => {
    const flooder = await TerminalClient.connect(wsUrl());
    expect((await flooder.hello('terminal', token)).type).toBe('hello-ok');
    const other = await TerminalClient.connect(wsUrl());
    expect((await other.hello('display')).type).toBe('hello-ok');

    const isFloodResult = (f: Frame) => f.type === 'result' && typeof f.id === 'string' && f.id.startsWith('flood-');
    const allAnswered = flooder.waitFor(() => flooder.frames.filter(isFloodResult).length === FLOOD, 170_000);
    for (let i = 0; i < FLOOD; i++) flooder.send({ type: 'cmd', id: `flood-${i}`, name: 'terminal.state', input: {} });
    // The server is answering the flood: now the other seat pings.
    await flooder.waitFor(isFloodResult, 30_000, true);
    other.send({ type: 'ping' });
    await other.waitFor((f) => f.type === 'pong', 60_000);
    const answeredBeforePong = flooder.frames.filter(isFloodResult).length;
    // Handled all in one go (as before), the whole flood is answered before the ping is read.
    expect(answeredBeforePong).toBeLessThan(FLOOD / 2);

    await allAnswered;
    const results = flooder.frames.filter(isFloodResult);
    expect(new Set(results.map((f) => f.id)).size).toBe(FLOOD);
    expect(results.every((f) => f.type === 'result' && f.result.ok && (f.result.value as { me?: unknown }).me !== undefined)).toBe(true);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(server.output()).not.toMatch(/未预期的错误|未处理的异步错误|\[protocol\]|unexpected error/);
    await flooder.close();
    await other.close();
  });

  it('is dropped when it sends without reading its answers, and the server keeps serving everyone else', async () => {
    const guest = await TerminalClient.connect(wsUrl());
    await guest.waitFor((f) => f.type === 'welcome', 5000, true);
    const socket = (guest.ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.pause(); // reads nothing from now on
    // Each frame is answered with a result of some 260 bytes: 200 000 of them are far more than
    // the limit and every buffer between the two processes.
    const frame = JSON.stringify({ type: 'cmd', id: 'x'.repeat(64), name: `no.such.${'y'.repeat(92)}`, input: {} });
    for (let i = 0; i < 200_000; i++) guest.send(frame);
    guest.send({ type: 'cmd', id: 'last', name: 'no.such.command', input: {} });
    // Reading resumes once the server has taken every frame (or has dropped the socket).
    while (guest.ws.bufferedAmount > 0 && guest.ws.readyState === guest.ws.OPEN) await new Promise((r) => setTimeout(r, 50));
    socket.resume();
    const outcome = await Promise.race([guest.closed.then(() => 'dropped'), guest.waitFor((f) => f.type === 'result' && f.id === 'last', 170_000).then(() => 'answered')]);
    expect(outcome).toBe('dropped');
    expect(server.output()).toMatch(/发送消息却不读取回复（未读取的数据超过8MB），已断开连接/);

    const next = await TerminalClient.connect(wsUrl());
    await next.waitFor((f) => f.type === 'welcome', 5000, true);
    next.send({ type: 'ping' });
    await next.waitFor((f) => f.type === 'pong', 30_000);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    await next.close();
  });
});
