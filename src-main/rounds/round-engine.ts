// One engine for every kind of round: ballots (表决), satisfaction assessments (满意度测评) and
// project ballots (票决). One policy over both kinds: the explicit state machine of
// domain/ballot-state.ts (draft → open → closed → announced, repeats harmless), one round open at a
// time across all kinds, the current item moved to the round's item on open, no WAL auto-checkpoint
// while a round is open and a checkpoint at close (TRUNCATE for sealed rounds), a backup asked for at
// close and written once the room is quiet (store/backup-schedule.ts), and the change events. Sealed
// rounds keep only sealed receipts while open (round-receipts.ts); at close the receipts are tallied,
// only totals are written, the receipts are erased and the key is destroyed. Each kind says what is
// particular to it in a RoundSpec (meeting/ballot-control.ts, assessment/assessment-control.ts).
import { AppError } from '../shared/result';
import { nextBallotState, type BallotAction } from '../domain/ballot-state';
import { quorumShortfall } from '../domain/attendance';
import type { Session } from '../store/sessions';
import { rowState, type Actor } from '../store/audit';
import { newestBackupSeq } from '../store/backup';
import { assertRoundable } from '../store/item-dispositions';
import type { KeyStore } from './key-store';
import { RoundReceipts } from './round-receipts';
import { RoundRecorder, type RoundJob, type VoterTable } from './round-recorder';
import { recordVoid } from './round-voids';
import { SealedRounds } from './sealed';
import type { TimerHold } from '../domain/time-up';
import { refKey, type LiveContext, type RoundKind, type RoundRef, type RoundRow } from './types';

export interface RoundSpec<R extends RoundRow> {
  readonly kind: RoundKind;
  /** The word for it in messages: 表决, 测评 or 票决. */
  noun(r: R): string;
  title(r: R): string;
  get(id: number): R;
  /** Open rounds of this kind, in any session. */
  openRounds(): R[];
  /** Whether presses or sheets are kept as sealed receipts (secret ballots, every assessment). */
  sealed(r: R): boolean;
  voters(r: R): VoterTable;
  /** The refusal for opening a round that is not run on terminals. */
  notElectronic(r: R): string;
  /** When the round closes by itself (ballot timers), or null. */
  closesAt(r: R): string | null;
  /** Inside the open transaction. */
  markOpened(r: R, eligible: number[], closesAt: string | null): void;
  /** Inside the close transaction: the result from the receipts (opened bodies by member; null when not sealed). */
  storeTally(who: Actor, r: R, receipts: Map<number, Buffer> | null): void;
  markAnnounced(id: number): void;
  /** Inside the void transaction: back to draft (not opened, nobody eligible yet). */
  markVoided(id: number): void;
}

/** The audit action of a result entered from paper tallies (finish's `action`; a close otherwise records `<kind>.close`). */
export const PAPER_RESULT_ACTION = 'assessment.paper';

export class RoundEngine {
  readonly sealed: SealedRounds;
  readonly recorder: RoundRecorder;
  readonly receipts: RoundReceipts;
  private readonly specs = new Map<RoundKind, RoundSpec<RoundRow>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Rounds whose timer ran out while automatic closing was held (autoCloseHeld): open until closed by hand. */
  private readonly overdue = new Map<string, RoundRef>();
  /**
   * Whether a round's timer must not close it now: set by the app (app/core.ts) while a data-loss
   * notice is pending — presses acknowledged before the loss may be missing, and closing would freeze
   * a tally without them; or while the store has stopped writing ('stopped'). The round stays open; the
   * console says so (timerHeld); once the notice is acknowledged (holdLifted) the secretary checks with
   * the members and closes it by hand.
   */
  autoCloseHeld: () => Exclude<TimerHold, 'released'> | null = () => null;

  constructor(
    private readonly live: LiveContext,
    keyStore: KeyStore,
  ) {
    this.sealed = new SealedRounds(live.store.dataDir, keyStore);
    live.store.backups.holdWhile(() => this.openRound() !== null);
    this.recorder = new RoundRecorder(
      live.store,
      (ref) => this.spec(ref.kind).voters(this.spec(ref.kind).get(ref.id)),
      (refs) => refs.forEach((ref) => live.changed({ roundKind: ref.kind, roundId: ref.id }, 'progress')),
    );
    this.receipts = new RoundReceipts(live.store, this.sealed, this.recorder);
  }

  private get store() {
    return this.live.store;
  }

