// Ballots (表决) in the live session: what is particular to them under the round engine
// (rounds/round-engine.ts). What a ballot decides (the item, or the appointment persons it covers,
// stored as they were), manual results (show of hands, paper), timers, presses from terminals, and
// the tally at close: named presses from their rows, secret ones from their sealed receipts.
import { AppError } from '../shared/result';
import { APPOINTMENT_ACTION_LABELS, personsWithIds, type BallotPerson } from '../domain/agenda';
import { announceResult, decideAdoption, tally, type Choice } from '../domain/vote';
import type { Actor } from '../store/audit';
import { getItem } from '../store/agenda';
import type { RoundEngine, RoundSpec } from '../rounds/round-engine';
import type { LiveContext } from '../rounds/types';
import { getBallot, insertBallot, markAnnounced, markOpened, namedCounts, openBallots, storeResult, type BallotRow } from './ballot-store';
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
}

const VOTABLE_KINDS = ['vote', 'appointment', 'other'];

/** "任命张三为区教育局局长", "免去李四的区司法局局长职务". */
function personSubject(p: BallotPerson): string {
  const post = p.post ? `${p.action === 'appoint' ? '为' : '的'}${p.post}${p.action === 'remove' ? '职务' : ''}` : '';
  return `${APPOINTMENT_ACTION_LABELS[p.action]}${p.name}${post}`;
}

export class BallotControl {
  readonly recorder: PressRecorder;
  readonly spec: RoundSpec<BallotRow>;

  constructor(
    private readonly live: LiveContext,
    private readonly rounds: RoundEngine,
  ) {
    this.recorder = new PressRecorder(live.store, rounds);
    const store = live.store;
    this.spec = {
      kind: 'ballot',
      noun: () => '表决',
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
    if (item.details.appointmentMode === 'each' && persons.length !== 1) throw new AppError('BAD_INPUT', '逐人表决时每轮表决只能针对一人');
    const subject =
      persons.length === 1
        ? personSubject(persons[0]!)
        : `${item.title}（${persons.map((p) => `${APPOINTMENT_ACTION_LABELS[p.action]}${p.name}`).join('、')}，合并表决）`;
    return { subject, persons };
  }

  create(who: Actor, o: BallotOptions): BallotRow {
    const s = this.live.requireLive();
    const item = getItem(this.store, o.itemId);
    if (item.sessionId !== s.id) throw new AppError('BAD_INPUT', '该议程项不属于正在进行的会议');
    const { subject, persons } = this.subjectOf(o.itemId, o);
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
    this.live.changed({ roundKind: 'ballot', roundId: id, itemId: o.itemId }, 'round');
    return getBallot(this.store, id);
  }

  open(who: Actor, id: number): BallotRow {
    return this.rounds.open(who, this.spec, id);
  }

  /** 结束表决: counts, 未按, adoption by the session's rules, the attendance snapshot, the times. */
  close(who: Actor, id: number): BallotRow {
    return this.rounds.close(who, this.spec, id);
  }

  announce(who: Actor, id: number): BallotRow {
    return this.rounds.announce(who, this.spec, id);
  }

  /** Results of a show of hands or paper ballot, entered by the secretary. */
  enterResult(who: Actor, id: number, counts: { yes: number; no: number; abstain: number }): BallotRow {
    const b = getBallot(this.store, id);
    if (b.method === 'electronic') throw new AppError('INVALID_STATE', '电子表决的结果由表决器统计，不能手工录入');
    if (b.state === 'closed' || b.state === 'announced') throw new AppError('INVALID_STATE', '该表决已有结果；如需重新表决请发起新一轮');
    const s = this.live.requireLive();
    const present = b.state === 'open' ? b.eligible.length : this.live.presentMemberIds(s.id).length;
    if (counts.yes + counts.no + counts.abstain > present) {
      throw new AppError('BAD_INPUT', `赞成、反对、弃权合计${counts.yes + counts.no + counts.abstain}，超过了实到人数${present}`);
    }
    if (b.state === 'draft') this.store.change(who, () => markOpened(this.store, id, this.live.presentMemberIds(s.id), null));
    this.rounds.finish(who, this.spec, getBallot(this.store, id), () => this.storeCounts(b, counts, present));
    return getBallot(this.store, id);
  }

  private storeCounts(b: BallotRow, counts: { yes: number; no: number; abstain: number }, present: number): void {
    const t = tally(counts, present, b.expected);
    const o = decideAdoption(t, b.rules.adoption);
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
  }

  /** A press from a member's terminal; resolves only after it is committed. */
  vote(who: Actor, binding: TerminalBinding, input: { ballotId: number; choice: Choice; pressSeq: number }): Promise<PressOutcome> {
    if (binding.memberId === null) return Promise.reject(new AppError('FORBIDDEN', '列席人员不参加表决'));
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

function countReceipts(receipts: Map<number, Buffer>): { yes: number; no: number; abstain: number } {
  const counts = { yes: 0, no: 0, abstain: 0 };
  for (const body of receipts.values()) counts[readPressBody(body).choice]++;
  return counts;
}
