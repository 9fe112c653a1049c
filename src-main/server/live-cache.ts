// What every page that identifies is sent first — the public snapshot and the speaker queue's frame —
// built once per state of the live session and shared until the next change: a hall pairing three
// thousand terminals at once would otherwise build, check and serialize the whole snapshot (agenda,
// attendance, the ballot in focus) and read the queue for each of them. The broadcasts use the same
// snapshot, so the state frame they serialized (server/state-frames.ts keeps it per snapshot) is the
// one a terminal pairing after them is written, with only its own `me` added.
//
// A state lasts until the engine reports any change (every part, presses' progress and the
// consoles' parts included, which is more often than the snapshot changes: a hall's pairings of one
// commit still share one), and never longer than MAX_AGE_MS, so what changes without an event of its
// own (the terminals' address, read from the network interfaces) is at most that old.
import type { MeetingEngine } from '../meeting/engine';
import { liveSnapshot } from '../meeting/views';
import type { Snapshot } from './state-frames';
import { speakersFrame } from './speaker-frames';

export const MAX_AGE_MS = 1000;

export class LiveCache {
  private snap: Snapshot | null = null;
  private speakers: ReturnType<typeof speakersFrame> | null = null;
  private builtAt = -Infinity;

  constructor(
    private readonly engine: MeetingEngine,
    private readonly maxAgeMs = MAX_AGE_MS,
  ) {}

  /** The public snapshot as it stands now. */
  snapshot(): Snapshot {
    this.expire();
    return (this.snap ??= liveSnapshot(this.engine));
  }

  /** The speaker queue's frame as it stands now. */
  speakersFrame(): ReturnType<typeof speakersFrame> {
    this.expire();
    return (this.speakers ??= speakersFrame(this.engine));
  }

  /** Something changed: the next page is sent a state built afresh. */
  invalidate(): void {
    this.snap = null;
    this.speakers = null;
    this.builtAt = -Infinity;
  }

  private expire(): void {
    const now = performance.now();
    if (now - this.builtAt > this.maxAgeMs) {
      this.invalidate();
      this.builtAt = now;
    }
  }
}