  register<R extends RoundRow>(spec: RoundSpec<R>): void {
    this.specs.set(spec.kind, spec as unknown as RoundSpec<RoundRow>);
  }

  private spec(kind: RoundKind): RoundSpec<RoundRow> {
    const s = this.specs.get(kind);
    if (!s) throw new Error(`no round spec for ${kind}`);
    return s;
  }

  /** The state machine: false for a harmless repeat; a refusal in the round's own words. */
  private transition<R extends RoundRow>(spec: RoundSpec<R>, r: R, action: BallotAction): boolean {
    const t = nextBallotState(r.state, action);
    if (!t.ok) throw new AppError('INVALID_STATE', t.message.replace(/表决/g, spec.noun(r)));
    return t.changed;
  }

  /** The open round of any kind, if one is open (eligible: how many may take part). */
  openRound(): { ref: RoundRef; title: string; noun: string; eligible: number } | null {
    for (const spec of this.specs.values()) {
      const r = spec.openRounds()[0];
      if (r) return { ref: { kind: spec.kind, id: r.id }, title: spec.title(r), noun: spec.noun(r), eligible: r.eligible.length };
    }
    return null;
  }

  open<R extends RoundRow>(who: Actor, spec: RoundSpec<R>, id: number): R {
    const r = spec.get(id);
    if (!this.transition(spec, r, 'open')) return r;
    const noun = spec.noun(r);
    assertRoundable(this.store, r.itemId, `开始${noun}`);
    if (r.method !== 'electronic') throw new AppError('INVALID_STATE', spec.notElectronic(r));
    const s = this.live.requireLive();
    if (r.sessionId !== s.id) throw new AppError('INVALID_STATE', `该${noun}不属于正在进行的会议`);
    if (!this.live.liveRow(s.id).businessStartedAt) throw new AppError('INVALID_STATE', `请先开始会议议程（确认法定人数）再开始${noun}`);
    const other = this.openRound();
    if (other) throw new AppError('CONFLICT', `“${other.title}”的${other.noun}尚未结束，请先结束${other.noun}`);
    const eligible = this.live.presentMemberIds(s.id);
    this.assertQuorum(s, eligible.length, `开始${noun}`);
    const ref = { kind: spec.kind, id };
    if (spec.sealed(r)) this.sealed.create(ref);
    let moved = false;
    try {
      this.store.change(who, () => {
        spec.markOpened(r, eligible, spec.closesAt(r));
        moved = this.live.moveCurrentItem(who, s.id, r.itemId);
        this.store.audit.recordRow(who, `${spec.kind}.open`, `${spec.kind}s`, id);
      });
    } catch (e) {
      if (spec.sealed(r)) this.sealed.destroy(ref);
      throw e;
    }
    this.recorder.forget(ref);
    this.live.warmHall(s.id);
    this.quietWal();
    this.store.backups.activity();
    this.arm(ref, spec.closesAt(spec.get(id)));
    this.live.changed({ roundKind: spec.kind, roundId: id, itemId: r.itemId }, 'round', ...(moved ? (['agenda', 'register'] as const) : []));
    return spec.get(id);
  }

  /**
   * A round begins only with a quorum, on the attendance at its opening (组织法 art. 51, the session's
   * quorum rule): refused with QUORUM_NOT_MET, naming the figures, before anything is written. Also
   * what a result entered from paper or a show of hands is checked against (`what`: 开始表决, 录入表决结果…).
   */
  assertQuorum(s: Session, present: number, what: string): void {
    const short = quorumShortfall(present, s.expectedMembers, s.rules.quorum);
    if (short) throw new AppError('QUORUM_NOT_MET', `${short}，不能${what}`);
  }

  /** 结束: the tally from the receipts (or the named rows) becomes the stored result. */
  close<R extends RoundRow>(who: Actor, spec: RoundSpec<R>, id: number): R {
    const r = spec.get(id);
    if (!this.transition(spec, r, 'close')) return r;
    const ref = { kind: spec.kind, id };
    this.finish(who, spec, r, () => spec.storeTally(who, r, spec.sealed(r) ? this.receipts.openedOf(ref) : null));
    return spec.get(id);
  }

