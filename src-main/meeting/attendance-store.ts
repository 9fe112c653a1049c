// Attendance of one session: who is present, on leave, absent or has left. 应到 is the session's
// frozen expected_members; the rows exist for every member in office when the session opens.
import { AppError } from '../shared/result';
import { signInRefusal } from '../domain/attendance';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import type { AttendanceStatus } from './types';

export interface AttendanceRow {
  id: number;
  memberId: number;
  name: string;
  role: string;
  seat: number | null;
  sort: number;
  status: AttendanceStatus;
  signedInAt: string | null;
  leftAt: string | null;
  late: boolean;
}

export function listAttendance(store: Store, sessionId: number): AttendanceRow[] {
  return (
    store.db
      .prepare(
        `SELECT a.id, a.member_id AS memberId, m.name, m.role, m.seat, m.sort, a.status, a.signed_in_at AS signedInAt,
                a.left_at AS leftAt, a.late
         FROM attendance a JOIN members m ON m.id = a.member_id
         WHERE a.session_id = ? ORDER BY m.seat IS NULL, m.seat, m.sort, m.id`,
      )
      .all(sessionId) as (Omit<AttendanceRow, 'late'> & { late: number })[]
  ).map((r) => ({ ...r, late: r.late === 1 }));
}

export function presentMemberIds(store: Store, sessionId: number): number[] {
  return (store.db.prepare("SELECT member_id FROM attendance WHERE session_id = ? AND status = 'present' ORDER BY member_id").all(sessionId) as {
    member_id: number;
  }[]).map((r) => r.member_id);
}

/** 实到 and 请假 of a session: two ranges of the attendance_status index (migration 010), not a scan of its rows. */
export function countsOf(store: Store, sessionId: number): { present: number; onLeave: number } {
  return store.db
    .prepare(
      `SELECT (SELECT count(*) FROM attendance WHERE session_id = @s AND status = 'present') AS present,
              (SELECT count(*) FROM attendance WHERE session_id = @s AND status = 'leave') AS onLeave`,
    )
    .get({ s: sessionId }) as { present: number; onLeave: number };
}

/**
 * 实到 and 请假 as announced when business began (开始会议议程, kept by engine.startBusiness), or null
 * before it began (and for a session that began before migration 012 kept them).
 */
export function openingCounts(store: Store, sessionId: number): { present: number; onLeave: number } | null {
  const r = store.db.prepare('SELECT opening_present AS present, opening_on_leave AS onLeave FROM session_live WHERE session_id = ?').get(sessionId) as
    | { present: number | null; onLeave: number | null }
    | undefined;
  return r && r.present !== null && r.onLeave !== null ? { present: r.present, onLeave: r.onLeave } : null;
}

/** Creates an attendance row (absent) for each member id; existing rows are kept. */
export function seedAttendance(store: Store, who: Actor, sessionId: number, memberIds: number[]): void {
  const insert = store.db.prepare('INSERT OR IGNORE INTO attendance (session_id, member_id) VALUES (?, ?)');
  for (const id of memberIds) {
    const r = insert.run(sessionId, id);
    if (r.changes) store.audit.recordRow(who, 'attendance.seed', 'attendance', Number(r.lastInsertRowid));
  }
}

/**
 * Sets a member's attendance. Signing in after business has started marks the arrival late;
 * leaving keeps the sign-in time. Setting the status it already has changes nothing. 实到 never
 * exceeds 应到 (`expected`): a sign-in beyond it is refused.
 */
export function setAttendance(
  store: Store,
  who: Actor,
  sessionId: number,
  memberId: number,
  status: AttendanceStatus,
  opts: { businessStarted: boolean; by: 'terminal' | 'secretary'; expected?: number },
): boolean {
  const row = store.db.prepare('SELECT id, status FROM attendance WHERE session_id = ? AND member_id = ?').get(sessionId, memberId) as
    | { id: number; status: AttendanceStatus }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该组成人员不在本次会议的应到名单中');
  if (row.status === status) return false;
  if (status === 'present' && opts.expected !== undefined) {
    const refusal = signInRefusal(countsOf(store, sessionId).present, opts.expected);
    if (refusal) throw new AppError('INVALID_STATE', refusal);
  }
  const now = new Date().toISOString();
  if (status === 'present') {
    store.db
      .prepare(
        `UPDATE attendance SET status = 'present', signed_in_at = coalesce(signed_in_at, ?), left_at = NULL,
           late = CASE WHEN signed_in_at IS NULL THEN ? ELSE late END, signed_in_by = ? WHERE id = ?`,
      )
      .run(now, opts.businessStarted ? 1 : 0, opts.by, row.id);
  } else if (status === 'left') {
    store.db.prepare("UPDATE attendance SET status = 'left', left_at = ? WHERE id = ?").run(now, row.id);
  } else {
    store.db.prepare('UPDATE attendance SET status = ? WHERE id = ?').run(status, row.id);
  }
  store.audit.recordRow(who, `attendance.${status}`, 'attendance', row.id);
  return true;
}
