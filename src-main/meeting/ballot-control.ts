// Ballots (表决) in the live session: what is particular to them under the round engine
// (rounds/round-engine.ts). What a ballot decides (the item, or the appointment persons it covers,
// stored as they were), manual results (show of hands, paper), timers, presses from terminals, and
// the tally at close: named presses from their rows, secret ones from their sealed receipts.
import { AppError } from '../shared/result';
import { asVoted, personsWithIds, type BallotPerson, type ThresholdName } from '../domain/agenda';
import { groupSubject } from '../domain/appointments';
import { presentOverExpected } from '../domain/attendance';
import { paperSheetProblems, type PaperSheets } from '../domain/paper-ballot';
import { announceResult, ballotAdoption, decideAdoption, tally, tallyProblems, type Choice } from '../domain/vote';
import { rowState, type Actor } from '../store/audit';
import { getItem } from '../store/agenda';
import { assertRoundable } from '../store/item-dispositions';
import type { RoundEngine, RoundSpec } from '../rounds/round-engine';
import { KEY_LOST_AT_TERMINAL } from '../rounds/sealed';
import type { LiveContext } from '../rounds/types';
import { provisionSubject } from './provision-ballots';
import { ballotNoun } from '../domain/provision-vote';
import { ballotsOfGroup, correctResult, getBallot, insertBallot, markAnnounced, markOpened, markVoided, namedCounts, openBallots, storeResult, type BallotRow } from './ballot-store';
import type { TerminalBinding } from './pairing';
import { NAMED_VOTES, PressRecorder, readPressBody, SECRET_VOTERS, type PressOutcome } from './press-recorder';
import type { BallotMethod } from './types';

export interface BallotOptions {
  itemId: number;
  secret: boolean;
  pressRule: 'first' | 'last';
  method: BallotMethod;
  timerSeconds: number | null;
  /** Appointment items: the persons (places in the item's list) this ballot decides. */
  personIndexes?: number[];
  /** Appointment items: the persons by id (instead of personIndexes). */
  personIds?: string[];
  /** This ballot's threshold; default the item's, else the session's rules. */
  threshold?: ThresholdName;
  /** 单独表决: the provision this ballot decides before the whole text, as its title; none for the whole item. */
  provision?: string;
}

export type VoteCounts = { yes: number; no: number; abstain: number };

const VOTABLE_KINDS = ['vote', 'appointment', 'other'];

/** 未按表决器 exists only where there are keypads: a paper or show-of-hands result never mentions it. */
const keypads = (b: Pick<BallotRow, 'method'>): boolean => b.method === 'electronic';

export class BallotControl {
  readonly recorder: PressRecorder;
  readonly spec: RoundSpec<BallotRow>;

  constructor(
    private readonly live: LiveContext,
    private readonly rounds: RoundEngine,
  ) {
    this.recorder = new PressRecorder(live.store, rounds, live);
    const store = live.store;
    this.spec = {
      kind: 'ballot',
      noun: (b) => ballotNoun(b),
      title: (b) => b.subject,
      get: (id) => getBallot(store, id),
      openRounds: () => openBallots(store),
      sealed: (b) => b.secret && b.method === 'electronic',
      voters: (b) => (b.secret ? SECRET_VOTERS : NAMED_VOTES),
      notElectronic: () => '举手或纸质票表决请直接录入结果',
      closesAt: (b) => (b.state === 'open' ? b.closesAt : b.timerSeconds ? new Date(Date.now() + b.timerSeconds * 1000).toISOString() : null),
      markOpened: (b, eligible, closesAt) => markOpened(store, b.id, eligible, closesAt),
      storeTally: (_who, b, receipts) => this.storeCounts(b, receipts ? countReceipts(receipts) : namedCounts(store, b.id), b.eligible.length),
      markAnnounced: (id) => markAnnounced(store, id),
      markVoided: (id) => markVoided(store, id),
    };
    rounds.register(this.spec);
  }