  /**
   * The close tail, once for every way a round gets its result (closed on terminals, or entered from
   * paper or a show of hands): `write` stores the result; for a sealed round the receipts are erased
   * in the same transaction and each voter is recorded once in the audit log (with no time of their
   * own); then the key is destroyed, the WAL checkpointed (truncated for sealed rounds), the screens
   * told, and a backup asked for (written once the room is quiet).
   */
  finish<R extends RoundRow>(who: Actor, spec: RoundSpec<R>, r: R, write: () => void, action = `${spec.kind}.close`): void {
    const ref = { kind: spec.kind, id: r.id };
    const sealed = r.state === 'open' && spec.sealed(r);
    this.store.change(who, () => {
      write();
      if (sealed) this.receipts.eraseAtClose(who, ref, spec.voters(r));
      this.store.audit.recordRow(who, action, `${spec.kind}s`, r.id);
    });
    this.disarm(ref);
    this.recorder.forget(ref);
    if (sealed) this.sealed.destroy(ref);
    this.quietWal();
    this.checkpoint(sealed);
    this.live.changed({ roundKind: spec.kind, roundId: r.id, itemId: r.itemId }, 'round');
    this.store.backups.request(`${spec.noun(r)}结束后自动备份（${spec.noun(r)}#${r.id}）`);
  }

  /**
   * 作废本轮: an open sealed round whose receipts can no longer be opened here (its key file is gone, or
   * sealed by another machine's or user's key store: a data folder moved mid-round, a backup taken
   * mid-round restored after that round had closed) would stay open for ever, and with it every later
   * round and 闭会 would be refused. Voiding discards its receipts unread and takes it back to draft,
   * so that it can be held again; the reason and how many were discarded go into the audit log. A
   * round that can be tallied is closed, never voided.
   */
  voidRound<R extends RoundRow>(who: Actor, spec: RoundSpec<R>, id: number, reason: string): R {
    const r = spec.get(id);
    if (!this.transition(spec, r, 'void')) return r;
    const ref = { kind: spec.kind, id };
    const noun = spec.noun(r);
    if (!spec.sealed(r) || this.sealed.usable(ref)) throw new AppError('INVALID_STATE', `本轮${noun}可以正常结束并计票，不能作废`);
    if (!reason.trim()) throw new AppError('BAD_INPUT', '请填写作废的原因');
    const voters = spec.voters(r);
    this.store.change(who, () => {
      const discarded = this.store.db.prepare(`DELETE FROM ${voters.table} WHERE ${voters.round} = ?`).run(id).changes;
      this.receipts.eraseAll(ref);
      const { opened_at: openedAt } = this.store.db.prepare(`SELECT opened_at FROM ${spec.kind}s WHERE id = ?`).get(id) as { opened_at: string | null };
      recordVoid(this.store, who, spec.kind, id, { openedAt, reason: reason.trim(), discarded });
      spec.markVoided(id);
      const row = this.store.db.prepare(`SELECT * FROM ${spec.kind}s WHERE id = ?`).get(id) as Record<string, unknown>;
      this.store.audit.append(who, `${spec.kind}.void`, `${spec.kind}s`, id, { row: rowState(row), reason: reason.trim(), discarded });
    });
    this.disarm(ref);
    this.recorder.forget(ref);
    this.sealed.destroy(ref);
    this.quietWal();
    this.checkpoint(true);
    this.store.backups.activity();
    this.live.changed({ roundKind: spec.kind, roundId: id, itemId: r.itemId }, 'round');
    return spec.get(id);
  }

  /** Whether an open sealed round's receipts can be opened here (the console offers 作废 when not). */
  keyLost(kind: RoundKind, r: RoundRow): boolean {
    const spec = this.spec(kind);
    return r.state === 'open' && spec.sealed(r) && !this.sealed.usable({ kind, id: r.id });
  }

  /** 宣布结果: terminals and the big screen show the result. */
  announce<R extends RoundRow>(who: Actor, spec: RoundSpec<R>, id: number): R {
    const r = spec.get(id);
    if (!this.transition(spec, r, 'announce')) return r;
    this.store.change(who, () => {
      spec.markAnnounced(id);
      this.store.audit.recordRow(who, `${spec.kind}.announce`, `${spec.kind}s`, id);
    });
    this.store.backups.activity();
    this.live.changed({ roundKind: spec.kind, roundId: id, itemId: r.itemId, ownPartsUnchanged: true }, 'round');
    return spec.get(id);
  }

  submit<T, H>(job: RoundJob<T, H>): Promise<T> {
    return this.recorder.submit(job);
  }

  // ---- WAL policy, timers, restart ------------------------------------------------------------

