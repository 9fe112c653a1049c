// The app's HTTP server: the renderer's static files, the admin command endpoint (loopback + token
// only) and hooks for the LAN parts (terminals, big screen, WebSocket) added by the live session.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import type { Dispatcher } from '../api/dispatch';
import { fail, type Result } from '../shared/result';
import { CONSOLE_CREDENTIAL_REFUSED } from '../shared/protocol';
import { readBody, refuseOversized } from './request-body';
import { decodePath, resolveUnder } from './static-path';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean | Promise<boolean>;
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer, url: URL) => boolean;

export interface HttpServerOptions {
  dispatch: Dispatcher;
  adminToken: string;
  staticDir: string | null;
  /** Overridable for tests: where a request comes from. */
  remoteAddressOf?: (req: http.IncomingMessage) => string | undefined;
  /** Overridable for tests: the largest admin request body taken (default MAX_BODY_BYTES, server/request-body.ts). */
  maxBodyBytes?: number;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

/** Checks that an admin request comes from this machine and carries the admin token. */
export function adminRefusal(req: http.IncomingMessage, opts: HttpServerOptions, token: string | null): Extract<Result<never>, { ok: false }> | null {
  const remote = (opts.remoteAddressOf ?? ((r) => r.socket.remoteAddress))(req);
  if (!isLoopback(remote)) return refuse('FORBIDDEN', `管理命令只能在本机使用，拒绝来自${remote ?? '未知地址'}的请求`);
  if (!token || !tokensEqual(token, opts.adminToken)) return refuse('UNAUTHORIZED', CONSOLE_CREDENTIAL_REFUSED);
  return null;
}

const refuse = (code: 'FORBIDDEN' | 'UNAUTHORIZED', message: string) => ({ ok: false as const, error: { code, message } });

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The request's URL, or null when it cannot be parsed. */
function parseUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

export class AppHttpServer {
  readonly server: http.Server;
  readonly routes: Route[] = [];
  readonly upgrades: UpgradeHandler[] = [];

  constructor(private readonly opts: HttpServerOptions) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        console.error('[http]', e);
        if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', '内部错误'));
        else res.end();
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      try {
        const url = parseUrl(req.url);
        if (!url || !this.upgrades.some((u) => u(req, socket, head, url))) socket.destroy();
      } catch (e) {
        console.error('[http] upgrade', e);
        socket.destroy();
      }
    });
    this.server.on('clientError', (_e, socket) => socket.destroy());
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as { port: number }).port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections?.();
      this.server.close(() => resolve());
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = parseUrl(req.url);
    if (!url) return sendJson(res, 400, fail('BAD_INPUT', '请求地址无效'));
    for (const route of this.routes) if (await route(req, res, url)) return;

    if (url.pathname.startsWith('/api/cmd/')) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('BAD_INPUT', '请使用 POST'));
      const auth = req.headers.authorization;
      const refusal = adminRefusal(req, this.opts, auth?.startsWith('Bearer ') ? auth.slice(7) : null);
      if (refusal) return sendJson(res, refusal.error.code === 'FORBIDDEN' ? 403 : 401, refusal);
      const body = await readBody(req, this.opts.maxBodyBytes);
      if (body === null) return refuseOversized(res);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return sendJson(res, 400, fail('BAD_INPUT', '请求内容不是有效的 JSON'));
      }
      const name = decodePath(url.pathname.slice('/api/cmd/'.length));
      if (name === null) return sendJson(res, 400, fail('BAD_INPUT', '命令名称的百分号编码无效'));
      const result = await this.opts.dispatch(name, input, { kind: 'admin', source: `console:${req.socket.remoteAddress}` });
      return sendJson(res, 200, result);
    }
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    if (req.method === 'GET' && this.opts.staticDir) return this.serveStatic(url.pathname, res);
    sendJson(res, 404, fail('NOT_FOUND', '找不到该地址'));
  }

  private serveStatic(pathname: string, res: http.ServerResponse): void {
    const root = path.resolve(this.opts.staticDir!);
    const found = resolveUnder(root, pathname);
    if (!found.ok) return sendJson(res, found.status, fail(found.status === 400 ? 'BAD_INPUT' : 'NOT_FOUND', found.reason));
    let file = found.file;
    // Any other path of the single-page app shows the app (its hash names the face).
    if (!isFile(file)) file = path.join(root, 'index.html');
    const ext = path.extname(file);
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': ext === '.html' ? 'no-store' : 'public, max-age=3600',
    });
    fs.createReadStream(file)
      .on('error', (e) => {
        console.error('[http] static', e.message);
        res.destroy();
      })
      .pipe(res);
  }
}