  private get store() {
    return this.live.store;
  }

  /** What a ballot decides: the item title, or the appointment persons it covers (as they are now). */
  private subjectOf(itemId: number, o: Pick<BallotOptions, 'personIndexes' | 'personIds'>): { subject: string; persons: BallotPerson[] } {
    const item = getItem(this.store, itemId);
    if (!VOTABLE_KINDS.includes(item.kind)) throw new AppError('INVALID_STATE', `“${item.title}”不是表决或任免事项`);
    if (item.kind !== 'appointment') return { subject: item.title, persons: [] };
    const all = personsWithIds(item.details.persons);
    if (all.length === 0) throw new AppError('INVALID_STATE', '该任免事项还没有填写任免人员');
    let persons: BallotPerson[];
    if (o.personIds?.length) {
      const wanted = new Set(o.personIds);
      persons = all.filter((p) => wanted.has(p.id));
      if (persons.length !== wanted.size) throw new AppError('BAD_INPUT', '所选任免人员已不在名单中，请刷新后重新选择');
    } else {
      const indexes = o.personIndexes?.length ? [...new Set(o.personIndexes)].sort((a, b) => a - b) : all.map((_, i) => i);
      if (indexes.some((i) => i < 0 || i >= all.length)) throw new AppError('BAD_INPUT', '任免人员序号超出范围，请刷新后重新选择');
      persons = indexes.map((i) => all[i]!);
    }
    // Any set of the item's persons may share a ballot (逐人 and 合并 in any mix): the plan is a default.
    const voted = persons.map(asVoted);
    return { subject: groupSubject(item.title, voted), persons: voted };
  }

  create(who: Actor, o: BallotOptions): BallotRow {
    const s = this.live.requireLive();
    const item = getItem(this.store, o.itemId);
    if (item.sessionId !== s.id) throw new AppError('BAD_INPUT', '该议程项不属于正在进行的会议');
    assertRoundable(this.store, o.itemId, '发起表决');
    const provision = o.provision?.trim() || null;
    const { subject, persons } = provision ? provisionSubject(this.store, item, provision) : this.subjectOf(o.itemId, o);
    const rules = { ...s.rules, adoption: ballotAdoption(s.rules.adoption, item.details.threshold, o.threshold) };
    const pending = this.unfinished(o, subject, persons, rules, provision);
    if (pending) return pending;
    const id = this.store.change(who, () => {
      const id = insertBallot(this.store, {
        sessionId: s.id,
        itemId: o.itemId,
        subject,
        provision,
        persons,
        method: o.method,
        secret: o.secret,
        pressRule: o.pressRule,
        timerSeconds: o.timerSeconds,
        expected: s.expectedMembers,
        rules,
      });
      this.store.audit.recordRow(who, 'ballot.create', 'ballots', id);
      return id;
    });
    this.live.changed({ roundKind: 'ballot', roundId: id, itemId: o.itemId }, 'round');
    return getBallot(this.store, id);
  }

  /**
   * A round of these persons (the item, or the same set of appointment persons) that has not ended:
   * one created with the same settings is what a repeat of this request (a double click, a second
   * console window, a retried call) answers with, and nothing is written again; any other is refused,
   * since a second round beside it would hide it (and number the rounds wrongly).
   */
  private unfinished(o: BallotOptions, subject: string, persons: BallotPerson[], rules: BallotRow['rules'], provision: string | null): BallotRow | null {
    const last = ballotsOfGroup(this.store, o.itemId, persons, provision).at(-1);
    if (!last || last.state === 'closed' || last.state === 'announced') return null;
    const same =
      last.state === 'draft' &&
      last.subject === subject &&
      last.method === o.method &&
      last.secret === o.secret &&
      last.pressRule === o.pressRule &&
      last.timerSeconds === o.timerSeconds &&
      JSON.stringify(last.rules.adoption) === JSON.stringify(rules.adoption);
    if (same) return last;
    const where = last.state === 'draft' ? '已经创建、尚未开始' : '正在进行';
    throw new AppError('CONFLICT', `“${last.subject}”的第${last.round}轮${ballotNoun(last)}${where}，不能再发起一轮；请先${last.state === 'draft' ? '开始并结束' : '结束'}这一轮`);
  }

