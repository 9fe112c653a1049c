// The hub's count of connections refused for its bound (server/connection-limits.ts), so the secretary
// knows terminals are being turned away (the console's notice, the `refusals` frame of
// shared/protocol.ts): a run of refusals starts with the first one, counts every refused upgrade after
// it, and ends once REFUSALS_QUIET_MS have passed without one (a refused page retries every few
// seconds, so a run lasts as long as someone is still being turned away). Listeners hear of the first
// refusal of a run at once, of the rest at most once every REFUSALS_REPORT_MS (a flood of refused
// upgrades sends the consoles one frame a second, not one per upgrade), and of the end of a run.
// A console's 知道了 ends the run at once (dismiss).
import type { ConnectionRefusals, ServerFrame } from '../shared/protocol';
import type { Refusal } from './connection-limits';

export const REFUSALS_QUIET_MS = 60_000;
export const REFUSALS_REPORT_MS = 1_000;

export class RefusalRecord {
  private run: ConnectionRefusals | null = null;
  private readonly listeners = new Set<() => void>();
  private quietTimer: NodeJS.Timeout | null = null;
  private reportTimer: NodeJS.Timeout | null = null;
  private lastReportAt = -Infinity;

  private readonly reportMs: number;

  /** `reportMs` is at most `quietMs`, so the last count of a run is reported before its end. */
  constructor(
    private readonly quietMs = REFUSALS_QUIET_MS,
    reportMs = REFUSALS_REPORT_MS,
  ) {
    this.reportMs = Math.min(reportMs, quietMs);
  }

  /** The run of refusals going on, or null when none has been refused for quietMs. */
  current(): ConnectionRefusals | null {
    return this.run;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A connection from `address` was refused for `refusal`'s bound. */
  note(address: string, refusal: Refusal): void {
    const at = new Date().toISOString();
    const first = this.run === null;
    this.run = { count: (this.run?.count ?? 0) + 1, bound: refusal.bound, limit: refusal.limit, address, since: this.run?.since ?? at, lastAt: at };
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      if (this.reportTimer) this.report(true); // the last count, before the end
      this.run = null;
      this.report(true);
    }, this.quietMs);
    this.quietTimer.unref?.();
    this.report(first);
  }

  /**
   * 知道了 from a console: the run is over for every console at once; the next refusal starts a new
   * one, counted from it (a notice shown again only on new refusals).
   */
  dismiss(): void {
    if (this.run === null) return;
    for (const t of [this.quietTimer, this.reportTimer]) if (t) clearTimeout(t);
    this.quietTimer = this.reportTimer = null;
    this.run = null;
    this.report(true);
  }

  stop(): void {
    for (const t of [this.quietTimer, this.reportTimer]) if (t) clearTimeout(t);
    this.quietTimer = this.reportTimer = null;
    this.listeners.clear();
  }

  private report(now: boolean): void {
    const wait = this.lastReportAt + this.reportMs - performance.now();
    if (now || wait <= 0) {
      if (this.reportTimer) clearTimeout(this.reportTimer);
      this.reportTimer = null;
      this.emit();
    } else if (!this.reportTimer) {
      this.reportTimer = setTimeout(() => {
        this.reportTimer = null;
        this.emit();
      }, wait);
      this.reportTimer.unref?.();
    }
  }

  private emit(): void {
    this.lastReportAt = performance.now();
    for (const l of this.listeners) {
      try {
        l();
      } catch (e) {
        console.error('[ws] refusals listener', e);
      }
    }
  }
}

/** The `refusals` frame of the run going on (null: none). */
export const refusalsFrame = (record: RefusalRecord): Extract<ServerFrame, { type: 'refusals' }> => ({ type: 'refusals', refusals: record.current() });
