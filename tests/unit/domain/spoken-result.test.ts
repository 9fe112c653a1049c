// The chair's result sentence (domain/vote.ts spokenResult): the same counts and verdict words as the
// big screen's announcement, with 未按表决器 only where keypads were used and shown.
import { describe, expect, it } from 'vitest';
import { announceResult, countsText, spokenResult, verdictWord } from '../../../src-main/domain/vote';

const t = { yes: 18, no: 1, abstain: 1, notPressed: 2, present: 22, expected: 33 };
const adopted = { adopted: true, base: 33, required: 17, rule: '赞成票超过全体组成人员的半数' };

describe('spoken result', () => {
  it('rule: the chair reads "赞成18票，反对1票，弃权1票，通过。"', () => {
    expect(spokenResult(t, adopted, false)).toBe('赞成18票，反对1票，弃权1票，通过。');
    expect(spokenResult(t, { adopted: false }, false)).toBe('赞成18票，反对1票，弃权1票，未通过。');
  });

  it('rule: 未按表决器 is read only for an electronic ballot that shows it', () => {
    expect(spokenResult(t, adopted, true)).toBe('赞成18票，反对1票，弃权1票，未按表决器2人，通过。');
  });

  it('rule: the same words as the announcement on the big screen', () => {
    expect(announceResult(t, adopted, true)).toBe(`${countsText(t, true)}。${verdictWord(adopted)}`);
    expect(announceResult(t, adopted, false)).toBe('赞成18票，反对1票，弃权1票。通过');
  });
});
