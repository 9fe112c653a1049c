// Unpaired sockets do not hold a place under the LAN's connection bounds for ever (server/connection-
// limits.ts UNPAIRED_IDLE_MS, shortened here): a LAN socket that neither pairs nor says hello in time is
// closed with 4002 and a Chinese reason, its place is freed, and the page that reconnects from the same
// address shows the same pairing number. A paired terminal, a big screen and the machine's own loopback
// are never dropped for being idle. GET /ws (no upgrade) tells a page that keeps failing whether the
// server refuses sockets from its address, with the same message as the refused upgrade's 503.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_UNPAIRED_IDLE } from '../../src-main/shared/protocol';
import { AppHttpServer } from '../../src-main/server/http';
import { WsHub } from '../../src-main/server/ws-hub';
import { MAX_PER_ADDRESS, UNPAIRED_IDLE_MS, unpairedIdleReason } from '../../src-main/server/connection-limits';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { prepareSession16 } from '../helpers/session-fixture';

const IDLE_MS = 400;
let a: AdminCore;
let server: AppHttpServer;
let hub: WsHub;
let port = 0;
const sockets: WebSocket[] = [];
const addressOf = (req: http.IncomingMessage) => (req.headers['x-test-address'] as string | undefined) ?? req.socket.remoteAddress;

interface Conn {
  ws: WebSocket;
  welcome: { pairingNumber: string };
  frames: any[];
  closed: Promise<{ code: number; reason: string }>;
}

function connect(address?: string): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: address ? { 'x-test-address': address } : {} });
    sockets.push(ws);
    const frames: any[] = [];
    const closed = new Promise<{ code: number; reason: string }>((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() })));
    ws.on('message', (d) => {
      const f = JSON.parse(d.toString());
      frames.push(f);
      if (f.type === 'welcome') resolve({ ws, welcome: f, frames, closed });
    });
    ws.once('error', reject);
  });
}
const next = (c: Conn, type: string) =>
  new Promise<any>((resolve) => {
    const seen = c.frames.find((f) => f.type === type);
    if (seen) return resolve(seen);
    const on = (d: WebSocket.RawData) => {
      const f = JSON.parse(d.toString());
      if (f.type === type) {
        c.ws.off('message', on);
        resolve(f);
      }
    };
    c.ws.on('message', on);
  });
const send = (c: Conn, frame: unknown) => c.ws.send(JSON.stringify(frame));
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}
function probe(address: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/ws', headers: { 'x-test-address': address }, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  a = openAdminCore('yishi-ws-idle-');
  const s16 = await prepareSession16(a.must);
  await a.must('live.open', { sessionId: s16.sessionId });
  server = new AppHttpServer({ dispatch: a.core.dispatch, adminToken: 'x'.repeat(48), staticDir: null, remoteAddressOf: addressOf });
  hub = new WsHub({ engine: a.core.engine, dispatch: a.core.dispatch, adminToken: 'x'.repeat(48), remoteAddressOf: addressOf, unpairedIdleMs: IDLE_MS });
  server.upgrades.push(hub.handleUpgrade);
  server.routes.push(hub.probeRoute);
  port = await server.listen(0, '127.0.0.1');
});
afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  hub.close();
  await server.close();
  await a.close();
});

describe('an unpaired socket from the LAN', () => {
  it('is closed with 4002 and a Chinese reason once its time is up; its place is freed and its page gets the same number back', async () => {
    const tablet = '192.168.1.60';
    const guest = await connect(tablet);
    expect(hub.limits.counts(tablet).address).toBe(1);
    expect(await guest.closed).toEqual({ code: CLOSE_UNPAIRED_IDLE, reason: unpairedIdleReason(IDLE_MS) });
    expect(unpairedIdleReason(UNPAIRED_IDLE_MS)).toBe('未在60秒内绑定座位，连接已关闭');
    await until(() => hub.limits.counts(tablet).address === 0);
    const again = await connect(tablet);
    expect(again.welcome.pairingNumber).toBe(guest.welcome.pairingNumber);
    expect((await connect('192.168.1.61')).welcome.pairingNumber).not.toBe(guest.welcome.pairingNumber);
  });

  it('never drops a paired terminal, a big screen or the loopback for being idle', async () => {
    const codes: { kind: string; id: number; code: string }[] = await a.must('seatCodes.list');
    const seat = await connect('192.168.1.70');
    send(seat, { type: 'cmd', id: 1, name: 'terminal.pair', input: { code: codes.find((c) => c.kind === 'member')!.code } });
    expect((await next(seat, 'result')).result.ok).toBe(true);
    const screen = await connect('192.168.1.71');
    send(screen, { type: 'hello', role: 'display' });
    await next(screen, 'hello-ok');
    const local = await connect();
    // Two guests opened after them are closed, one after the other: the others' time is long past.
    for (let i = 0; i < 2; i++) expect((await (await connect('192.168.1.72')).closed).code).toBe(CLOSE_UNPAIRED_IDLE);
    for (const c of [seat, screen, local]) {
      expect(c.ws.readyState).toBe(WebSocket.OPEN);
      send(c, { type: 'ping' });
      expect(await next(c, 'pong')).toEqual({ type: 'pong' });
    }
  });

  it('GET /ws says whether a socket from this address would be taken, with the 503 message of a refused upgrade', async () => {
    const full = '192.168.1.80';
    expect(await probe(full)).toEqual({ status: 200, body: { ok: true, value: { accepting: true } } });
    const mine = [];
    for (let i = 0; i < MAX_PER_ADDRESS; i++) mine.push(await connect(full));
    expect(await probe(full)).toEqual({
      status: 503,
      body: { ok: false, error: { code: 'RATE_LIMITED', message: `本设备（${full}）已有${MAX_PER_ADDRESS}个连接，新的连接被拒绝；请关闭多余的页面，稍后重试` } },
    });
    expect((await probe('192.168.1.81')).status).toBe(200);
    // Left unpaired, they go in their time, and the address is taken again.
    await Promise.all(mine.map((c) => c.closed));
    await until(() => hub.limits.counts(full).address === 0);
    expect((await probe(full)).status).toBe(200);
  });
});
