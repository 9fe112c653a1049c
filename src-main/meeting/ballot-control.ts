// The ballot lifecycle of the live session: draft → open → closed → announced, manual results
// (show of hands, paper), timers, presses from terminals, and what happens at close.
import { AppError } from '../shared/result';
import { APPOINTMENT_ACTION_LABELS } from '../domain/agenda';
import { nextBallotState, type BallotAction } from '../domain/ballot-state';
import { announceResult, decideAdoption, tally, type Choice } from '../domain/vote';
import { SYSTEM_ACTOR, type Actor } from '../store/audit';
import { getItem } from '../store/agenda';
import { createBackup } from '../store/backup';
import { openAssessments } from '../assessment/assessment-store';
import { presentMemberIds } from './attendance-store';
import {
  countPresses,
  eraseReceipts,
  getBallot,
  insertBallot,
  markAnnounced,
  markOpened,
  openBallots,
  storeResult,
  type BallotRow,
} from './ballot-store';
import type { MeetingEngine } from './engine';
import type { TerminalBinding } from './pairing';
import type { BallotMethod } from './types';
import type { PressOutcome } from './vote-recorder';

export interface BallotOptions {
  itemId: number;
  secret: boolean;
  pressRule: 'first' | 'last';
  method: BallotMethod;
  timerSeconds: number | null;
  /** Appointment items: the persons (indexes into the item's persons) this ballot decides. */
  personIndexes?: number[];
}

const VOTABLE_KINDS = ['vote', 'appointment', 'other'];

export class BallotControl {
  private timers = new Map<number, NodeJS.Timeout>();

  constructor(private readonly engine: MeetingEngine) {}

  private get store() {
    return this.engine.store;
  }

  /** What a ballot decides: the item title, or the appointment persons it covers. */
  private subjectOf(itemId: number, personIndexes: number[]): { subject: string; persons: number[] } {
    const item = getItem(this.store, itemId);
    if (!VOTABLE_KINDS.includes(item.kind)) throw new AppError('INVALID_STATE', `“${item.title}”不是表决或任免事项`);
    if (item.kind !== 'appointment') return { subject: item.title, persons: [] };
    const persons = item.details.persons ?? [];
    if (persons.length === 0) throw new AppError('INVALID_STATE', '该任免事项还没有填写任免人员');
    const indexes = personIndexes.length ? [...new Set(personIndexes)].sort((a, b) => a - b) : persons.map((_, i) => i);
    if (indexes.some((i) => i < 0 || i >= persons.length)) throw new AppError('BAD_INPUT', '任免人员序号超出范围');
    if (item.details.appointmentMode === 'each' && indexes.length !== 1) throw new AppError('BAD_INPUT', '逐人表决时每轮表决只能针对一人');
    const names = indexes.map((i) => persons[i]!);
    const subject =
      names.length === 1
        ? `${APPOINTMENT_ACTION_LABELS[names[0]!.action]}${names[0]!.name}${names[0]!.post ? `${names[0]!.action === 'appoint' ? '为' : '的'}${names[0]!.post}` : ''}${names[0]!.action === 'remove' && names[0]!.post ? '职务' : ''}`
        : `${item.title}（${names.map((p) => `${APPOINTMENT_ACTION_LABELS[p.action]}${p.name}`).join('、')}，合并表决）`;
    return { subject, persons: indexes };
  }

  create(who: Actor, o: BallotOptions): BallotRow {
    const s = this.engine.requireLive();
    const item = getItem(this.store, o.itemId);
    if (item.sessionId !== s.id) throw new AppError('BAD_INPUT', '该议程项不属于正在进行的会议');
    const { subject, persons } = this.subjectOf(o.itemId, o.personIndexes ?? []);
    const id = this.store.change(who, () => {
      const id = insertBallot(this.store, {
        sessionId: s.id,
        itemId: o.itemId,
        subject,
        persons,
        method: o.method,
        secret: o.secret,
        pressRule: o.pressRule,
        timerSeconds: o.timerSeconds,
        expected: s.expectedMembers,
        rules: s.rules,
      });
      this.store.audit.recordRow(who, 'ballot.create', 'ballots', id);
      return id;
    });
    this.engine.changed('round');
    return getBallot(this.store, id);
  }

  private transition(b: BallotRow, action: BallotAction): boolean {
    const t = nextBallotState(b.state, action);
    if (!t.ok) throw new AppError('INVALID_STATE', t.message);
    return t.changed;
  }

  open(who: Actor, id: number): BallotRow {
    const b = getBallot(this.store, id);
    if (!this.transition(b, 'open')) return b;
    if (b.method !== 'electronic') throw new AppError('INVALID_STATE', '举手或纸质票表决请直接录入结果');
    const s = this.engine.requireLive();
    if (b.sessionId !== s.id) throw new AppError('INVALID_STATE', '该表决不属于正在进行的会议');
    if (!this.engine.liveRow(s.id).businessStartedAt) throw new AppError('INVALID_STATE', '请先开始会议议程（确认法定人数）再开始表决');
    const other = openBallots(this.store).find((x) => x.id !== id);
    if (other) throw new AppError('CONFLICT', `“${other.subject}”的表决尚未结束`);
    const sheet = openAssessments(this.store)[0];
    if (sheet) throw new AppError('CONFLICT', `“${sheet.title}”的测评尚未结束，请先结束测评`);
    if (b.secret) this.engine.receipts.create(id);
    const closesAt = b.timerSeconds ? new Date(Date.now() + b.timerSeconds * 1000).toISOString() : null;
    this.store.change(who, () => {
      markOpened(this.store, id, presentMemberIds(this.store, s.id), closesAt);
      if (this.engine.liveRow(s.id).currentItemId !== b.itemId) {
        this.store.db.prepare('UPDATE session_live SET current_item_id = ? WHERE session_id = ?').run(b.itemId, s.id);
        this.store.audit.recordRow(who, 'agenda.current', 'session_live', s.id, 'session_id');
      }
      this.store.audit.recordRow(who, 'ballot.open', 'ballots', id);
    });
    this.arm(getBallot(this.store, id));
    this.quietWal(true);
    this.engine.changed('round');
    return getBallot(this.store, id);
  }

