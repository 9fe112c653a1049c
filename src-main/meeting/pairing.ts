// Terminal pairing: one-time seat codes per member (and attendee) and session, tokens held by
// terminals (only their SHA-256 is stored), one live terminal per seat, rate-limited wrong codes.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { AppError } from '../shared/result';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';

export interface SeatCode {
  kind: 'member' | 'attendee';
  id: number;
  name: string;
  seat: number | null;
  code: string;
  used: boolean;
}

export interface TerminalBinding {
  terminalId: string;
  sessionId: number;
  memberId: number | null;
  attendeeId: number | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function freshCode(store: Store, sessionId: number): string {
  const exists = store.db.prepare('SELECT 1 FROM seat_codes WHERE session_id = ? AND code = ?');
  for (;;) {
    const code = String(randomInt(100000, 1000000));
    if (!exists.get(sessionId, code)) return code;
  }
}

/** Gives every member and active attendee of the session a seat code (keeps existing unused ones). */
export function ensureSeatCodes(store: Store, who: Actor, sessionId: number, memberIds: number[], attendeeIds: number[]): void {
  const hasCode = store.db.prepare('SELECT 1 FROM seat_codes WHERE session_id = ? AND member_id IS ? AND attendee_id IS ? AND used_at IS NULL');
  const insert = store.db.prepare('INSERT INTO seat_codes (session_id, member_id, attendee_id, code) VALUES (?, ?, ?, ?)');
  const add = (memberId: number | null, attendeeId: number | null) => {
    if (!hasCode.get(sessionId, memberId, attendeeId)) insert.run(sessionId, memberId, attendeeId, freshCode(store, sessionId));
  };
  for (const id of memberIds) add(id, null);
  for (const id of attendeeIds) add(null, id);
  store.audit.append(who, 'seatCodes.issue', 'sessions', sessionId, { members: memberIds.length, attendees: attendeeIds.length });
}

/** Issues a new code for one seat; older unused codes for it stop working. */
export function regenerateSeatCode(store: Store, who: Actor, sessionId: number, target: { memberId?: number; attendeeId?: number }): string {
  const memberId = target.memberId ?? null;
  const attendeeId = target.attendeeId ?? null;
  if ((memberId === null) === (attendeeId === null)) throw new AppError('BAD_INPUT', '请指定一位组成人员或列席人员');
  const now = new Date().toISOString();
  store.db
    .prepare('UPDATE seat_codes SET used_at = ? WHERE session_id = ? AND member_id IS ? AND attendee_id IS ? AND used_at IS NULL')
    .run(now, sessionId, memberId, attendeeId);
  const code = freshCode(store, sessionId);
  store.db.prepare('INSERT INTO seat_codes (session_id, member_id, attendee_id, code) VALUES (?, ?, ?, ?)').run(sessionId, memberId, attendeeId, code);
  store.audit.append(who, 'seatCodes.regenerate', memberId ? 'members' : 'attendees', (memberId ?? attendeeId)!, { sessionId });
  return code;
}

export function listSeatCodes(store: Store, sessionId: number): SeatCode[] {
  const rows = store.db
    .prepare(
      `SELECT c.member_id, c.attendee_id, c.code, c.used_at, coalesce(m.name, a.name) AS name, m.seat, coalesce(m.sort, 100000 + a.sort) AS sort
       FROM seat_codes c LEFT JOIN members m ON m.id = c.member_id LEFT JOIN attendees a ON a.id = c.attendee_id
       WHERE c.session_id = ? AND c.id IN (
         SELECT max(id) FROM seat_codes WHERE session_id = ? GROUP BY member_id, attendee_id)
       ORDER BY c.attendee_id IS NOT NULL, m.seat IS NULL, m.seat, sort`,
    )
    .all(sessionId, sessionId) as { member_id: number | null; attendee_id: number | null; code: string; used_at: string | null; name: string; seat: number | null }[];
  return rows.map((r) => ({
    kind: r.member_id !== null ? 'member' : 'attendee',
    id: (r.member_id ?? r.attendee_id)!,
    name: r.name,
    seat: r.seat,
    code: r.code,
    used: r.used_at !== null,
  }));
}

/** Who is guessing: the address, and the connection (the terminal at its seat) when known. */
export interface PairingAttempt {
  address: string;
  connection?: string;
}

export interface PairingLockout {
  /** Seat-code pairing is paused for everyone (too many wrong codes overall). */
  overall: boolean;
  /** Addresses (and terminals) locked out now. */
  addresses: string[];
  /** Wrong codes in the current window, all addresses together. */
  recentFailures: number;
  /** Seconds until the oldest lock-out passes (0 when none). */
  retryInSeconds: number;
}

/**
 * Wrong seat codes, limited per address, per terminal connection and overall (many addresses
 * guessing together), each within a sliding window; then RATE_LIMITED until it passes or the
 * secretary clears the lock-out from the console.
 */
export class PairingRateLimiter {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
    private readonly overallLimit = 20,
  ) {}
  private keys(a: string | PairingAttempt): { key: string; limit: number }[] {
    const { address, connection } = typeof a === 'string' ? { address: a, connection: undefined } : a;
    return [
      { key: `addr:${address}`, limit: this.limit },
      ...(connection ? [{ key: `conn:${connection}`, limit: this.limit }] : []),
      { key: '*', limit: this.overallLimit },
    ];
  }
  private recent(key: string, now: number): number[] {
    const r = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (r.length) this.failures.set(key, r);
    else this.failures.delete(key);
    return r;
  }
  check(attempt: string | PairingAttempt): void {
    const now = Date.now();
    for (const { key, limit } of this.keys(attempt)) {
      const recent = this.recent(key, now);
      if (recent.length < limit) continue;
      const wait = Math.ceil((this.windowMs - (now - recent[recent.length - limit]!)) / 1000);
      throw new AppError(
        'RATE_LIMITED',
        key === '*'
          ? `座位码错误输入过多，座位码绑定已暂停，请${wait}秒后再试，或请会务人员在控制台解除锁定、为您绑定座位`
          : `座位码输入错误次数过多，请${wait}秒后再试，或请会务人员在控制台为您绑定座位`,
      );
    }
  }
  /** Forgets every failure (the secretary clears a lock-out). */
  reset(): void {
    this.failures.clear();
  }
  fail(attempt: string | PairingAttempt): void {
    const now = Date.now();
    for (const { key } of this.keys(attempt)) this.failures.set(key, [...this.recent(key, now), now]);
  }
  status(): PairingLockout {
    const now = Date.now();
    const overall = this.recent('*', now);
    const locked = [...this.failures.keys()].filter((k) => k.startsWith('addr:') && this.recent(k, now).length >= this.limit);
    const oldest = [...this.failures.entries()]
      .filter(([k, ts]) => (k === '*' ? ts.length >= this.overallLimit : ts.length >= this.limit))
      .map(([, ts]) => ts[0]!);
    return {
      overall: overall.length >= this.overallLimit,
      addresses: locked.map((k) => k.slice(5)),
      recentFailures: overall.length,
      retryInSeconds: oldest.length ? Math.max(0, Math.ceil((this.windowMs - (now - Math.min(...oldest))) / 1000)) : 0,
    };
  }
}

