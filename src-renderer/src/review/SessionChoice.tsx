// Which session a review page shows: the one in the address (#/console/remarks/3), else the session
// in progress, else the most recent one that has met. A select switches between sessions.
import { useEffect, useState } from 'react';
import { adminToken, type CommandOutput } from '../api';
import { replaceRoute, go, routeId } from '../console/route';
import { useQuery } from '../console/useCommand';

export type SessionRow = CommandOutput<'sessions.list'>[number];

export function useSessionChoice(section: string, segment: string | undefined): { sessions: SessionRow[]; sessionId: number | null; loading: boolean } {
  const q = useQuery('sessions.list', {});
  const sessions = q.data ?? [];
  const fromRoute = routeId(segment);
  const fallback = sessions.find((s) => s.status === 'open') ?? sessions.find((s) => s.status === 'closed') ?? sessions[0];
  const sessionId = fromRoute ?? fallback?.id ?? null;
  useEffect(() => {
    if (fromRoute === null && fallback) replaceRoute(section, fallback.id);
  }, [fromRoute, fallback, section]);
  return { sessions, sessionId, loading: q.loading };
}

export function SessionSelect({ section, sessions, sessionId }: { section: string; sessions: SessionRow[]; sessionId: number | null }) {
  return (
    <label className="rv-session-select">
      <span>会议</span>
      <select value={sessionId ?? ''} onChange={(e) => go(section, e.target.value)} aria-label="选择会议">
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}（{s.date}）{s.status === 'open' ? ' · 进行中' : s.status === 'draft' ? ' · 草稿' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A number that changes whenever the live session pushes a new console state (a remark arrived,
 * a ballot closed…), plus a slow poll as a fallback: pages reload their data when it changes.
 */
export function useRefreshTick(pollMs = 5000): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const bump = () => live && setTick((t) => t + 1);
    const timer = setInterval(bump, pollMs);
    const bridge = window.yishi;
    const off = bridge?.onEvent?.(() => bump());
    let ws: WebSocket | null = null;
    if (!off && /^https?:$/.test(location.protocol)) {
      ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
      ws.onopen = () => ws?.send(JSON.stringify({ type: 'hello', role: 'console', token: adminToken() ?? '' }));
      ws.onmessage = (e) => {
        if (typeof e.data === 'string' && e.data.startsWith('{"type":"state"')) bump();
      };
      ws.onerror = () => undefined; // the poll keeps the page fresh
    }
    return () => {
      live = false;
      clearInterval(timer);
      off?.();
      ws?.close();
    };
  }, [pollMs]);
  return tick;
}
