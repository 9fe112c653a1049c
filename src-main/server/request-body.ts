// The body of an admin request, and the answer to one over the limit: 413 with the Chinese error, read
// no further, then the connection closed cleanly — the answer and a FIN, while what the client still
// sends is read and dropped for a short while, so that its kernel does not reset the connection and
// lose the answer (a client that writes the whole body before it reads, as Python's http.client does).
// Chunked (no Content-Length) or not, the same.
import type http from 'node:http';
import type net from 'node:net';
import { fail } from '../shared/result';

export const MAX_BODY_BYTES = 160 * 1024 * 1024; // a 100 MB document, base64-encoded, plus JSON

/** How long what a refused request still sends is read and dropped before the connection is cut. */
const LINGER_MS = 5_000;

/** The whole body, or null as soon as it is over `limit` (a Content-Length over it: nothing read). */
export async function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  // Not destroyed on the way out: that would reset the connection before the 413 is written.
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** 413 BAD_INPUT 请求内容过大, then the connection closed cleanly (above); nothing of the request is used. */
export function refuseOversized(res: http.ServerResponse): void {
  const socket = res.socket as (net.Socket & { destroySoon?: () => void }) | null;
  // Node closes an answer marked `Connection: close` with socket.destroySoon(): the end written, then
  // the socket destroyed at once, the client's bytes still unread: a reset. Closed here instead.
  if (socket) socket.destroySoon = () => lingeringClose(socket);
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(JSON.stringify(fail('BAD_INPUT', '请求内容过大')));
}

function lingeringClose(socket: net.Socket): void {
  socket.removeAllListeners('data'); // no more of it is parsed as HTTP: what still comes is dropped
  socket.on('data', () => {});
  socket.resume();
  socket.end();
  const cut = setTimeout(() => socket.destroy(), LINGER_MS);
  socket.once('end', () => socket.destroy()); // the client has sent all it will
  socket.once('close', () => clearTimeout(cut));
}
