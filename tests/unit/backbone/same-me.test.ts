// A broadcast sends a terminal the shared frame without `me` only when its own part is unchanged
// (server/state-frames.ts sameMe): any field that differs, the recorded vote's ballot or choice, or a
// field present on one side only makes it a different `me`.
import { describe, expect, it } from 'vitest';
import type { TerminalMe } from '../../../src-main/meeting/types';
import { sameMe } from '../../../src-main/server/state-frames';

const me: TerminalMe = { kind: 'member', id: 3, name: '邱东竹', seat: 3, attendance: 'present', canVote: false, myVote: { ballotId: 9, choice: 'no' }, sheetSubmitted: false, canSubmitSheet: false };

describe('sameMe', () => {
  it('is true for equal parts that are different objects', () => {
    expect(sameMe(me, { ...me, myVote: { ballotId: 9, choice: 'no' } })).toBe(true);
  });
  it.each<[string, Partial<TerminalMe>]>([
    ['may vote', { canVote: true }],
    ['attendance', { attendance: 'leave' }],
    ['seat', { seat: 4 }],
    ['no recorded vote', { myVote: null }],
    ['another choice', { myVote: { ballotId: 9, choice: 'yes' } }],
    ['another ballot', { myVote: { ballotId: 10, choice: 'no' } }],
    ['sheet handed in', { sheetSubmitted: true }],
  ])('is false when one field differs: %s', (_, change) => {
    expect(sameMe(me, { ...me, ...change })).toBe(false);
    expect(sameMe({ ...me, ...change }, me)).toBe(false);
  });
  it('is false when a field is on one side only', () => {
    const { sheetSubmitted: _s, canSubmitSheet: _c, ...without } = me;
    expect(sameMe(me, without)).toBe(false);
    expect(sameMe(without, me)).toBe(false);
  });
});
