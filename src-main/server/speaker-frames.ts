// The `speakers` frame (docs/terminal-protocol.md): the live session's speaker queue, the same for
// every seat (terminals find their own request in it, the console and the chair's view show it).
// Sent after a change that names the 'speakers' part (or opens or closes a session) and to a page
// when it identifies: no polling.
import type { MeetingEngine } from '../meeting/engine';
import { listSpeakers } from '../meeting/speakers';
import type { ChangePart } from '../shared/changes';
import type { ServerFrame } from '../shared/protocol';

export function speakersFrame(engine: MeetingEngine): Extract<ServerFrame, { type: 'speakers' }> {
  const s = engine.liveSession();
  return { type: 'speakers', sessionId: s?.id ?? null, entries: s ? listSpeakers(engine.store, s.id) : [] };
}

/** A change after which every seat gets the queue again. */
export const movesSpeakers = (parts: readonly ChangePart[]): boolean => parts.includes('speakers') || parts.includes('session');

/** Sends the queue once per burst of changes (at most one frame every 50 ms), to whoever `sendAll` reaches. */
export class SpeakerCast {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly engine: MeetingEngine,
    private readonly sendAll: (frame: ServerFrame) => void,
    private readonly delayMs = 50,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sendAll(speakersFrame(this.engine));
    }, this.delayMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