  /**
   * While a ballot is open the WAL is not checkpointed automatically: a checkpoint copies pages and
   * syncs the database file inside some unlucky press's commit. It is checkpointed at close instead.
   */
  private quietWal(ballotOpen: boolean): void {
    this.store.db.pragma(`wal_autocheckpoint = ${ballotOpen ? 0 : 1000}`);
  }

  /** 结束表决: counts, 未按, adoption by the session's rules, the attendance snapshot, the times. */
  close(who: Actor, id: number): BallotRow {
    const b = getBallot(this.store, id);
    if (!this.transition(b, 'close')) return b;
    const c = countPresses(this.store, b);
    this.finish(who, b, { yes: c.yes, no: c.no, abstain: c.abstain }, b.eligible.length);
    return getBallot(this.store, id);
  }

  /** Results of a show of hands or paper ballot, entered by the secretary. */
  enterResult(who: Actor, id: number, counts: { yes: number; no: number; abstain: number }): BallotRow {
    const b = getBallot(this.store, id);
    if (b.method === 'electronic') throw new AppError('INVALID_STATE', '电子表决的结果由表决器统计，不能手工录入');
    if (b.state === 'closed' || b.state === 'announced') throw new AppError('INVALID_STATE', '该表决已有结果；如需重新表决请发起新一轮');
    const s = this.engine.requireLive();
    const present = b.state === 'open' ? b.eligible.length : presentMemberIds(this.store, s.id).length;
    if (counts.yes + counts.no + counts.abstain > present) {
      throw new AppError('BAD_INPUT', `赞成、反对、弃权合计${counts.yes + counts.no + counts.abstain}，超过了实到人数${present}`);
    }
    if (b.state === 'draft') {
      this.store.change(who, () => markOpened(this.store, id, presentMemberIds(this.store, s.id), null));
    }
    this.finish(who, getBallot(this.store, id), counts, present);
    return getBallot(this.store, id);
  }

  private finish(who: Actor, b: BallotRow, counts: { yes: number; no: number; abstain: number }, present: number): void {
    const t = tally(counts, present, b.expected);
    const o = decideAdoption(t, b.rules.adoption);
    this.store.change(who, () => {
      storeResult(this.store, b.id, {
        yes: t.yes,
        no: t.no,
        abstain: t.abstain,
        notPressed: t.notPressed,
        adopted: o.adopted,
        rule: o.rule,
        required: o.required,
        base: o.base,
        announcement: announceResult(t, o, b.rules.showNotPressed),
      });
      if (b.secret) eraseReceipts(this.store, b.id);
      this.store.audit.recordRow(who, 'ballot.close', 'ballots', b.id);
    });
    this.disarm(b.id);
    this.quietWal(false);
    if (b.secret) this.engine.receipts.destroy(b.id);
    // Secret ballots: truncating the WAL leaves no trace of the order of presses (see secret-receipts.ts).
    this.store.db.pragma(b.secret ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
    this.engine.changed('round');
    createBackup(this.store, SYSTEM_ACTOR, `表决结束后自动备份（表决#${b.id}）`).catch((e) => console.error('[backup]', e));
  }

  /** 宣布结果: terminals and the big screen show the result. */
  announce(who: Actor, id: number): BallotRow {
    const b = getBallot(this.store, id);
    if (!this.transition(b, 'announce')) return b;
    this.store.change(who, () => {
      markAnnounced(this.store, id);
      this.store.audit.recordRow(who, 'ballot.announce', 'ballots', id);
    });
    this.engine.changed('round');
    return getBallot(this.store, id);
  }

  /** A press from a member's terminal; resolves only after it is committed. */
  vote(who: Actor, binding: TerminalBinding, input: { ballotId: number; choice: Choice; pressSeq: number }): Promise<PressOutcome> {
    if (binding.memberId === null) return Promise.reject(new AppError('FORBIDDEN', '列席人员不参加表决'));
    return this.engine.recorder.submit({ ...input, memberId: binding.memberId, terminalId: binding.terminalId, who });
  }

  private arm(b: BallotRow): void {
    this.disarm(b.id);
    if (b.state !== 'open' || !b.closesAt) return;
    const ms = Math.max(0, Date.parse(b.closesAt) - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(b.id);
      try {
        this.close({ actor: '系统', source: 'timer' }, b.id);
      } catch (e) {
        console.error('[ballot timer]', e);
      }
    }, ms);
    timer.unref?.();
    this.timers.set(b.id, timer);
  }

  private disarm(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  /** After a restart: ballots that were open stay open, and their timers run on (or fire at once). */
  resumeTimers(): void {
    const open = openBallots(this.store);
    for (const b of open) this.arm(b);
    if (open.length) this.quietWal(true);
  }

  stopTimers(): void {
    for (const id of [...this.timers.keys()]) this.disarm(id);
  }
}
