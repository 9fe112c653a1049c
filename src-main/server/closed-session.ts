// The session that closed last, for the screens while no session is open ("第十六次会议已闭会") and
// for the terminals of a session that has just ended. A view piece of the LAN side, read-only.
import type { ClosedSession } from '../shared/protocol';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';

export function lastClosedSession(store: Store): ClosedSession | null {
  const row = store.db.prepare("SELECT id FROM sessions WHERE status = 'closed' ORDER BY closed_at DESC, id DESC LIMIT 1").get() as { id: number } | undefined;
  return row ? closedSession(store, row.id) : null;
}

export function closedSession(store: Store, sessionId: number): ClosedSession | null {
  try {
    const s = getSession(store, sessionId);
    return { id: s.id, title: s.title, closedAt: s.closedAt ?? null };
  } catch {
    return null;
  }
}
