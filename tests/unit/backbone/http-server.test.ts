// The headless server's admin endpoint: token and loopback checks, malformed input, unknown commands,
// and the same Result over HTTP as through the dispatcher directly (which is what Electron's IPC does).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../src-main/api/command';
import { createCore, type Core } from '../../../src-main/app/core';
import { AppHttpServer } from '../../../src-main/server/http';

const TOKEN = 'a'.repeat(48);
const ELECTRON_CALLER: Caller = { kind: 'admin', source: 'console:electron' };

let dir: string;
let core: Core;
let local: AppHttpServer;
let fromLan: AppHttpServer;
let localUrl: string;
let lanUrl: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-http-'));
  core = createCore(dir);
  local = new AppHttpServer({ dispatch: core.dispatch, adminToken: TOKEN, staticDir: null });
  fromLan = new AppHttpServer({ dispatch: core.dispatch, adminToken: TOKEN, staticDir: null, remoteAddressOf: () => '192.168.1.50' });
  localUrl = `http://127.0.0.1:${await local.listen(0, '127.0.0.1')}`;
  lanUrl = `http://127.0.0.1:${await fromLan.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await local.close();
  await fromLan.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function post(base: string, name: string, body: string, token: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}/api/cmd/${name}`, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}

const auditCount = () => (core.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const region = () => (core.store.db.prepare('SELECT region FROM committee').get() as { region: string }).region;
const UPDATE = JSON.stringify({ region: '示例区', term: 2 });

describe('admin commands over HTTP', () => {
  it('are refused without a token (UNAUTHORIZED, 401) and change nothing', async () => {
    const before = auditCount();
    const r = await post(localUrl, 'committee.update', UPDATE, null);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/^控制台凭据不正确.*管理令牌/) } });
    expect(auditCount()).toBe(before);
    expect(region()).toBe('');
  });

  it('are refused with a wrong token (UNAUTHORIZED, 401)', async () => {
    for (const wrong of ['b'.repeat(48), TOKEN.slice(1), `${TOKEN}a`, '']) {
      const r = await post(localUrl, 'committee.update', UPDATE, wrong);
      expect(r.status).toBe(401);
      expect(r.body.error?.code).toBe('UNAUTHORIZED');
    }
    expect(region()).toBe('');
  });

  it('are refused from another machine even with the right token (FORBIDDEN, 403)', async () => {
    const before = auditCount();
    const r = await post(lanUrl, 'committee.update', UPDATE, TOKEN);
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('192.168.1.50') } });
    expect(auditCount()).toBe(before);
    expect(region()).toBe('');
  });

  it('a malformed JSON body gives BAD_INPUT and changes nothing', async () => {
    const before = auditCount();
    const r = await post(localUrl, 'committee.update', '{"region": "示例区", term: 2', TOKEN);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '请求内容不是有效的 JSON' } });
    expect(auditCount()).toBe(before);
    expect(region()).toBe('');
  });

  it('an unknown command gives UNKNOWN_COMMAND', async () => {
    const r = await post(localUrl, 'members.explode', '{}', TOKEN);
    expect(r.body).toEqual({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: expect.stringContaining('members.explode') } });
  });

  it('with the token from this machine, a command runs and is audited', async () => {
    const before = auditCount();
    const r = await post(localUrl, 'committee.update', UPDATE, TOKEN);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, value: { region: '示例区', term: 2, level: null, levelInForce: '区', name: '示例区人民代表大会常务委员会' } });
    expect(auditCount()).toBe(before + 1);
    expect(region()).toBe('示例区');
  });
});

describe('one API whichever transport: HTTP and the dispatcher (Electron IPC) give the same Result', () => {
  const cases: [string, unknown][] = [
    ['committee.get', {}],
    ['settings.get', {}],
    ['members.create', { sort: 1, name: '张三', role: '列席', seat: null }],
    ['members.create', { sort: 1, name: '', role: '委员', seat: 1 }],
    ['sessions.get', { id: 999 }],
    ['no.such.command', {}],
  ];
  it.each(cases)('%s %j', async (name, input) => {
    const direct = await core.dispatch(name, input, ELECTRON_CALLER);
    const overHttp = await post(localUrl, name, JSON.stringify(input), TOKEN);
    expect(overHttp.body).toEqual(direct);
  });

  it('the failures above are the expected ones, in Chinese', async () => {
    const bad = await core.dispatch('members.create', { sort: 1, name: '张三', role: '列席', seat: null }, ELECTRON_CALLER);
    expect(bad).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('职务') } });
    const missing = await core.dispatch('sessions.get', { id: 999 }, ELECTRON_CALLER);
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('找不到') } });
  });
});

describe('an admin request over the size limit', () => {
  const LIMIT = 64 * 1024;
  let small: AppHttpServer;
  let port: number;
  beforeAll(async () => {
    small = new AppHttpServer({ dispatch: core.dispatch, adminToken: TOKEN, staticDir: null, maxBodyBytes: LIMIT });
    port = await small.listen(0, '127.0.0.1');
  });
  afterAll(() => small.close());

  /**
   * POSTs `total` bytes to committee.update over a raw socket, chunked (no Content-Length) or with it,
   * and reads the answer only once the whole request is written, as a client that sends first and reads
   * after does (Python's http.client, requests): a server that closes while the body still arrives
   * makes the kernel reset the connection, and the answer is lost.
   */
  function sendOversized(total: number, chunked: boolean): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.pause(); // nothing read before the request is written
      socket.on('error', reject);
      const head = ['POST /api/cmd/committee.update HTTP/1.1', `Host: 127.0.0.1:${port}`, `Authorization: Bearer ${TOKEN}`, 'Content-Type: application/json'];
      socket.write(`${[...head, chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${total}`].join('\r\n')}\r\n\r\n`);
      const piece = Buffer.alloc(16 * 1024, 'x');
      const frame = chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
      let sent = 0;
      const read = () => {
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (d: string) => (text += d));
        socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), body: JSON.parse(/\{.*\}/s.exec(text)?.[0] ?? 'null') }));
        socket.resume();
      };
      const write = () => {
        while (sent < total) {
          sent += piece.length;
          if (!socket.write(frame)) return void socket.once('drain', write);
        }
        socket.write(chunked ? '0\r\n\r\n' : '', read);
      };
      write();
    });
  }

  it.each([
    ['chunked, without Content-Length', true],
    ['with Content-Length', false],
  ])('%s: answered 413 BAD_INPUT 请求内容过大, not reset; nothing changed, and the next request answered', async (_how, chunked) => {
    const before = auditCount();
    const regionBefore = region();
    for (const total of [LIMIT + 16 * 1024, LIMIT * 64]) {
      expect(await sendOversized(total, chunked)).toEqual({ status: 413, body: { ok: false, error: { code: 'BAD_INPUT', message: '请求内容过大' } } });
    }
    expect(auditCount()).toBe(before);
    expect(region()).toBe(regionBefore);
    expect(await post(`http://127.0.0.1:${port}`, 'committee.get', '{}', TOKEN)).toMatchObject({ status: 200, body: { ok: true } });
  });
});
