// The automatic backup after a round, written when the room is quiet. A closed round asks for one
// (rounds/round-engine.ts); it is written once no round is open and no round has opened, closed or
// been announced for `quietMs` (the chair reads out the result, the next item is called). A copy of
// the whole file (≈150 MB after ten years of sessions) ends with a sync that holds the disk for
// seconds: written at the close, it fell on the announcement and the presses of the next ballot.
// Requests made meanwhile (ballots in quick succession) become one backup that names each round it
// follows. A store closing writes a pending backup first (Store.whenIdle); a store closed without
// waiting drops it (the database itself holds every result).
import { SYSTEM_ACTOR } from './audit';
import { createBackup } from './backup';
import type { Store } from './store';

export const BACKUP_QUIET_MS = 5000;

export class BackupSchedule {
  /** The reasons of the backups asked for and not yet started, in order. */
  private waiting: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private busy: () => boolean = () => false;

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
  }

  /** Something happened to a round (opened, announced): the quiet period starts again. */
  activity(): void {
    if (this.waiting.length > 0) this.arm();
  }

  /** The reasons waiting for a backup, in order. */
  get pending(): readonly string[] {
    return this.waiting;
  }

  /** Starts a pending backup now, quiet or not (closing the app: Store.whenIdle). */
  flush(): void {
    this.disarm();
    const reasons = this.waiting;
    if (reasons.length === 0 || !this.store.db.open) return;
    this.waiting = [];
    const reason = reasons.length === 1 ? reasons[0]! : `${reasons.join('；')}（合并为一份）`;
    this.store.track(createBackup(this.store, SYSTEM_ACTOR, reason)).catch((e) => console.error('[backup]', e));
  }

  /** The store is closing without waiting: nothing more starts. */
  cancel(): void {
    this.disarm();
    this.waiting = [];
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
