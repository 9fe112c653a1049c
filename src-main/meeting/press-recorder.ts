// Presses from members' terminals, recorded through the round engine's group commit: each press is
// acknowledged only after the transaction that holds it has committed. A repeated or stale press
// (same terminal, pressSeq not higher than the last one recorded) changes nothing. Named presses are
// rows with the choice. A secret press is only a sealed receipt beside the member's voter row (round_receipts; choice,
// pressSeq and terminal inside, one length for every press); under "last press counts" every taken
// press rewrites it, changed or not, so the file does not even tell who changed their mind. A secret
// press is shown and told back only on the terminal that made it (its id is sealed in the receipt):
// a seat handed to another terminal mid-round learns nothing of what was pressed before.
import { AppError } from '../shared/result';
import { applyPress } from '../domain/press';
import { CHOICES, type Choice } from '../domain/vote';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import type { RoundEngine } from '../rounds/round-engine';
import type { VoterTable } from '../rounds/round-recorder';
import { leftRefusal } from '../domain/attendance';
import type { LiveContext } from '../rounds/types';
import { ballotHead, getBallot, namedChoices, type BallotHead } from './ballot-store';

export interface Press {
  ballotId: number;
  memberId: number;
  terminalId: string;
  choice: Choice;
  pressSeq: number;
  who: Actor;
}

export interface PressOutcome {
  ballotId: number;
  /** What is recorded for this member now. */
  choice: Choice;
  /** false when "first press counts" refused a later, different press. */
  accepted: boolean;
  /** whether this press changed what was recorded (secret, over a press made on another terminal: always true, nothing tells whether it differs). */
  changed: boolean;
}

export const SECRET_VOTERS: VoterTable = { table: 'secret_voters', round: 'ballot_id' };
export const NAMED_VOTES: VoterTable = { table: 'named_votes', round: 'ballot_id' };

interface SecretPress {
  choice: Choice;
  pressSeq: number;
  terminalId: string;
}

const TERMINAL_BYTES = 32;

/**
 * A secret press is shown (and told back) only on the terminal that made it: a seat taken over by
 * another terminal mid-round (a new seat code, or bound from the console) must not learn it.
 */
export const SECRET_PRESSED_ELSEWHERE = '您已在另一台终端上按键表决，本轮以第一次按键为准，不能更改';

/** The body of a secret receipt: version, choice, pressSeq, terminal id; 42 bytes for every press. */
export function pressBody(p: SecretPress): Buffer {
  const b = Buffer.alloc(2 + 8 + TERMINAL_BYTES);
  b[0] = 1;
  b[1] = CHOICES.indexOf(p.choice);
  b.writeDoubleBE(p.pressSeq, 2);
  b.write(p.terminalId.slice(0, TERMINAL_BYTES), 10, 'latin1');
  return b;
}

export function readPressBody(b: Buffer): SecretPress {
  const choice = CHOICES[b[1]!];
  if (b[0] !== 1 || !choice) throw new AppError('INTERNAL', '一张无记名回执的格式无法识别');
  return { choice, pressSeq: b.readDoubleBE(2), terminalId: b.subarray(10).toString('latin1').replace(/\0+$/, '') };
}

export class PressRecorder {
  /** Who may press in each ballot: fixed when it opens, so it is read once. */
  private readonly eligible = new Map<number, Set<number>>();

  constructor(
    private readonly store: Store,
    private readonly rounds: RoundEngine,
    private readonly hall: Pick<LiveContext, 'hasLeft' | 'assertTerminalInCommit'>,
  ) {}

  /** Resolves only after the press is committed (or refused). */
  submit(press: Press): Promise<PressOutcome> {
    return this.rounds.submit({
      ref: { kind: 'ballot', id: press.ballotId },
      memberId: press.memberId,
      failed: '表决未能保存，请重新按键',
      head: () => ballotHead(this.store, press.ballotId),
      run: (b: BallotHead) => this.record(b, press),
      // Every refusal below is thrown before the first write (the round's key is at hand before a receipt is sealed).
      refusesBeforeWriting: true,
    });
  }

  private eligibleOf(ballotId: number): Set<number> {
    let set = this.eligible.get(ballotId);
    if (!set) this.eligible.set(ballotId, (set = new Set(getBallot(this.store, ballotId).eligible)));
    return set;
  }

  private record(b: BallotHead, p: Press): PressOutcome {
    // Behind a takeover of the seat in the same commit: the old terminal's press counts for nothing.
    this.hall.assertTerminalInCommit(p.terminalId);
    if (b.state !== 'open') throw new AppError('INVALID_STATE', b.state === 'draft' ? '表决尚未开始' : '表决已经结束，按键无效');
    if (b.method !== 'electronic') throw new AppError('INVALID_STATE', '本轮表决不使用表决器');
    if (!this.eligibleOf(b.id).has(p.memberId)) throw new AppError('INVALID_STATE', '您在表决开始时未签到，不能参加本轮表决');
    return b.secret ? this.recordSecret(b, p) : this.recordNamed(b, p);
  }

