// The seat codes of the open session (members and attendees), loaded by the console blocks.
import { useCallback, useEffect, useState } from 'react';
import type { SeatCode } from '../../../../src-main/meeting/pairing';
import { call } from '../../api';
import { useLiveChanges } from '../../live/useLive';

export type SeatCodeRow = SeatCode;

export function useSeatCodes(sessionId: number | null): { rows: SeatCodeRow[]; reload: () => void } {
  const [rows, setRows] = useState<SeatCodeRow[]>([]);
  const reload = useCallback(() => {
    if (sessionId === null) return;
    void call('seatCodes.list', {}).then((r) => {
      if (r.ok) setRows(r.value);
    });
  }, [sessionId]);
  useEffect(reload, [reload]);
  useLiveChanges((parts) => parts.includes('terminals') && reload());
  return { rows, reload };
}

export const personKey = (r: { kind: 'member' | 'attendee'; id: number }) => `${r.kind}:${r.id}`;
export const personLabel = (r: SeatCodeRow) => `${r.seat !== null ? `${r.seat}号 ` : ''}${r.name}${r.kind === 'attendee' ? '（列席）' : ''}`;
