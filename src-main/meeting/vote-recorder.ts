// Records presses with group commit (store/group-commit.ts): each press is acknowledged only after the
// transaction that holds it has committed. A repeated or stale press (same terminal, pressSeq not
// higher than the last one recorded) changes nothing.
import { AppError } from '../shared/result';
import { applyPress } from '../domain/press';
import type { Choice } from '../domain/vote';
import type { Actor } from '../store/audit';
import { GroupCommit } from '../store/group-commit';
import type { Store } from '../store/store';
import { ballotHead, getBallot, type BallotHead } from './ballot-store';
import type { SecretReceipts } from './secret-receipts';

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
  /** whether this press changed what was recorded. */
  changed: boolean;
}

export class VoteRecorder {
  /** Called after each committed batch with the ballots it touched. */
  onCommitted: (ballotIds: number[]) => void = () => {};
  private readonly group: GroupCommit<Press, PressOutcome, Map<number, BallotHead>>;
  /** Who may press in each ballot: fixed when it opens, so it is read once. */
  private readonly eligible = new Map<number, Set<number>>();

  constructor(
    private readonly store: Store,
    private readonly receipts: SecretReceipts,
  ) {
    this.group = new GroupCommit(store, {
      begin: () => new Map<number, BallotHead>(),
      each: (ballots, press) => {
        let b = ballots.get(press.ballotId);
        if (!b) ballots.set(press.ballotId, (b = ballotHead(this.store, press.ballotId)));
        return this.record(b, press);
      },
      failed: (e) => `表决未能保存，请重新按键（${e.message}）`,
      committed: (presses) => this.onCommitted([...new Set(presses.map((p) => p.ballotId))]),
    });
  }

  /** Resolves only after the press is committed (or refused). */
  submit(press: Press): Promise<PressOutcome> {
    return this.group.submit(press);
  }

  private eligibleOf(ballotId: number): Set<number> {
    let set = this.eligible.get(ballotId);
    if (!set) this.eligible.set(ballotId, (set = new Set(getBallot(this.store, ballotId).eligible)));
    return set;
  }

  private record(b: BallotHead, p: Press): PressOutcome {
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
    const db = this.store.db;
    const prev = db
      .prepare('SELECT press_seq, press_terminal, receipt FROM secret_voters WHERE ballot_id = ? AND member_id = ?')
      .get(b.id, p.memberId) as { press_seq: number; press_terminal: string; receipt: Buffer | null } | undefined;
    const prevChoice = prev ? this.receipts.open(b.id, p.memberId, prev.receipt) : null;
    if (prev && prevChoice === null) throw new AppError('INVALID_STATE', '您的表决已记录，无法更改');
    if (prev && prev.press_terminal === p.terminalId && p.pressSeq <= prev.press_seq) {
      return { ballotId: b.id, choice: prevChoice!, accepted: prevChoice === p.choice, changed: false };
    }
    const decision = applyPress(prevChoice, p.choice, b.pressRule);
    if (!decision.accepted) return { ballotId: b.id, choice: decision.choice, accepted: false, changed: false };
    const bump = db.prepare('UPDATE secret_counts SET count = count + ? WHERE ballot_id = ? AND choice = ?');
    const receipt = this.receipts.seal(b.id, p.memberId, decision.choice);
    if (!prev) {
      db.prepare('INSERT INTO secret_voters (ballot_id, member_id, press_seq, press_terminal, receipt) VALUES (?, ?, ?, ?, ?)').run(
        b.id,
        p.memberId,
        p.pressSeq,
        p.terminalId,
        receipt,
      );
      bump.run(1, b.id, decision.choice);
      this.store.audit.append(p.who, 'vote.press', 'ballots', b.id, { memberId: p.memberId });
    } else {
      db.prepare('UPDATE secret_voters SET press_seq = ?, press_terminal = ?, receipt = ? WHERE ballot_id = ? AND member_id = ?').run(
        p.pressSeq,
        p.terminalId,
        receipt,
        b.id,
        p.memberId,
      );
      if (decision.changed) {
        bump.run(-1, b.id, prevChoice!);
        bump.run(1, b.id, decision.choice);
        this.store.audit.append(p.who, 'vote.change', 'ballots', b.id, { memberId: p.memberId });
      }
    }
    return { ballotId: b.id, choice: decision.choice, accepted: true, changed: decision.changed || !prev };
  }

  /** The member's recorded choice in a ballot (their own view only). */
  recordedChoice(b: Pick<BallotHead, 'id' | 'secret'>, memberId: number): Choice | null {
    if (!b.secret) {
      const r = this.store.db.prepare('SELECT choice FROM named_votes WHERE ballot_id = ? AND member_id = ?').get(b.id, memberId) as { choice: Choice } | undefined;
      return r?.choice ?? null;
    }
    const r = this.store.db.prepare('SELECT receipt FROM secret_voters WHERE ballot_id = ? AND member_id = ?').get(b.id, memberId) as { receipt: Buffer | null } | undefined;
    return r ? this.receipts.open(b.id, memberId, r.receipt) : null;
  }
}