  /**
   * While a round is open the WAL is not checkpointed automatically: a checkpoint copies pages and
   * syncs the database file inside some unlucky press's commit. It is checkpointed at close instead.
   */
  private quietWal(): void {
    this.store.db.pragma(`wal_autocheckpoint = ${this.openRound() ? 0 : 1000}`);
  }

  /** Sealed rounds: TRUNCATE leaves no old page of a receipt in the WAL (retried while a reader holds it). */
  private checkpoint(truncate: boolean, attempt = 0): void {
    if (!this.store.db.open) return;
    const [r] = this.store.db.pragma(`wal_checkpoint(${truncate ? 'TRUNCATE' : 'PASSIVE'})`) as { busy: number }[];
    if (!truncate || !r?.busy) return;
    if (attempt >= 50) return console.error('[rounds] 预写日志（WAL）未能截断：另有程序正在读取数据库');
    setTimeout(() => this.checkpoint(true, attempt + 1), 200).unref?.();
  }

  private arm(ref: RoundRef, closesAt: string | null): void {
    this.disarm(ref);
    if (!closesAt) return;
    const timer = setTimeout(() => {
      this.timers.delete(refKey(ref));
      if (this.autoCloseHeld()) {
        this.overdue.set(refKey(ref), ref);
        console.warn(`[round timer] ${ref.kind}#${ref.id} 限时已到，数据完整性提示尚未确认，未自动结束`);
        this.live.changed({ roundKind: ref.kind, roundId: ref.id }, 'round');
        return;
      }
      try {
        this.close({ actor: '系统', source: 'timer' }, this.spec(ref.kind), ref.id);
      } catch (e) {
        console.error('[round timer]', e);
      }
    }, Math.max(0, Date.parse(closesAt) - Date.now()));
    timer.unref?.();
    this.timers.set(refKey(ref), timer);
  }

  private disarm(ref: RoundRef): void {
    clearTimeout(this.timers.get(refKey(ref)));
    this.timers.delete(refKey(ref));
    this.overdue.delete(refKey(ref));
  }

  /** Why an open round whose timer ran out while automatic closing was held is still open (domain/time-up.ts), or null. */
  timerHeld(kind: RoundKind, r: RoundRow): TimerHold | null {
    return r.state === 'open' && this.overdue.has(refKey({ kind, id: r.id })) ? (this.autoCloseHeld() ?? 'released') : null;
  }

  /** What held the timers is over (the notice acknowledged): the views of the rounds waiting say so. */
  holdLifted(): void {
    for (const ref of this.overdue.values()) this.live.changed({ roundKind: ref.kind, roundId: ref.id }, 'round');
  }

  /** After a restart: open rounds stay open, their timers run on (or fire at once), stray keys go. */
  resume(): void {
    const open: RoundRef[] = [];
    for (const spec of this.specs.values()) {
      for (const r of spec.openRounds()) {
        open.push({ kind: spec.kind, id: r.id });
        this.arm({ kind: spec.kind, id: r.id }, spec.closesAt(r));
        if (spec.sealed(r)) this.sealed.usable({ kind: spec.kind, id: r.id }); // a key lost is known before the first press
      }
    }
    this.sealed.prune(open);
    this.quietWal();
    this.askForMissedBackup();
  }

  /**
   * The backup a round's finish asked for is written once the room is quiet; an app killed (or the
   * power lost) before then never wrote it. At the start it is asked for again when a round finished
   * after the newest complete backup, naming the last few such rounds (one backup holds them all).
   */
  private askForMissedBackup(): void {
    const actions = [...[...this.specs.keys()].map((k) => `${k}.close`), PAPER_RESULT_ACTION];
    const rows = this.live.store.db
      .prepare(`SELECT action, entity_id AS id FROM audit_log WHERE seq > ? AND action IN (${actions.map(() => '?').join(', ')}) ORDER BY seq DESC LIMIT 6`)
      .all(newestBackupSeq(this.live.store) ?? 0, ...actions) as { action: string; id: string }[];
    if (rows.length === 0) return;
    const rounds = rows.slice(0, 5).reverse().map((row) => {
      const spec = this.spec(row.action.slice(0, row.action.indexOf('.')) as RoundKind);
      return `${spec.noun(spec.get(Number(row.id)))}#${row.id}`;
    });
    this.live.store.backups.request(`启动后补写：上次运行结束前未写出的自动备份（${rounds.join('、')}${rows.length > 5 ? '等' : ''}结束后）`);
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
