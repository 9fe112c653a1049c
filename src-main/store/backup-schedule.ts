// The automatic backup after a round, written when the room is quiet. A closed round asks for one
// (rounds/round-engine.ts); it is written once no round is open and no round has opened, closed or
// been announced for `quietMs` (the chair reads out the result, the next item is called). A copy of
// the whole file (≈150 MB after ten years of sessions) ends with a sync that holds the disk for
// seconds: written at the close, it fell on the announcement and the presses of the next ballot.
// Requests made meanwhile (ballots in quick succession) become one backup that names each round it
// follows. A store closing writes a pending backup first (Store.whenIdle); a store closed without
// waiting drops it (the database itself holds every result). The console's backup panel follows it
// (`status`, `onChange`): what waits for a quiet room, and what is being written (automatic or by hand).
import { SYSTEM_ACTOR } from './audit';
import { createBackup } from './backup';
import type { Store } from './store';

export const BACKUP_QUIET_MS = 5000;

export class BackupSchedule {
  /** The reasons of the backups asked for and not yet started, in order. */
  private waiting: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private busy: () => boolean = () => false;
  private writingNow = 0;
  private failed: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: Store,
    readonly quietMs = BACKUP_QUIET_MS,
  ) {}

  /** While `busy()` is true (a round is open) no automatic backup starts. */
  holdWhile(busy: () => boolean): void {
    this.busy = busy;
  }

  /** Asks for a backup once the room is quiet; `reason` goes into its audit entry. */
  request(reason: string): void {
    this.waiting.push(reason);
    this.arm();
    this.notify();
  }

  /** Something happened to a round (opened, announced): the quiet period starts again. */
  activity(): void {
    if (this.waiting.length > 0) this.arm();
  }

  /**
   * What the console shows: the reasons waiting for a quiet room, how many backups are being written,
   * and why the last one failed (null once one has been written since).
   */
  get status(): { waiting: string[]; quietSeconds: number; writing: number; lastError: string | null } {
    return { waiting: [...this.waiting], quietSeconds: this.quietMs / 1000, writing: this.writingNow, lastError: this.failed };
  }

  /** Called whenever a backup is asked for, starts being written or is done (or failed). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Counts `work`, the writing of one backup (automatic or by hand: backup.ts createBackup), while it runs. */
  writing<T>(work: () => Promise<T>): Promise<T> {
    this.writingNow++;
    this.notify();
    return work().then(
      (v) => {
        this.done(null);
        return v;
      },
      (e: unknown) => {
        this.done(e instanceof Error ? e.message : String(e));
        throw e;
      },
    );
  }

  private done(error: string | null): void {
    this.writingNow--;
    this.failed = error;
    this.notify();
  }

  /** Starts a pending backup now, quiet or not (closing the app: Store.whenIdle). */
  flush(): void {
    this.disarm();
    const reasons = this.waiting;
    if (reasons.length === 0 || !this.store.db.open) return;
    this.waiting = []; // the backup's own start tells the listeners (writing)
    const reason = reasons.length === 1 ? reasons[0]! : `${reasons.join('；')}（合并为一份）`;
    this.store.track(createBackup(this.store, SYSTEM_ACTOR, reason, true)).catch((e) => console.error('[backup]', e));
  }

  /** The store is closing without waiting: nothing more starts. */
  cancel(): void {
    this.disarm();
    this.waiting = [];
    this.listeners.clear();
  }

  private notify(): void {
    for (const l of this.listeners) {
      try {
        l();
      } catch (e) {
        console.error('[backup]', e);
      }
    }
  }

  private arm(): void {
    this.disarm();
    this.timer = setTimeout(() => this.quiet(), this.quietMs);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private quiet(): void {
    this.timer = null;
    // A round opened meanwhile: its close asks again and restarts the wait; until then look again later.
    if (this.busy()) return this.arm();
    this.flush();
  }
}
