// How many WebSocket connections the hub takes from the LAN (docs/terminal-protocol.md, "Connections"):
// without a bound, anyone on the room's network could open sockets until the meeting machine runs out
// of file descriptors and memory, and with them the database, the backups and every terminal.
//
// - Per address (a tablet, a laptop): at most MAX_PER_ADDRESS sockets. A tablet holds one; a reload or
//   a Wi-Fi hop leaves the old one open until the heartbeat drops it (at most a minute), and a laptop
//   may show a terminal and the chair's view in two tabs: eight leaves room for all of that.
// - From the LAN as a whole: at most `lanCeiling(seats)`, two per seat of the roster (members and
//   attendees, each with one stale socket while reconnecting) plus LAN_SPARE for big screens, chair
//   views and spare devices.
// - The meeting machine's own loopback (the console, the big-screen window, the chair's view, the
//   benchmark's 3000 simulated terminals) is never refused and does not count against the LAN: a
//   flood from the room can never lock the secretary out.
// A refused connection gets HTTP 503 on its upgrade request, with Retry-After and a Chinese message
// (code RATE_LIMITED), before any WebSocket is set up; nothing else in the session changes. Each one is
// counted (server/refusal-record.ts) for the console's notice.
import type http from 'node:http';
import { randomInt } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { MeetingEngine } from '../meeting/engine';
import { CLOSE_UNPAIRED_IDLE, type ConnectionBound } from '../shared/protocol';
import { isLoopback, sendJson, type Route } from './http';
import { RefusalRecord } from './refusal-record';

export const MAX_PER_ADDRESS = 8;
/**
 * A socket from the LAN that has neither paired nor said who it is (hello) within this long is closed
 * (CLOSE_UNPAIRED_IDLE, with the reason in Chinese), so a forgotten tab or a client that never speaks
 * does not hold a place under the bounds for ever. A real terminal page reconnects at once and keeps its
 * pairing number (ws-hub.ts); an identified socket (a paired terminal, a big screen) is never dropped for
 * being idle, and the loopback never counts, so is never closed for it either.
 */
export const UNPAIRED_IDLE_MS = 60_000;
/** The close reason (at most 123 bytes of UTF-8). */
export const unpairedIdleReason = (ms: number) => `未在${Math.round(ms / 1000)}秒内绑定座位，连接已关闭`;
export const LAN_SPARE = 100;
/** Seconds a refused client is asked to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 10;

/** The most sockets the LAN as a whole may hold, for a roster of `seats` members and attendees. */
export function lanCeiling(seats: number): number {
  return 2 * Math.max(0, seats) + LAN_SPARE;
}

/** Members and attendees on the roster (retired ones too: an upper bound is what a ceiling needs). */
export function rosterSeats(engine: MeetingEngine): number {
  const row = engine.store.db.prepare('SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM attendees WHERE active = 1) AS n').get() as { n: number };
  return row.n;
}

export interface Refusal {
  message: string;
  /** The bound reached, and its figure. */
  bound: ConnectionBound;
  limit: number;
}

export class ConnectionLimits {
  private readonly byAddress = new Map<string, number>();
  private lan = 0;
  private warned = new Map<string, number>();

  /** The refusals of the run going on (the console's notice). */
  readonly refused: RefusalRecord;

  /** `seats`: the roster's members and attendees now (read at most once per upgrade); `refusalsQuietMs`: see RefusalRecord. */
  constructor(
    private readonly seats: () => number,
    refusalsQuietMs?: number,
  ) {
    this.refused = new RefusalRecord(refusalsQuietMs);
  }

  /** Why a new socket from `address` is refused, or null when it may connect. */
  refusal(address: string): Refusal | null {
    if (isLoopback(address)) return null;
    const mine = this.byAddress.get(address) ?? 0;
    if (mine >= MAX_PER_ADDRESS) {
      return { message: `本设备（${address}）已有${MAX_PER_ADDRESS}个连接，新的连接被拒绝；请关闭多余的页面，稍后重试`, bound: 'address', limit: MAX_PER_ADDRESS };
    }
    const ceiling = lanCeiling(this.seats());
    if (this.lan >= ceiling) return { message: `连接会议主机的设备已达上限（${ceiling}个），新的连接被拒绝；请联系会务工作人员`, bound: 'lan', limit: ceiling };
    return null;
  }

