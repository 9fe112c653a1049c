// The one group commit under the round engine: presses (meeting/press-recorder.ts) and sheets
// (assessment/sheet-recorder.ts) that arrive together are written in ONE durable transaction, and each
// is acknowledged only after it has committed. It also keeps, in memory, who has taken part in each
// open round (the screens' "已投 N/M"), rebuilt from the voter rows after a restart: nothing is
// counted on disk while a round is open.
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
}

/** The table that records who took part in a round (and, while a sealed round is open, their receipt). */
export interface VoterTable {
  table: 'secret_voters' | 'named_votes' | 'assessment_voters';
  round: 'ballot_id' | 'assessment_id';
}

export class RoundRecorder {
  private readonly group: GroupCommit<RoundJob, unknown, Map<string, unknown>>; // batch: the heads of its rounds
  private readonly voters = new Map<string, Set<number>>();

  constructor(
    private readonly store: Store,
    private readonly tableOf: (ref: RoundRef) => VoterTable,
    onCommitted: (refs: RoundRef[]) => void,
  ) {
    this.group = new GroupCommit<RoundJob, unknown, Map<string, unknown>>(store, {
      begin: () => new Map(),
      each: (heads, job) => {
        const key = refKey(job.ref);
        if (!heads.has(key)) heads.set(key, job.head());
        return job.run(heads.get(key));
      },
      failed: (e, job) => `${job.failed}（${e.message}）`,
      committed: (taken) => {
        const touched = new Map<string, RoundRef>();
        for (const job of taken) {
          this.voterIds(job.ref).add(job.memberId);
          touched.set(refKey(job.ref), job.ref);
        }
        onCommitted([...touched.values()]);
      },
    });
  }

  /** Resolves only after the job is committed (or refused). */
  submit<T, H>(job: RoundJob<T, H>): Promise<T> {
    return this.group.submit(job as RoundJob) as Promise<T>;
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
