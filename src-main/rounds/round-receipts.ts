// The sealed receipts of the open round, beside its voter rows (round_receipts): a member's receipt
// sealed under the round's key as their press or sheet is written, opened one at a time or all at
// close, and erased in the transaction that ends the round — the voter rows written again in the
// order of the members' ids, each voter audited once with no time of their own (rounds/round-engine.ts).
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import type { RoundRecorder, VoterTable } from './round-recorder';
import type { SealedRounds } from './sealed';
import { refKey, type RoundRef } from './types';

export class RoundReceipts {
  constructor(
    private readonly store: Store,
    private readonly sealed: SealedRounds,
    private readonly recorder: RoundRecorder,
  ) {}

  /** A member's receipt, opened; null when they have none (yet, or any more). */
  of(ref: RoundRef, memberId: number): Buffer | null {
    const row = this.store.db.prepare('SELECT receipt FROM round_receipts WHERE round = ? AND member_id = ?').get(refKey(ref), memberId) as { receipt: Buffer } | undefined;
    return row ? this.sealed.open(ref, memberId, row.receipt) : null;
  }

  /** Inside a transaction: the member's voter row (who took part) and a fresh sealed receipt of `body`. */
  put(ref: RoundRef, voters: VoterTable, memberId: number, body: Buffer): void {
    this.store.db.prepare(`INSERT INTO ${voters.table} (${voters.round}, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(ref.id, memberId);
    this.store.db
      .prepare('INSERT INTO round_receipts (round, member_id, receipt) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET receipt = excluded.receipt')
      .run(refKey(ref), memberId, this.sealed.seal(ref, memberId, body));
    this.recorder.wroteReceipt(ref);
  }

  /** Every receipt of the round by member, still sealed (`sealed.open` opens one). */
  sealedOf(ref: RoundRef): Map<number, Buffer> {
    const rows = this.store.db.prepare('SELECT member_id, receipt FROM round_receipts WHERE round = ?').all(refKey(ref)) as { member_id: number; receipt: Buffer }[];
    return new Map(rows.map((r) => [r.member_id, r.receipt]));
  }

  /** Every receipt of the round by member, opened (the tally at close). */
  openedOf(ref: RoundRef): Map<number, Buffer> {
    const opened = new Map<number, Buffer>();
    for (const [memberId, receipt] of this.sealedOf(ref)) opened.set(memberId, this.sealed.open(ref, memberId, receipt));
    return opened;
  }

  /**
   * Inside the transaction that ends a sealed round: its receipts are erased. One round is open at a
   * time, so they are all the table holds, and the table is emptied as a whole (DELETE without WHERE):
   * SQLite then frees and zeroes its pages (secure_delete), where deleting row by row could leave
   * an old copy of a receipt in the unused space of a page rebuilt while the round was open.
   */
  eraseAll(ref: RoundRef): void {
    const others = this.store.db.prepare('SELECT 1 AS x FROM round_receipts WHERE round <> ? LIMIT 1').get(refKey(ref));
    if (others) this.store.db.prepare('DELETE FROM round_receipts WHERE round = ?').run(refKey(ref)); // never so: one round is open at a time
    else this.store.db.prepare('DELETE FROM round_receipts').run();
  }

  /**
   * The receipts are erased, and the voter rows written again in the order of the members' ids: SQLite
   * puts each new cell below the ones already in its page, so the rows as the presses wrote them kept,
   * in their offsets, the order in which members first pressed (and with the round.receipts entries'
   * times, when each did) for good. Deleted (their cells zeroed, secure_delete) and inserted by id, the
   * voters' cells take the same places in an order that follows the ids. Each voter is audited once.
   */
  eraseAtClose(who: Actor, ref: RoundRef, voters: VoterTable): void {
    this.eraseAll(ref);
    const ids = this.store.db.prepare(`SELECT member_id FROM ${voters.table} WHERE ${voters.round} = ? ORDER BY member_id`).all(ref.id) as { member_id: number }[];
    this.store.db.prepare(`DELETE FROM ${voters.table} WHERE ${voters.round} = ?`).run(ref.id);
    const put = this.store.db.prepare(`INSERT INTO ${voters.table} (${voters.round}, member_id) VALUES (?, ?)`);
    for (const v of ids) put.run(ref.id, v.member_id);
    const action = ref.kind === 'ballot' ? 'vote.press' : 'assessment.sheet';
    for (const v of ids) this.store.audit.append(who, action, `${ref.kind}s`, ref.id, { memberId: v.member_id });
  }
}