  /** Counts the TCP socket of an admitted upgrade until it closes, whatever becomes of the handshake. */
  track(address: string, socket: Duplex): void {
    if (isLoopback(address)) return;
    this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + 1);
    this.lan++;
    socket.once('close', () => {
      this.lan--;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
    });
  }

  /**
   * GET /ws without an upgrade: would a socket from here be taken now? A browser's WebSocket never sees
   * the 503 of a refused upgrade (only a failed connection), so a page that keeps failing asks here and
   * can tell its user why: 503 with the same RATE_LIMITED message, or 200.
   */
  probeRoute(addressOf: (req: http.IncomingMessage) => string): Route {
    return (req, res, url) => {
      if (url.pathname !== '/ws' || req.headers.upgrade || req.method !== 'GET') return false;
      const refusal = this.refusal(addressOf(req));
      if (!refusal) sendJson(res, 200, { ok: true, value: { accepting: true } });
      else {
        res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        sendJson(res, 503, { ok: false, error: { code: 'RATE_LIMITED', message: refusal.message } });
      }
      return true;
    };
  }

  /** Answers the upgrade request with 503 and closes it; counted, and logged once a minute per address. */
  refuse(address: string, socket: Duplex, refusal: Refusal): void {
    this.refused.note(address, refusal);
    const now = Date.now();
    if ((this.warned.get(address) ?? 0) < now - 60_000) {
      if (this.warned.size > 1000) this.warned = new Map();
      this.warned.set(address, now);
      console.warn(`[ws] ${address}: ${refusal.message}`);
    }
    const body = JSON.stringify({ ok: false, error: { code: 'RATE_LIMITED', message: refusal.message } });
    if (!socket.writable) return void socket.destroy();
    setTimeout(() => socket.destroy(), 5000).unref();
    socket.end(
      'HTTP/1.1 503 Service Unavailable\r\n' +
        'Connection: close\r\n' +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Retry-After: ${RETRY_AFTER_SECONDS}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
        body,
    );
  }

  /** Sockets from the LAN now, in all and from one address (for tests and the log). */
  counts(address?: string): { lan: number; address: number } {
    return { lan: this.lan, address: address === undefined ? 0 : (this.byAddress.get(address) ?? 0) };
  }
}

/**
 * Closes a LAN socket left unpaired and unidentified for UNPAIRED_IDLE_MS, and keeps its pairing number
 * for its address, so the page that reconnects shows the same 终端号 the secretary may be reading.
 */
export class UnpairedTimeout {
  private kept = new Map<string, string>();

  constructor(readonly ms = UNPAIRED_IDLE_MS) {}

  /** Arms the timeout of a new socket (never for the loopback); the function returned disarms it (identified, paired, closed). */
  watch(address: string, socket: { unpaired: () => boolean; pairingNumber: string; close: (code: number, reason: string) => void }): () => void {
    if (isLoopback(address)) return () => undefined;
    const timer = setTimeout(() => {
      if (!socket.unpaired()) return;
      if (this.kept.size > 1000) this.kept = new Map();
      this.kept.set(address, socket.pairingNumber);
      socket.close(CLOSE_UNPAIRED_IDLE, unpairedIdleReason(this.ms));
    }, this.ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  }

  /**
   * A new socket's pairing number (the four digits its page shows): the one the last socket closed for
   * being idle from this address showed, once, when nobody holds it now; else a fresh one not in use.
   */
  pairingNumber(address: string, used: Set<string>): string {
    const kept = this.kept.get(address);
    this.kept.delete(address);
    if (kept && !used.has(kept)) return kept;
    for (;;) {
      const n = String(randomInt(1000, 10000));
      if (!used.has(n)) return n;
    }
  }
}
