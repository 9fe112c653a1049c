// The one group commit under the round engine: presses (meeting/press-recorder.ts) and sheets
// (assessment/sheet-recorder.ts) that arrive together — and terminals' sign-ins and pairings, the
// hall arriving (HallJob) — are written in ONE durable transaction, and each is acknowledged only
// after it has committed. It also keeps, in memory, who has taken part in each
// open round (the screens' "已投 N/M"), rebuilt from the voter rows after a restart: nothing is
// counted on disk while a round is open.
//
// A sealed round's presses and sheets have no audit entry of their own (it would name the member
// next to the moment of a choice); instead each commit records one entry per sealed round whose
// receipts it wrote, holding nothing else: no member, no count (a sum above the number of voters
// would tell that someone changed their press), no choice. A press or sheet that writes no receipt
// (a stale resend, a press refused under "first press counts", a second sheet) leaves nothing on
// disk at all. The audit chain, and with it the head file outside the database
// (store/audit-head.ts), then moves with every committed receipt, so a lost tail of the log —
// receipts included — is found at the next start like any other lost change.
import { SYSTEM_ACTOR } from '../store/audit';
import { GroupCommit } from '../store/group-commit';
import type { Store } from '../store/store';
import { refKey, type RoundRef } from './types';

export interface RoundJob<T = unknown, H = unknown> {
  ref: RoundRef;
  memberId: number;
  /** The Chinese refusal when the transaction cannot be committed. */
  failed: string;
  /** What the job needs of its round, read once per commit for all its jobs of that round. */
  head: () => H;
  /** Runs inside the transaction. */
  run(head: H): T;
  /** Every refusal of `run` is thrown before it writes anything: it runs without a savepoint (store/group-commit.ts). */
  refusesBeforeWriting?: boolean;
}

/**
 * A job of the same commit that belongs to no round: a terminal's sign-in or seat-code pairing
 * (meeting/engine.ts), so a hall arriving at once is written a batch per turn like its presses.
 */
export interface HallJob<T = unknown> {
  /** The Chinese refusal when the transaction cannot be committed. */
  failed: string;
  /** Runs inside the transaction; a throw refuses this job alone. */
  run(): T;
  /** Right after the transaction has committed (before it is durable): memory that follows the rows. */
  written?(value: T): void;
  /** Once the commit is durable, before the answer. */
  done?(value: T): void;
}

type Job = RoundJob | HallJob;
const isRoundJob = (job: Job): job is RoundJob => 'ref' in job;

/** The table that records who took part in a round (and, while a sealed round is open, their receipt). */
export interface VoterTable {
  table: 'secret_voters' | 'named_votes' | 'assessment_voters';
  round: 'ballot_id' | 'assessment_id';
}

/** One commit, by round: what its jobs need of the round (read once), whether it is sealed. */
type Batch = Map<string, { ref: RoundRef; head: unknown; sealed: boolean }>;

export class RoundRecorder {
  private readonly group: GroupCommit<Job, unknown, Batch>;
  private readonly voters = new Map<string, Set<number>>();
  /** The rounds whose receipts the commit being written has changed (wroteReceipt). */
  private readonly written = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly tableOf: (ref: RoundRef) => VoterTable,
    onCommitted: (refs: RoundRef[]) => void,
  ) {
    this.group = new GroupCommit<Job, unknown, Batch>(store, {
      begin: () => {
        this.written.clear();
        return new Map();
      },
      each: (batch, job) => {
        if (!isRoundJob(job)) return job.run();
        const key = refKey(job.ref);
        let round = batch.get(key);
        if (!round) batch.set(key, (round = { ref: job.ref, head: job.head(), sealed: this.tableOf(job.ref).table !== 'named_votes' }));
        const before = this.written.has(key);
        try {
          return job.run(round.head);
        } catch (e) {
          if (!before) this.written.delete(key); // the job's changes are rolled back
          throw e;
        }
      },
      end: (batch) => {
        for (const r of batch.values()) {
          if (r.sealed && this.written.has(refKey(r.ref))) store.audit.append(SYSTEM_ACTOR, 'round.receipts', r.ref.kind === 'ballot' ? 'ballots' : 'assessments', r.ref.id, undefined);
        }
        this.written.clear();
      },
      refusesBeforeWriting: (job) => isRoundJob(job) && job.refusesBeforeWriting === true,
      failed: (e, job) => `${job.failed}（${e.message}）`,
      written: (taken, values) => taken.forEach((job, i) => !isRoundJob(job) && job.written?.(values[i])),
      committed: (taken, values) => {
        const touched = new Map<string, RoundRef>();
        taken.forEach((job, i) => !isRoundJob(job) && job.done?.(values[i]));
        for (const job of taken) {
          if (!isRoundJob(job)) continue;
          this.voterIds(job.ref).add(job.memberId);
          touched.set(refKey(job.ref), job.ref);
        }
        if (touched.size) onCommitted([...touched.values()]);
      },
    });
  }

  /** Inside a job: a receipt of this round was written (the commit then gets the round's one audit entry). */
  wroteReceipt(ref: RoundRef): void {
    this.written.add(refKey(ref));
  }

  /** Resolves only after the job is committed (or refused). */
  submit<T, H>(job: RoundJob<T, H>): Promise<T> {
    return this.group.submit(job as RoundJob) as Promise<T>;
  }

  /** Resolves only after the job is committed (or refused), in the same transactions as presses and sheets. */
  submitHall<T>(job: HallJob<T>): Promise<T> {
    return this.group.submit(job as HallJob) as Promise<T>;
  }

  /** Members who have taken part (memory; read from the voter rows once after a restart). */
  voterIds(ref: RoundRef): Set<number> {
    let set = this.voters.get(refKey(ref));
    if (!set) {
      const { table, round } = this.tableOf(ref);
      const rows = this.store.db.prepare(`SELECT member_id FROM ${table} WHERE ${round} = ?`).all(ref.id) as { member_id: number }[];
      this.voters.set(refKey(ref), (set = new Set(rows.map((r) => r.member_id))));
    }
    return set;
  }

  forget(ref: RoundRef): void {
    this.voters.delete(refKey(ref));
  }
}
