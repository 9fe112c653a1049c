// 知道了 on the console's notice of refused connections (server/refusal-record.ts dismiss, the command
// live.dismissRefusals), over a real HTTP server and real sockets: every console is sent `refusals:
// null` at once, the notice is asked for again as null, and the next refusal starts a new run counted
// from it — the notice comes back only on new refusals (the run would otherwise last a quiet minute).
import type http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { lanInfoOf } from '../../src-main/app/server';
import { MAX_PER_ADDRESS } from '../../src-main/server/connection-limits';
import { AppHttpServer } from '../../src-main/server/http';
import { WsHub } from '../../src-main/server/ws-hub';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';

let a: AdminCore;
let server: AppHttpServer;
let hub: WsHub;
let url: string;
const open: WebSocket[] = [];
const TOKEN = 'x'.repeat(48);
const addressOf = (req: http.IncomingMessage) => (req.headers['x-test-address'] as string | undefined) ?? req.socket.remoteAddress;

/** A socket from `address` (none: loopback): admitted (its welcome) or refused (the upgrade's status). */
function connect(address?: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: address ? { 'x-test-address': address } : {} });
    ws.once('message', () => (open.push(ws), resolve(ws)));
    ws.once('unexpected-response', (_req, res) => (res.resume(), resolve(res.statusCode ?? 0)));
    ws.once('error', reject);
  });
}
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setImmediate(r));
}

beforeAll(async () => {
  a = openAdminCore('yishi-refusals-dismiss-');
  server = new AppHttpServer({ dispatch: a.core.dispatch, adminToken: TOKEN, staticDir: null });
  hub = new WsHub({ engine: a.core.engine, dispatch: a.core.dispatch, adminToken: TOKEN, remoteAddressOf: addressOf }); // the app's quiet minute
  server.upgrades.push(hub.handleUpgrade);
  url = `ws://127.0.0.1:${await server.listen(0, '127.0.0.1')}/ws`;
  a.core.services.lan = lanInfoOf(hub, () => []);
});
afterAll(async () => {
  for (const ws of open) ws.terminate();
  hub.close();
  await server.close();
  await a.close();
});

it('知道了 clears the notice for every console at once; only a new refusal brings it back, counted from it', async () => {
  const frames: unknown[][] = [[], []];
  for (const seen of frames) {
    const c = await connect();
    if (typeof c === 'number') throw new Error('a console was refused');
    c.on('message', (d) => {
      const f = JSON.parse(d.toString());
      if (f.type === 'refusals') seen.push(f.refusals);
    });
    c.send(JSON.stringify({ type: 'hello', role: 'console', token: TOKEN }));
  }
  await until(() => frames.every((f) => f.length === 1));

  const tablet = '192.168.1.60';
  for (let i = 0; i < MAX_PER_ADDRESS; i++) expect(await connect(tablet)).toBeInstanceOf(WebSocket);
  expect(await connect(tablet)).toBe(503);
  expect(await connect(tablet)).toBe(503);
  await until(() => frames.every((f) => (f.at(-1) as { count?: number } | null)?.count === 2));

  expect(await a.must('live.dismissRefusals', {})).toBeUndefined();
  await until(() => frames.every((f) => f.at(-1) === null)); // told on their sockets
  expect(await a.must('live.connectionRefusals', {})).toEqual({ refusals: null });

  expect(await connect(tablet)).toBe(503);
  await until(() => frames.every((f) => f.at(-1) !== null));
  for (const f of frames) expect(f.at(-1)).toMatchObject({ count: 1, bound: 'address', address: tablet });
  expect(await a.must('live.connectionRefusals', {})).toMatchObject({ refusals: { count: 1 } });
});
