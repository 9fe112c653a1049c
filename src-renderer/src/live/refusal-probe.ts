// Why this page's WebSockets keep failing: a browser's WebSocket never sees the meeting machine's 503,
// so after connections failed before any greeting the page asks over plain HTTP (GET /ws, answered by
// server/connection-limits.ts): the machine's Chinese reason while it refuses this address, else null
// (it would accept, or it cannot be reached at all).
import { CONNECTIONS_FULL } from './protocol';

export async function refusalProbe(): Promise<string | null> {
  try {
    const r = await fetch(`${window.location.origin}/ws`, { cache: 'no-store' });
    if (r.status !== 503) return null;
    const body = (await r.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : CONNECTIONS_FULL;
  } catch {
    return null;
  }
}
