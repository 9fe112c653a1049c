// Who is in the hall, in memory: each member's attendance status in a session, read once from the
// attendance rows (after a restart: from the file) and then kept in step with every committed write
// of them (MeetingEngine.setAttendance, the sign-ins of the hall's group commit, 开会's seeding). A
// press or sheet asks it whether its member is recorded as 离会 without a query of its own.
import type { Store } from '../store/store';
import type { AttendanceStatus } from './types';

export class HallAttendance {
  private readonly sessions = new Map<number, Map<number, AttendanceStatus>>();

  constructor(private readonly store: Store) {}

  private of(sessionId: number): Map<number, AttendanceStatus> {
    let m = this.sessions.get(sessionId);
    if (!m) {
      const rows = this.store.db.prepare('SELECT member_id, status FROM attendance WHERE session_id = ?').all(sessionId) as { member_id: number; status: AttendanceStatus }[];
      this.sessions.set(sessionId, (m = new Map(rows.map((r) => [r.member_id, r.status]))));
    }
    return m;
  }

  /** Reads the session's rows now (at a round's opening), so the first press finds them in memory. */
  warm(sessionId: number): void {
    this.of(sessionId);
  }

  /** Whether the member is recorded as 离会 in the session. */
  hasLeft(sessionId: number, memberId: number): boolean {
    return this.of(sessionId).get(memberId) === 'left';
  }

  /** After the commit of a member's new status. */
  committed(sessionId: number, memberId: number, status: AttendanceStatus): void {
    this.sessions.get(sessionId)?.set(memberId, status);
  }

  /** After a commit that wrote rows of the session in bulk (开会 seeds them): read again when next asked. */
  forget(sessionId: number): void {
    this.sessions.delete(sessionId);
  }
}
