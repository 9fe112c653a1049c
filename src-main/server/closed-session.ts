// The session that closed last, for the screens while no session is open ("第十六次会议已闭会") and
// for the terminals of a session that has just ended. A view piece of the LAN side, read-only.
import type { ClosedSession } from '../shared/protocol';
import { getSession, lastClosedSessionId } from '../store/sessions';
import { sessionOfToken } from '../meeting/pairing';
import type { Store } from '../store/store';

export function lastClosedSession(store: Store): ClosedSession | null {
  const id = lastClosedSessionId(store);
  return id === null ? null : closedSession(store, id);
}

export function closedSession(store: Store, sessionId: number): ClosedSession | null {
  try {
    const s = getSession(store, sessionId);
    return { id: s.id, title: s.title, closedAt: s.closedAt ?? null };
  } catch {
    return null;
  }
}

/** Why a terminal token is refused: a session that has ended says which (a tablet that was off at 闭会). */
export function staleTokenMessage(store: Store, token: string): string {
  const sessionId = token ? sessionOfToken(store, token) : null;
  const session = sessionId === null ? null : closedSession(store, sessionId);
  if (session && session.closedAt) return `${session.title}已闭会，本终端的座位凭证已失效；下次会议请输入新的座位码`;
  return '终端凭据无效或已失效，请重新输入座位码';
}