  /** 开始表决: refused while more members are present than 应到 (no result on an impossible attendance). */
  open(who: Actor, id: number): BallotRow {
    const b = getBallot(this.store, id);
    if (b.state === 'draft') this.assertAttendance(b.expected, this.live.presentMemberIds(b.sessionId).length);
    return this.rounds.open(who, this.spec, id);
  }

  private assertAttendance(expected: number, present: number): void {
    const over = presentOverExpected(present, expected);
    if (over) throw new AppError('INVALID_STATE', `${over}，不能表决；请先核实出席情况或本次会议的应出席人数`);
  }

  /** 结束表决: counts, 未按, adoption by the session's rules, the attendance snapshot, the times. */
  close(who: Actor, id: number): BallotRow {
    return this.rounds.close(who, this.spec, id);
  }

  announce(who: Actor, id: number): BallotRow {
    return this.rounds.announce(who, this.spec, id);
  }

  /** 作废本轮: an open secret ballot whose receipts cannot be opened here (RoundEngine.voidRound). */
  voidRound(who: Actor, id: number, reason: string): BallotRow {
    return this.rounds.voidRound(who, this.spec, id, reason);
  }

  /** Results of a show of hands or paper ballot, entered by the secretary; a paper ballot's sheets with them. */
  enterResult(who: Actor, id: number, counts: VoteCounts, sheets?: PaperSheets): BallotRow {
    const b = getBallot(this.store, id);
    if (b.method === 'electronic') throw new AppError('INVALID_STATE', '电子表决的结果由表决器统计，不能手工录入');
    if (b.state === 'closed' || b.state === 'announced') throw new AppError('INVALID_STATE', '该表决已有结果；结果宣布前可以更正，如需重新表决请发起新一轮');
    const s = this.live.requireLive();
    if (b.state === 'draft') assertRoundable(this.store, b.itemId, '录入表决结果');
    const present = b.state === 'open' ? b.eligible.length : this.live.presentMemberIds(s.id).length;
    this.rounds.assertQuorum(s, present, '录入表决结果');
    assertCast(counts, present);
    assertSheets(b, counts, present, sheets);
    this.resultFrom(b, counts, present, sheets); // refused before anything is written
    if (b.state === 'draft') this.store.change(who, () => markOpened(this.store, id, this.live.presentMemberIds(s.id), null));
    this.rounds.finish(who, this.spec, getBallot(this.store, id), () => storeResult(this.store, b.id, this.resultFrom(b, counts, present, sheets)));
    return getBallot(this.store, id);
  }

  /**
   * 更正结果: a show-of-hands or paper result entered wrongly is corrected before it is announced;
   * the reason and the counts it replaces go into the audit log with the corrected row.
   */
  correctResult(who: Actor, id: number, counts: VoteCounts, reason: string, sheets?: PaperSheets): BallotRow {
    const b = getBallot(this.store, id);
    if (b.method === 'electronic') throw new AppError('INVALID_STATE', '电子表决的结果由表决器统计，不能更正');
    if (b.state === 'announced') throw new AppError('INVALID_STATE', '结果已经宣布，不能再更正；如需重新表决请发起新一轮');
    if (b.state !== 'closed' || !b.result) throw new AppError('INVALID_STATE', '该表决还没有录入结果，请先录入结果');
    if (!reason.trim()) throw new AppError('BAD_INPUT', '请填写更正的原因');
    assertCast(counts, b.eligible.length);
    const kept = sheets ?? b.result.sheets ?? undefined; // the sheets entered before, unless corrected too
    assertSheets(b, counts, b.eligible.length, kept);
    const next = this.resultFrom(b, counts, b.eligible.length, kept);
    this.store.change(who, () => {
      correctResult(this.store, id, next);
      const row = this.store.db.prepare('SELECT * FROM ballots WHERE id = ?').get(id) as Record<string, unknown>;
      const was = { yes: b.result!.yes, no: b.result!.no, abstain: b.result!.abstain, ...(b.result!.sheets ? { sheets: b.result!.sheets } : {}) };
      this.store.audit.append(who, 'ballot.correct', 'ballots', id, { row: rowState(row), reason: reason.trim(), was });
    });
    this.live.changed({ roundKind: 'ballot', roundId: id, itemId: b.itemId }, 'round');
    return getBallot(this.store, id);
  }

