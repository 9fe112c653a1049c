// The one group commit under the round engine: presses (meeting/press-recorder.ts) and sheets
// (assessment/sheet-recorder.ts) that arrive together are written in ONE durable transaction, and each
// is acknowledged only after it has committed. It also keeps, in memory, who has taken part in each
// open round (the screens' "已投 N/M"), rebuilt from the voter rows after a restart: nothing is
// counted on disk while a round is open.
import { GroupCommit } from '../store/group-commit';
import type { Store } from '../store/store';
import { refKey, type RoundRef } from './types';

export interface RoundJob<T = unknown> {
  ref: RoundRef;
  memberId: number;
  /** The Chinese refusal when the transaction cannot be committed. */
  failed: string;
  /** Runs inside the transaction; `batch` is shared by the jobs of one commit (e.g. round heads). */
  run(batch: Map<string, unknown>): T;
}

/** The table that records who took part in a round (and, while a sealed round is open, their receipt). */
export interface VoterTable {
  table: 'secret_voters' | 'named_votes' | 'assessment_voters';
  round: 'ballot_id' | 'assessment_id';
}

export class RoundRecorder {
  private readonly group: GroupCommit<RoundJob, unknown, Map<string, unknown>>;
  private readonly voters = new Map<string, Set<number>>();

  constructor(
    private readonly store: Store,
    private readonly tableOf: (ref: RoundRef) => VoterTable,
    onCommitted: (refs: RoundRef[]) => void,
  ) {
    this.group = new GroupCommit<RoundJob, unknown, Map<string, unknown>>(store, {
      begin: () => new Map(),
      each: (batch, job) => job.run(batch),
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
  submit<T>(job: RoundJob<T>): Promise<T> {
    return this.group.submit(job) as Promise<T>;
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
