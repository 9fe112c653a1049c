// The live-session engine: one open session at a time on this machine. Commands change the store
// (always with audit entries, in one transaction) and then emit events that say what they touched;
// the WebSocket hub and the Electron shell turn them into fresh views for the console, terminals and
// the big screen. Rounds (ballots, assessments, project ballots) run in the round engine
// (rounds/round-engine.ts), which sees the session only through the LiveContext this engine is.
import { AppError } from '../shared/result';
import { AssessmentControl } from '../assessment/assessment-control'; // issue 4
import { attendanceCounts, expectedReasonProblem, quorumMet } from '../domain/attendance';
import { inOfficeOn } from '../domain/people';
import { syncHearings } from '../review/handlings';
import type { KeyStore } from '../rounds/key-store';
import { RoundEngine } from '../rounds/round-engine';
import type { ChangeScope, LiveContext } from '../rounds/types';
import type { ChangePart } from '../shared/changes';
import type { Actor } from '../store/audit';
import { attendees } from '../store/directory';
import { getItem, listItems } from '../store/agenda';
import { listMembers } from '../store/members';
import { getSession, lastClosedSessionId, type Session } from '../store/sessions';
import type { Store } from '../store/store';
import { countsOf, presentMemberIds, seedAttendance, setAttendance } from './attendance-store';
import { BallotControl } from './ballot-control';
import { HallAttendance } from './hall-attendance';
import { dismissInterruption, noteInterruption, pendingInterruptions } from './interruption';
import { SpeakerQueue } from './speakers';
import { SESSION_ENDED, TerminalVerdicts } from './terminal-verdicts';
import {
  bindingForToken,
  ensureSeatCodes,
  pairTerminal,
  PairingRateLimiter,
  redeemSeatCode,
  type TerminalBinding,
} from './pairing';
import type { AttendanceStatus, Interruption } from './types';

export type EngineEvent =
  /** What a change touched (shared/changes.ts), with the round, item or member where it names one. */
  | ({ type: 'changed'; parts: ChangePart[] } & ChangeScope)
  /** Terminals logged out: another terminal took the seat, or the session ended (sessionEnded). */
  | { type: 'revoked'; terminalIds: string[]; reason: string; sessionEnded?: boolean }
  | { type: 'paired'; connectionId: string; token: string; binding: TerminalBinding };


export class MeetingEngine implements LiveContext {
  /** One engine for every kind of round: the policy, the sealed receipts, the group commit. */
  readonly rounds: RoundEngine;
  readonly ballots: BallotControl;
  /** Issue 4: satisfaction assessments and project ballots (src-main/assessment/). */
  readonly assessments: AssessmentControl;
  /** Issue 10: the speaker queue (申请发言) of the live session. */
  readonly speakers: SpeakerQueue;
  readonly rateLimiter = new PairingRateLimiter();
  /** Terminal ids with a live connection; provided by the WebSocket hub. */
  presence: () => Set<string> = () => new Set();
  /** The URLs terminals use; provided by whoever runs the LAN server. */
  terminalUrls: () => string[] = () => [];
  private listeners = new Set<(e: EngineEvent) => void>();
  /** Each member's attendance, in memory, in step with the committed rows (the 离会 check of every press). */
  private readonly hall: HallAttendance;
  /** Whether each terminal's token stands, kept per terminal (terminal-verdicts.ts). */
  private readonly verdicts: TerminalVerdicts;

  constructor(
    readonly store: Store,
    keyStore: KeyStore,
  ) {
    this.hall = new HallAttendance(store);
    this.verdicts = new TerminalVerdicts(store);
    this.rounds = new RoundEngine(this, keyStore);
    this.ballots = new BallotControl(this, this.rounds);
    this.assessments = new AssessmentControl(this, this.rounds); // issue 4
    this.speakers = new SpeakerQueue(this); // issue 10
    this.interruptions = pendingInterruptions(store);
    store.backups.onChange(() => this.changed('backups'));
    this.rounds.resume();
  }