  private recordNamed(b: BallotHead, p: Press): PressOutcome {
    const db = this.store.db;
    const prev = db
      .prepare('SELECT choice, press_seq, press_terminal FROM named_votes WHERE ballot_id = ? AND member_id = ?')
      .get(b.id, p.memberId) as { choice: Choice; press_seq: number; press_terminal: string } | undefined;
    if (prev && prev.press_terminal === p.terminalId && p.pressSeq <= prev.press_seq) {
      return { ballotId: b.id, choice: prev.choice, accepted: prev.choice === p.choice, changed: false };
    }
    this.assertInHall(b, p);
    const decision = applyPress(prev?.choice ?? null, p.choice, b.pressRule);
    if (!decision.accepted) return { ballotId: b.id, choice: decision.choice, accepted: false, changed: false };
    db.prepare(
      `INSERT INTO named_votes (ballot_id, member_id, choice, press_seq, press_terminal, pressed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (ballot_id, member_id) DO UPDATE SET choice = excluded.choice, press_seq = excluded.press_seq,
         press_terminal = excluded.press_terminal, pressed_at = excluded.pressed_at`,
    ).run(b.id, p.memberId, decision.choice, p.pressSeq, p.terminalId, new Date().toISOString());
    if (decision.changed || !prev) this.store.audit.append(p.who, prev ? 'vote.change' : 'vote.press', 'ballots', b.id, { memberId: p.memberId, choice: decision.choice });
    return { ballotId: b.id, choice: decision.choice, accepted: true, changed: decision.changed || !prev };
  }

  private recordSecret(b: BallotHead, p: Press): PressOutcome {
    const ref = { kind: 'ballot' as const, id: b.id };
    const body = this.rounds.receipts.of(ref, p.memberId);
    const prev = body ? readPressBody(body) : null;
    if (prev && prev.terminalId === p.terminalId && p.pressSeq <= prev.pressSeq) {
      return { ballotId: b.id, choice: prev.choice, accepted: prev.choice === p.choice, changed: false };
    }
    this.assertInHall(b, p);
    const decision = applyPress(prev?.choice ?? null, p.choice, b.pressRule);
    const taken = decision.accepted && (!prev || b.pressRule === 'last');
    // Pressed before on another terminal (the seat taken over since): nothing here tells what was recorded.
    const elsewhere = prev !== null && prev.terminalId !== p.terminalId;
    if (elsewhere && !taken) throw new AppError('CONFLICT', SECRET_PRESSED_ELSEWHERE);
    if (taken) this.rounds.sealed.ready(ref); // a lost key refuses here, before the voter row is written
    if (taken) this.rounds.receipts.put(ref, SECRET_VOTERS, p.memberId, pressBody({ choice: decision.choice, pressSeq: p.pressSeq, terminalId: p.terminalId }));
    return { ballotId: b.id, choice: decision.choice, accepted: decision.accepted, changed: decision.changed || elsewhere };
  }

  /**
   * A fresh press from the seat of a member recorded as 离会 is refused (a resend of a press made
   * before leaving answers what is recorded, above); nothing is written for it.
   */
  private assertInHall(b: BallotHead, p: Press): void {
    if (this.hall.hasLeft(b.sessionId, p.memberId)) throw new AppError('INVALID_STATE', leftRefusal('表决'));
  }

  /**
   * Every member's recorded choice in a ballot, read in one query (for a broadcast to every
   * terminal, each shown only its own); secret: while the ballot is open, each receipt opened when
   * asked, and only for the terminal that pressed it.
   */
  recordedChoices(b: Pick<BallotHead, 'id' | 'secret'>): (memberId: number, terminalId: string) => Choice | null {
    if (!b.secret) {
      const choices = namedChoices(this.store, b.id);
      return (memberId) => choices.get(memberId) ?? null;
    }
    const ref = { kind: 'ballot' as const, id: b.id };
    const receipts = this.rounds.receipts.sealedOf(ref);
    return (memberId, terminalId) => {
      const receipt = receipts.get(memberId);
      return receipt ? this.choiceIn(() => this.rounds.sealed.open(ref, memberId, receipt), terminalId) : null;
    };
  }

  /** The member's recorded choice in a ballot (their own view only); secret: while the ballot is open, on the terminal that pressed it. */
  recordedChoice(b: Pick<BallotHead, 'id' | 'secret'>, memberId: number, terminalId: string): Choice | null {
    if (!b.secret) {
      const r = this.store.db.prepare('SELECT choice FROM named_votes WHERE ballot_id = ? AND member_id = ?').get(b.id, memberId) as { choice: Choice } | undefined;
      return r?.choice ?? null;
    }
    return this.choiceIn(() => this.rounds.receipts.of({ kind: 'ballot', id: b.id }, memberId), terminalId);
  }

  private choiceIn(open: () => Buffer | null, terminalId: string): Choice | null {
    try {
      const body = open();
      const press = body ? readPressBody(body) : null;
      return press && press.terminalId === terminalId.slice(0, TERMINAL_BYTES) ? press.choice : null;
    } catch (e) {
      console.error('[press]', (e as Error).message); // a view must not fail: the press itself reports the problem
      return null;
    }
  }
}
