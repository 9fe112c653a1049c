// 申请发言: the speaker queue of an agenda item. A member asks to speak (waiting) and may withdraw
// while waiting; the chair calls speakers in the order they asked (called: the terminal shows 请发言);
// the secretary marks the turn done. A member has at most one request waiting or called per item, and
// may ask again after speaking.

export const SPEAKER_STATES = ['waiting', 'called', 'done', 'withdrawn'] as const;
export type SpeakerState = (typeof SPEAKER_STATES)[number];
export type SpeakerAction = 'withdraw' | 'call' | 'finish';

export const SPEAKER_STATE_LABELS: Record<SpeakerState, string> = { waiting: '等候发言', called: '正在发言', done: '已发言', withdrawn: '已撤回' };

const TABLE: Record<SpeakerState, Partial<Record<SpeakerAction, SpeakerState>>> = {
  waiting: { withdraw: 'withdrawn', call: 'called' },
  called: { finish: 'done' },
  done: {},
  withdrawn: {},
};

const REFUSALS: Record<SpeakerAction, string> = {
  withdraw: '只能撤回尚在等候的发言申请',
  call: '只能请尚在等候的委员发言',
  finish: '只能结束正在进行的发言',
};

/** The next state, or the refusal in Chinese. */
export function speakerTransition(state: SpeakerState, action: SpeakerAction): { ok: true; state: SpeakerState } | { ok: false; message: string } {
  const to = TABLE[state][action];
  return to ? { ok: true, state: to } : { ok: false, message: REFUSALS[action] };
}

/** Whether the member may ask (again): not while a request of theirs on the item is waiting or called. */
export const mayRequest = (mine: readonly { state: SpeakerState }[]): boolean => !mine.some((e) => e.state === 'waiting' || e.state === 'called');

/** Who speaks next: the earliest request still waiting (entries in the order they were made). */
export function nextSpeaker<E extends { id: number; state: SpeakerState }>(entries: readonly E[]): E | null {
  return [...entries].filter((e) => e.state === 'waiting').sort((a, b) => a.id - b.id)[0] ?? null;
}
