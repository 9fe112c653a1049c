// GET /files/<documentId>?token=… serves an agenda document inline, to a terminal paired for the
// live session that the document belongs to, or to the console (admin token, this machine only).
import type http from 'node:http';
import { fail } from '../shared/result';
import type { MeetingEngine } from '../meeting/engine';
import { getItem, readDocument } from '../store/agenda';
import { isLoopback, sendJson, tokensEqual, type Route } from './http';

export function filesRoute(engine: MeetingEngine, adminToken: string): Route {
  return (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const m = /^\/files\/(\d+)$/.exec(url.pathname);
    if (!m || req.method !== 'GET') return false;
    const token = url.searchParams.get('token') ?? '';
    const isAdmin = isLoopback(req.socket.remoteAddress) && token.length > 0 && tokensEqual(token, adminToken);
    const binding = isAdmin ? null : engine.authenticate(token);
    if (!isAdmin && !binding) {
      sendJson(res, 401, fail('UNAUTHORIZED', '终端凭据无效或已失效'));
      return true;
    }
    let doc;
    try {
      doc = readDocument(engine.store, Number(m[1]));
      if (binding && getItem(engine.store, doc.itemId).sessionId !== binding.sessionId) throw new Error('other session');
    } catch {
      sendJson(res, 404, fail('NOT_FOUND', '找不到该文件'));
      return true;
    }
    res.writeHead(200, {
      'content-type': doc.mime,
      'content-length': doc.data.length,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
    });
    res.end(doc.data);
    return true;
  };
}
