// The hub's limits on WebSocket connections (server/connection-limits.ts), over a real HTTP server and
// real sockets: one LAN address gets at most 8, the LAN as a whole two per roster seat plus 100; a
// refused connection gets HTTP 503 with Retry-After and a Chinese RATE_LIMITED message, and nothing
// else changes (the admitted sockets keep working, the console's unpaired list and the audit log stay
// as they were). The meeting machine's own loopback is never refused. Every refusal is counted, and the
// consoles hear of them (`refusals` frames) until a while passes without one.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AppHttpServer } from '../../src-main/server/http';
import { WsHub } from '../../src-main/server/ws-hub';
import { lanCeiling, MAX_PER_ADDRESS } from '../../src-main/server/connection-limits';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { prepareSession16 } from '../helpers/session-fixture';

let a: AdminCore;
let server: AppHttpServer;
let hub: WsHub;
let url: string;
const open: WebSocket[] = [];
/** A run of refusals ends this long after the last (REFUSALS_QUIET_MS in the app). */
const QUIET_MS = 400;

// The test stands for many devices from one machine: the address is the one a header names (none: loopback).
const addressOf = (req: http.IncomingMessage) => (req.headers['x-test-address'] as string | undefined) ?? req.socket.remoteAddress;

type Outcome = { ws: WebSocket; welcome: true } | { status: number; retryAfter: string | undefined; body: any };

function connect(address?: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: address ? { 'x-test-address': address } : {} });
    ws.once('message', (data) => {
      expect(JSON.parse(data.toString()).type).toBe('welcome');
      open.push(ws);
      resolve({ ws, welcome: true });
    });
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) }));
    });
    ws.once('error', (e) => reject(e));
  });
}

const pong = (ws: WebSocket) =>
  new Promise<string>((resolve) => {
    ws.once('message', (d) => resolve(JSON.parse(d.toString()).type));
    ws.send(JSON.stringify({ type: 'ping' }));
  });
const closed = (ws: WebSocket) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once('close', () => resolve())));
const audit = () => (a.core.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
/** Until the hub has counted what the server side has closed (its socket's close event). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

beforeAll(async () => {
  a = openAdminCore('yishi-ws-limits-');
  await prepareSession16(a.must); // 33 members
  server = new AppHttpServer({ dispatch: a.core.dispatch, adminToken: 'x'.repeat(48), staticDir: null });
  hub = new WsHub({ engine: a.core.engine, dispatch: a.core.dispatch, adminToken: 'x'.repeat(48), remoteAddressOf: addressOf, refusalsQuietMs: QUIET_MS });
  server.upgrades.push(hub.handleUpgrade);
  url = `ws://127.0.0.1:${await server.listen(0, '127.0.0.1')}/ws`;
});
afterAll(async () => {
  for (const ws of open) ws.terminate();
  hub.close();
  await server.close();
  await a.close();
});

describe('WebSocket connections', () => {
  it(`one address gets ${MAX_PER_ADDRESS}; the next is refused with 503 in Chinese, and the others keep working`, async () => {
    const tablet = '192.168.1.50';
    const mine: WebSocket[] = [];
    for (let i = 0; i < MAX_PER_ADDRESS; i++) {
      const o = await connect(tablet);
      expect('welcome' in o, `connection ${i + 1}`).toBe(true);
      if ('ws' in o) mine.push(o.ws);
    }
    const before = { unpaired: hub.unpaired().length, audit: audit() };
    const refused = await connect(tablet);
    expect(refused).toEqual({
      status: 503,
      retryAfter: '10',
      body: { ok: false, error: { code: 'RATE_LIMITED', message: `本设备（${tablet}）已有${MAX_PER_ADDRESS}个连接，新的连接被拒绝；请关闭多余的页面，稍后重试` } },
    });
    expect({ unpaired: hub.unpaired().length, audit: audit() }).toEqual(before);
    for (const ws of mine) expect(await pong(ws)).toBe('pong');
    expect('welcome' in (await connect('192.168.1.51'))).toBe(true);

    // A closed socket frees its place.
    mine[0]!.close();
    await closed(mine[0]!);
    await until(() => hub.limits.counts(tablet).address === MAX_PER_ADDRESS - 1);
    expect('welcome' in (await connect(tablet))).toBe(true);
  });

  it('the LAN as a whole gets two per roster seat plus 100; the ceiling follows the roster; loopback is never refused', async () => {
    const ceiling = lanCeiling(33);
    expect(ceiling).toBe(166);
    let n = hub.limits.counts().lan;
    for (let host = 1; n < ceiling; host++) {
      for (let i = 0; i < MAX_PER_ADDRESS && n < ceiling; i++, n++) expect('welcome' in (await connect(`10.0.${host}.1`))).toBe(true);
    }
    expect(hub.limits.counts().lan).toBe(ceiling);
    const refused = await connect('10.0.200.1');
    expect(refused).toMatchObject({ status: 503, body: { ok: false, error: { code: 'RATE_LIMITED', message: '连接会议主机的设备已达上限（166个），新的连接被拒绝；请联系会务工作人员' } } });
    expect(hub.limits.refused.current()).toMatchObject({ bound: 'lan', limit: 166, address: '10.0.200.1' });

    // The meeting machine itself (the console, the big screen, the bench) still connects, many times over.
    for (let i = 0; i < MAX_PER_ADDRESS * 3; i++) expect('welcome' in (await connect())).toBe(true);

    // One more attendee on the roster: two more places.
    await a.must('attendees.create', { sort: 1, name: '沈勇', unit: '示例区人民政府', title: '副区长' });
    expect('welcome' in (await connect('10.0.201.1'))).toBe(true);
    expect('welcome' in (await connect('10.0.201.1'))).toBe(true);
    expect(await connect('10.0.201.1')).toMatchObject({ status: 503 });
  });
});

describe('the consoles hear of the connections refused', () => {
  it('in a `refusals` frame on identifying, at the first refusal and with the count, and null once refusals stop', async () => {
    await until(() => hub.limits.refused.current() === null); // the refusals above are over
    const o = await connect();
    if (!('ws' in o)) throw new Error('the console was refused');
    const frames: any[] = [];
    o.ws.on('message', (d) => {
      const f = JSON.parse(d.toString());
      if (f.type === 'refusals') frames.push(f.refusals);
    });
    o.ws.send(JSON.stringify({ type: 'hello', role: 'console', token: 'x'.repeat(48) }));
    await until(() => frames.length === 1);
    expect(frames[0]).toBeNull();

    const tablet = '192.168.1.50'; // holds its 8 since the first test (when run with it)
    while (hub.limits.counts(tablet).address < MAX_PER_ADDRESS) expect('welcome' in (await connect(tablet))).toBe(true);
    for (let i = 0; i < 3; i++) expect(await connect(tablet)).toMatchObject({ status: 503 });
    // Nothing refused for QUIET_MS: the run is over, and the consoles are told.
    await until(() => frames.length > 1 && frames.at(-1) === null);
    expect(hub.limits.refused.current()).toBeNull();
    expect(frames[1]).toMatchObject({ count: 1, bound: 'address', limit: MAX_PER_ADDRESS, address: tablet }); // the first refusal at once
    const last = frames.at(-2);
    expect(last).toMatchObject({ count: 3, bound: 'address', limit: MAX_PER_ADDRESS, address: tablet, since: frames[1].since }); // the count before the end
    expect(Date.parse(last.lastAt)).toBeGreaterThanOrEqual(Date.parse(last.since));
  });
});
