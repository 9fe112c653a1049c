// A terminal's own part (`me`) right after its own press or sheet. The answer says what is recorded,
// so the part last sent is updated with it (no database read per press, which keeps a thousand
// presses a second cheap); without one, it is built afresh.
import type { TerminalMe } from '../meeting/types';

/** Commands after which the terminal is sent its own part (`me`) at once. */
export const OWN_STATE_AFTER: ReadonlySet<string> = new Set(['terminal.vote', 'terminal.submitSheet']);

export function ownPartAfter(last: TerminalMe | null, name: string, value: unknown, build: () => TerminalMe): TerminalMe {
  if (last && name === 'terminal.vote') {
    const v = value as { ballotId: number; choice: 'yes' | 'no' | 'abstain' };
    return { ...last, myVote: { ballotId: v.ballotId, choice: v.choice } };
  }
  if (last && name === 'terminal.submitSheet') return { ...last, sheetSubmitted: true, canSubmitSheet: false };
  return build();
}
