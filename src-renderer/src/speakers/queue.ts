// The speaker queue of one item as every face shows it, from the live `speakers` frame: who speaks
// now, who waits (in the order they asked), who has spoken, who withdrew.
import type { SpeakerEntry } from '../../../src-main/meeting/speakers';
import type { SpeakerQueueView } from '../live/client';

export type { SpeakerEntry };

export interface ItemQueue {
  speaking: SpeakerEntry | null;
  waiting: SpeakerEntry[];
  done: SpeakerEntry[];
  withdrawn: SpeakerEntry[];
  all: SpeakerEntry[];
}

export function itemQueue(view: SpeakerQueueView | null, sessionId: number | null | undefined, itemId: number | null | undefined): ItemQueue {
  const all = view && view.sessionId === sessionId && itemId != null ? view.entries.filter((e) => e.itemId === itemId) : [];
  return {
    speaking: all.find((e) => e.state === 'called') ?? null,
    waiting: all.filter((e) => e.state === 'waiting'),
    done: all.filter((e) => e.state === 'done').sort((a, b) => (a.calledAt ?? '').localeCompare(b.calledAt ?? '')),
    withdrawn: all.filter((e) => e.state === 'withdrawn'),
    all,
  };
}
