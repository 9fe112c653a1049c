// The life of one ballot: draft → open → closed → announced. Explicit, so the engine never guesses.
// Repeating an action that is already done (open an open ballot, close a closed one, announce an
// announced one) is harmless: ok, changed=false — a double click or a retried command does no damage.
// Going back is refused: a closed ballot never reopens; a new round is a new ballot. One way back
// only: 作废 (void) takes an open round whose sealed receipts can no longer be opened (its key is gone)
// back to draft, its receipts discarded, so that it can be held again (the engine checks the key).

export type BallotState = 'draft' | 'open' | 'closed' | 'announced';
export type BallotAction = 'open' | 'close' | 'announce' | 'void';

export const BALLOT_STATE_LABELS: Record<BallotState, string> = {
  draft: '未开始',
  open: '表决中',
  closed: '已结束',
  announced: '已宣布',
};

export type BallotTransition =
  | { ok: true; state: BallotState; changed: boolean }
  | { ok: false; code: 'INVALID_STATE'; message: string };

const REOPEN = '表决已结束，不能再次开启；如需重新表决请发起新一轮';
const VOID_DONE = '表决已结束，不能作废；如需重新表决请发起新一轮';

/** [state][action] → the next state, or the refusal message. */
const TABLE: Record<BallotState, Record<BallotAction, BallotState | { refuse: string }>> = {
  draft: {
    open: 'open',
    close: { refuse: '表决尚未开始，不能结束' },
    announce: { refuse: '表决尚未开始，不能宣布结果' },
    void: 'draft', // nothing to void (a retried 作废 finds it back in draft): harmless
  },
  open: {
    open: 'open',
    close: 'closed',
    announce: { refuse: '表决尚未结束，请先结束表决再宣布结果' },
    void: 'draft',
  },
  closed: {
    open: { refuse: REOPEN },
    close: 'closed',
    announce: 'announced',
    void: { refuse: VOID_DONE },
  },
  announced: {
    open: { refuse: REOPEN },
    close: 'announced', // already closed (and announced): harmless
    announce: 'announced',
    void: { refuse: VOID_DONE },
  },
};

export function nextBallotState(state: BallotState, action: BallotAction): BallotTransition {
  const to = TABLE[state][action];
  if (typeof to === 'object') return { ok: false, code: 'INVALID_STATE', message: to.refuse };
  return { ok: true, state: to, changed: to !== state };
}

/** Presses are taken only while the ballot is open. */
export function acceptsPresses(state: BallotState): boolean {
  return state === 'open';
}