/**
 * Binds a new terminal to a seat: revokes the seat's previous live terminal (recorded in the audit
 * log) and returns the token, which only the terminal keeps.
 */
export function pairTerminal(
  store: Store,
  who: Actor,
  sessionId: number,
  target: { memberId: number | null; attendeeId: number | null },
  via: 'code' | 'console',
  address: string,
): { token: string; binding: TerminalBinding; revokedTerminalIds: string[] } {
  const now = new Date().toISOString();
  const previous = store.db
    .prepare('SELECT id FROM terminals WHERE session_id = ? AND member_id IS ? AND attendee_id IS ? AND revoked_at IS NULL')
    .all(sessionId, target.memberId, target.attendeeId) as { id: string }[];
  for (const p of previous) {
    store.db.prepare("UPDATE terminals SET revoked_at = ?, revoked_reason = '新终端接管' WHERE id = ?").run(now, p.id);
    store.audit.append(who, 'terminal.takeover', 'terminals', p.id, { sessionId, ...target });
  }
  const token = randomBytes(32).toString('base64url');
  const terminalId = randomBytes(8).toString('hex');
  store.db
    .prepare(
      `INSERT INTO terminals (id, session_id, member_id, attendee_id, token_hash, paired_at, paired_via, address)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(terminalId, sessionId, target.memberId, target.attendeeId, hashToken(token), now, via, address);
  store.audit.append(who, 'terminal.pair', 'terminals', terminalId, { sessionId, ...target, via, address });
  return { token, binding: { terminalId, sessionId, ...target }, revokedTerminalIds: previous.map((p) => p.id) };
}

/** Redeems a one-time seat code. Wrong codes count against the address. */
export function redeemSeatCode(store: Store, sessionId: number, code: string): { memberId: number | null; attendeeId: number | null } {
  const row = store.db
    .prepare('SELECT id, member_id, attendee_id FROM seat_codes WHERE session_id = ? AND code = ? AND used_at IS NULL')
    .get(sessionId, code) as { id: number; member_id: number | null; attendee_id: number | null } | undefined;
  if (!row) throw new AppError('UNAUTHORIZED', '座位码不正确或已使用，请核对后重新输入');
  store.db.prepare('UPDATE seat_codes SET used_at = ? WHERE id = ?').run(new Date().toISOString(), row.id);
  return { memberId: row.member_id, attendeeId: row.attendee_id };
}

/** The live binding of a token, or null for an unknown, forged or revoked token. */
export function bindingForToken(store: Store, token: string): TerminalBinding | null {
  const row = store.db
    .prepare('SELECT id, session_id, member_id, attendee_id FROM terminals WHERE token_hash = ? AND revoked_at IS NULL')
    .get(hashToken(token)) as { id: string; session_id: number; member_id: number | null; attendee_id: number | null } | undefined;
  return row ? { terminalId: row.id, sessionId: row.session_id, memberId: row.member_id, attendeeId: row.attendee_id } : null;
}