  /** The result to store; no result is computed on an impossible tally (实到 above 应到, more votes than present). */
  private resultFrom(b: BallotRow, counts: VoteCounts, present: number, sheets?: PaperSheets): NonNullable<BallotRow['result']> {
    const t = tally(counts, present, b.expected);
    const problems = tallyProblems(t);
    if (problems.length) throw new AppError(keypads(b) ? 'INVALID_STATE' : 'BAD_INPUT', `${problems.join('；')}，不能计算表决结果`);
    const o = decideAdoption(t, b.rules.adoption);
    return {
      yes: t.yes,
      no: t.no,
      abstain: t.abstain,
      notPressed: t.notPressed,
      adopted: o.adopted,
      rule: o.rule,
      required: o.required,
      base: o.base,
      announcement: announceResult(t, o, keypads(b) && b.rules.showNotPressed),
      sheets: sheets ?? null,
    };
  }

  private storeCounts(b: BallotRow, counts: VoteCounts, present: number): void {
    storeResult(this.store, b.id, this.resultFrom(b, counts, present));
  }

  /** A press from a member's terminal; resolves only after it is committed. */
  vote(who: Actor, binding: TerminalBinding, input: { ballotId: number; choice: Choice; pressSeq: number }): Promise<PressOutcome> {
    if (binding.memberId === null) return Promise.reject(new AppError('FORBIDDEN', '列席人员不参加表决'));
    if (this.rounds.sealed.isLost({ kind: 'ballot', id: input.ballotId })) return Promise.reject(new AppError('INVALID_STATE', KEY_LOST_AT_TERMINAL));
    return this.recorder.submit({ ...input, memberId: binding.memberId, terminalId: binding.terminalId, who });
  }

  /** How many have pressed (from memory while open). */
  voted(b: BallotRow): number {
    return this.rounds.recorder.voterIds({ kind: 'ballot', id: b.id }).size;
  }

  votedMemberIds(b: BallotRow): Set<number> {
    return this.rounds.recorder.voterIds({ kind: 'ballot', id: b.id });
  }
}

function assertCast(counts: VoteCounts, present: number): void {
  const cast = counts.yes + counts.no + counts.abstain;
  if (cast > present) throw new AppError('BAD_INPUT', `赞成、反对、弃权合计${cast}，超过了实到人数${present}`);
}

/** A paper ballot's sheets, when given, must fit the votes (domain/paper-ballot.ts); no sheets for a show of hands. */
function assertSheets(b: BallotRow, counts: VoteCounts, present: number, sheets: PaperSheets | undefined): void {
  if (!sheets) return;
  if (b.method !== 'paper') throw new AppError('BAD_INPUT', '举手表决没有表决票，不能录入表决票张数');
  const problems = paperSheetProblems(sheets, counts, present);
  if (problems.length) throw new AppError('BAD_INPUT', `${problems.join('；')}，请核对后重新录入`);
}

function countReceipts(receipts: Map<number, Buffer>): { yes: number; no: number; abstain: number } {
  const counts = { yes: 0, no: 0, abstain: 0 };
  for (const body of receipts.values()) counts[readPressBody(body).choice]++;
  return counts;
}