  on(listener: (e: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: EngineEvent): void {
    if (e.type === 'revoked') this.verdicts.forget();
    for (const l of this.listeners) l(e);
  }

  /** Tells the views what this change touched (see shared/changes.ts), optionally naming where. */
  changed(first: ChangePart | ChangeScope, ...parts: ChangePart[]): void {
    const all = typeof first === 'string' ? [first, ...parts] : parts;
    if (all.includes('session') || all.includes('terminals')) this.verdicts.forget();
    if (typeof first === 'string') this.emit({ type: 'changed', parts: all });
    else this.emit({ type: 'changed', parts, ...first });
  }

  /** After interrupted runs (app/run-marker.ts): what each restart found, newest first, shown in the console until dismissed (kept across clean restarts). */
  interruptions: Interruption[] = [];

  noteInterruption(previousStart: string): void {
    this.interruptions = [noteInterruption(this.store, this.rounds, previousStart), ...this.interruptions];
    this.changed('terminals');
  }

  /** 知道了 on one notice (`id` null: one that could not be recorded), by `who`; nothing changes for one already dismissed. */
  dismissInterruption(who: Actor, id: number | null): void {
    const recorded = id !== null && dismissInterruption(this.store, who, id);
    const held = this.interruptions.find((i) => i.id === id);
    if (!recorded && !held) return;
    this.interruptions = this.interruptions.filter((i) => i !== held);
    this.changed('terminals');
  }

  presentMemberIds(sessionId: number): number[] {
    return presentMemberIds(this.store, sessionId);
  }

  hasLeft(sessionId: number, memberId: number): boolean {
    return this.hall.hasLeft(sessionId, memberId);
  }

  warmHall(sessionId: number): void {
    this.hall.warm(sessionId);
    this.verdicts.warm(this.presence());
  }

  /**
   * Inside a transaction: the current item becomes `itemId` (audited), and a handling report the
   * session has now reached is recorded as heard in the same transaction. True when it moved.
   */
  moveCurrentItem(who: Actor, sessionId: number, itemId: number | null): boolean {
    if (this.liveRow(sessionId).currentItemId === itemId) return false;
    this.store.db.prepare('UPDATE session_live SET current_item_id = ? WHERE session_id = ?').run(itemId, sessionId);
    this.store.audit.recordRow(who, 'agenda.current', 'session_live', sessionId, 'session_id');
    syncHearings(this.store, who);
    return true;
  }

  /** The session that is open now, if any. */
  liveSession(): Session | null {
    const row = this.store.db.prepare("SELECT id FROM sessions WHERE status = 'open' ORDER BY opened_at DESC LIMIT 1").get() as { id: number } | undefined;
    return row ? getSession(this.store, row.id) : null;
  }

  requireLive(): Session {
    const s = this.liveSession();
    if (!s) throw new AppError('INVALID_STATE', '当前没有正在进行的会议，请先在控制台开会');
    return s;
  }

  liveRow(sessionId: number): { currentItemId: number | null; businessStartedAt: string | null; quorumOverride: string | null } {
    const r = this.store.db
      .prepare('SELECT current_item_id AS currentItemId, business_started_at AS businessStartedAt, quorum_override AS quorumOverride FROM session_live WHERE session_id = ?')
      .get(sessionId) as { currentItemId: number | null; businessStartedAt: string | null; quorumOverride: string | null } | undefined;
    return r ?? { currentItemId: null, businessStartedAt: null, quorumOverride: null };
  }

  attendance(session: Session) {
    const { present, onLeave } = countsOf(this.store, session.id);
    const counts = attendanceCounts(session.expectedMembers, present, onLeave);
    return { counts, met: quorumMet(present, session.expectedMembers, session.rules.quorum) };
  }

  /** 开会: the session becomes live; 应到 is frozen; attendance rows and seat codes are created. */
  openSession(who: Actor, sessionId: number): void {
    const s = getSession(this.store, sessionId);
    const live = this.liveSession();
    if (live && live.id !== sessionId) throw new AppError('CONFLICT', `“${live.title}”正在进行，请先闭会`);
    if (s.status === 'closed') throw new AppError('INVALID_STATE', `“${s.title}”已经闭会`);
    if (s.status === 'open') return;
    this.store.change(who, () => {
      const inOffice = listMembers(this.store, { includeRetired: true }).filter((m) => inOfficeOn(m, s.date)).length;
      // (an empty roster says nothing to compare with: nobody can sign in then anyway)
      const problem = inOffice > 0 ? expectedReasonProblem(s.expectedMembers, inOffice, s.expectedReason) : null;
      if (problem) throw new AppError('INVALID_STATE', `不能开会：${problem}（在“会议基本信息”中修改）`);
      this.store.db
        .prepare("UPDATE sessions SET status = 'open', opened_at = ?, region = (SELECT region FROM committee WHERE id = 1) WHERE id = ?")
        .run(new Date().toISOString(), sessionId);
      this.store.audit.recordRow(who, 'session.open', 'sessions', sessionId);
      const first = listItems(this.store, sessionId)[0];
      this.store.db.prepare('INSERT OR IGNORE INTO session_live (session_id, current_item_id) VALUES (?, ?)').run(sessionId, first?.id ?? null);
      this.store.audit.recordRow(who, 'session.live', 'session_live', sessionId, 'session_id');
      syncHearings(this.store, who);
      const members = listMembers(this.store, { includeRetired: true }).filter((m) => inOfficeOn(m, s.date));
      seedAttendance(this.store, who, sessionId, members.map((m) => m.id));
      ensureSeatCodes(this.store, who, sessionId, members.map((m) => m.id), attendees.list(this.store).map((a) => a.id));
    });
    this.hall.forget(sessionId);
    this.changed('session', 'register');
  }

  /**
   * 闭会. Every round must be closed first. Every terminal token of the session is revoked (recorded
   * and audited, in the same transaction), and each terminal is told that the session has ended.
   */
  closeSession(who: Actor, sessionId?: number): { session: Session; alreadyClosed: boolean } {
    const live = this.liveSession();
    if (!live || (sessionId !== undefined && live.id !== sessionId)) {
      // A repeat (a double click, a retried request, a second console window) of a 闭会 already done
      // changes nothing and says so; a session named that is not closed, or none at all, is refused.
      const done = sessionId !== undefined ? getSession(this.store, sessionId) : this.lastClosed();
      if (done?.status === 'closed') return { session: done, alreadyClosed: true };
      if (done && live) throw new AppError('INVALID_STATE', `“${done.title}”不是正在进行的会议，正在进行的是“${live.title}”`);
      this.requireLive();
      throw new AppError('INVALID_STATE', `“${done!.title}”尚未开会`);
    }
    const s = live;
    const open = this.rounds.openRound();
    if (open) throw new AppError('INVALID_STATE', `“${open.title}”的${open.noun}还在进行，请先结束${open.noun}再闭会`);
    const revoked = this.store.change(who, () => {
      const now = new Date().toISOString();
      this.store.db.prepare("UPDATE sessions SET status = 'closed', closed_at = ? WHERE id = ?").run(now, s.id);
      this.store.audit.recordRow(who, 'session.close', 'sessions', s.id);
      const ids = (this.store.db.prepare('SELECT id FROM terminals WHERE session_id = ? AND revoked_at IS NULL ORDER BY id').all(s.id) as { id: string }[]).map((r) => r.id);
      this.store.db.prepare("UPDATE terminals SET revoked_at = ?, revoked_reason = '闭会' WHERE session_id = ? AND revoked_at IS NULL").run(now, s.id);
      if (ids.length) this.store.audit.append(who, 'terminal.revokeAll', 'sessions', s.id, { terminalIds: ids, reason: '闭会' });
      syncHearings(this.store, who);
      return ids;
    });
    if (revoked.length) this.emit({ type: 'revoked', terminalIds: revoked, reason: SESSION_ENDED, sessionEnded: true });
    this.changed('session', 'terminals', 'register');
    return { session: getSession(this.store, s.id), alreadyClosed: false };
  }

  private lastClosed(): Session | null {
    const id = lastClosedSessionId(this.store);
    return id === null ? null : getSession(this.store, id);
  }

  /**
   * Every call of a terminal: its token must still stand and belong to the session that is live now.
   * The binding a socket remembers is never trusted on its own (a tablet left open from the last
   * session must not sign in to the next one). Kept per terminal: terminal-verdicts.ts.
   */
  assertTerminal(terminalId: string): void {
    this.verdicts.assert(terminalId);
  }

  /** The same, inside the group commit: behind a takeover of its seat in the same commit, read from the file. */
  assertTerminalInCommit(terminalId: string): void {
    this.verdicts.assertInCommit(terminalId);
  }

  /**
   * 开始会议议程: needs the quorum, or an explicit override whose reason is recorded. The attendance
   * announced now (实到, 请假) is kept with it: the chair's script and the record print that figure.
   */
  startBusiness(who: Actor, override: string | undefined): void {
    const s = this.requireLive();
    // Started already: a repeat (a second click, a retried request) changes nothing and records nothing;
    // whether it started with the quorum, or the reason given without it, stays as recorded then.
    if (this.liveRow(s.id).businessStartedAt !== null) return;
    const { counts, met } = this.attendance(s);
    if (!met && !override?.trim()) {
      throw new AppError('INVALID_STATE', `实到${counts.present}人，未达到法定人数，不能开始议程；如确需开始，请填写理由`);
    }
    this.store.change(who, () => {
      this.store.db
        .prepare('UPDATE session_live SET business_started_at = ?, quorum_override = ?, opening_present = ?, opening_on_leave = ? WHERE session_id = ?')
        .run(new Date().toISOString(), met ? null : override!.trim(), counts.present, counts.onLeave, s.id);
      this.store.audit.recordRow(who, met ? 'session.startBusiness' : 'session.startBusinessWithoutQuorum', 'session_live', s.id, 'session_id');
    });
    this.changed('session');
  }

  setItem(who: Actor, itemId: number): void {
    const s = this.requireLive();
    const item = getItem(this.store, itemId);
    if (item.sessionId !== s.id) throw new AppError('BAD_INPUT', '该议程项不属于正在进行的会议');
    if (this.store.change(who, () => this.moveCurrentItem(who, s.id, itemId))) this.changed({ itemId }, 'agenda', 'register');
  }

  /** One item on; `from` (the item the step was asked from): nothing moves once the current item is no longer it. */
  step(who: Actor, delta: 1 | -1, from?: number | null): void {
    const s = this.requireLive();
    const items = listItems(this.store, s.id);
    if (items.length === 0) throw new AppError('INVALID_STATE', '本次会议没有议程项');
    const current = this.liveRow(s.id).currentItemId;
    if (from !== undefined && from !== current) return;
    const at = items.findIndex((i) => i.id === current);
    const next = items[Math.min(items.length - 1, Math.max(0, at + delta))]!;
    this.setItem(who, next.id);
  }

  setAttendance(who: Actor, memberId: number, status: AttendanceStatus, by: 'terminal' | 'secretary'): void {
    const s = this.requireLive();
    const businessStarted = this.liveRow(s.id).businessStartedAt !== null;
    const changed = this.store.change(who, () => setAttendance(this.store, who, s.id, memberId, status, { businessStarted, by, expected: s.expectedMembers }));
    if (!changed) return;
    this.hall.committed(s.id, memberId, status);
    this.changed({ memberId }, 'attendance');
  }

  /**
   * A member's terminal signs in, through the rounds' group commit: the sign-ins of one turn are written
   * in one transaction, each answered only after it is durable; a refused one (beyond 应到, no live
   * session) is refused alone. Memory follows the row once it has committed (the 离会 check).
   */
  signIn(who: Actor, memberId: number): Promise<void> {
    return this.rounds.recorder.submitHall({
      failed: '签到未能保存，请重新签到',
      run: () => {
        const s = this.requireLive();
        const businessStarted = this.liveRow(s.id).businessStartedAt !== null;
        const changed = setAttendance(this.store, who, s.id, memberId, 'present', { businessStarted, by: 'terminal', expected: s.expectedMembers });
        return changed ? s.id : null;
      },
      written: (sessionId) => sessionId !== null && this.hall.committed(sessionId, memberId, 'present'),
      done: (sessionId) => sessionId !== null && this.changed({ memberId }, 'attendance'),
    }).then(() => undefined);
  }

  /**
   * A terminal redeems a one-time seat code; the old terminal of that seat is revoked. Through the
   * rounds' group commit, like a sign-in: each pairing answered only after it is durable, a wrong
   * code refused alone (and counted against its address).
   */
  pairWithCode(who: Actor, code: string, address: string, connection?: string): Promise<{ token: string; binding: TerminalBinding }> {
    const attempt = { address, connection };
    return this.rounds.recorder.submitHall({
      failed: '座位绑定未能保存，请重新输入座位码',
      run: () => {
        const s = this.requireLive();
        this.rateLimiter.check(attempt);
        try {
          const paired = pairTerminal(this.store, who, s.id, redeemSeatCode(this.store, s.id, code), 'code', address);
          this.verdicts.takenOver(paired.revokedTerminalIds);
          return paired;
        } catch (e) {
          if (e instanceof AppError && e.code === 'UNAUTHORIZED') this.rateLimiter.fail(attempt);
          throw e;
        }
      },
      // A seat taken over is refused from now on, as soon as the takeover is in the file.
      written: () => {
        this.verdicts.written();
      },
      // The old terminal is told and closed after the answers of this commit have left (they go out in
      // the promise jobs that follow its commit): a press of it in the same commit hears its answer.
      done: (result) => setImmediate(() => this.afterPairing(result.revokedTerminalIds)),
    });
  }

  /** The secretary binds a connected, unpaired terminal (showing its pairing number) to a seat. */
  pairFromConsole(who: Actor, connectionId: string, address: string, target: { memberId: number | null; attendeeId: number | null }): void {
    const s = this.requireLive();
    const result = this.store.change(who, () => pairTerminal(this.store, who, s.id, target, 'console', address));
    this.emit({ type: 'paired', connectionId, token: result.token, binding: result.binding });
    this.afterPairing(result.revokedTerminalIds);
  }

  private afterPairing(revoked: string[]): void {
    if (revoked.length) this.emit({ type: 'revoked', terminalIds: revoked, reason: '该座位已在另一台终端上登录，本终端已退出' });
    this.changed('terminals');
  }

  /** The binding of a terminal token, valid only for the session that is live now. */
  authenticate(token: string): TerminalBinding | null {
    const b = bindingForToken(this.store, token);
    if (!b) return null;
    const live = this.liveSession();
    return live && live.id === b.sessionId ? b : null;
  }
}
