// Which session a review page shows: the one in the address (#/console/remarks/3), else the session
// in progress, else the most recent one that has met. A select switches between sessions.
import { useEffect, useState } from 'react';
import { type CommandOutput } from '../api';
import type { ChangePart } from '../live/protocol';
import { useLiveChanges } from '../live/useLive';
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
 * A number that changes whenever the live session reports a change of the given parts (a remark
 * arrived, a ballot closed…): pages reload their data when it changes. It follows the page's one
 * live client (no socket of its own, no polling).
 */
export function useRefreshTick(parts: readonly ChangePart[] = REFRESH_PARTS): number {
  const [tick, setTick] = useState(0);
  useLiveChanges((changed) => {
    if (changed.some((p) => parts.includes(p))) setTick((t) => t + 1);
  });
  return tick;
}

const REFRESH_PARTS: readonly ChangePart[] = ['session', 'agenda', 'round', 'remarks', 'register'];
