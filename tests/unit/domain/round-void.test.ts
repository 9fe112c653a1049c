// The rule for how a voided attempt of a round (作废本轮) is put on record: one sentence, the same on
// the minutes and on the round's result sheet — when it was voided, the reason as given (its final
// stop dropped), what was discarded and how many, and whether the round has been held again since.
import { describe, expect, it } from 'vitest';
import { voidedAttemptSentence, voidedAttemptSentences, type VoidedAttempt } from '../../../src-main/domain/round-void';

const at = (iso: string) => iso.slice(11, 16);
const attempt = (over: Partial<VoidedAttempt> = {}): VoidedAttempt => ({ openedAt: '2027-05-20T10:01:00.000Z', voidedAt: '2027-05-20T10:05:00.000Z', reason: '会议用计算机故障。', discarded: 2, ...over });

describe('voidedAttemptSentence: a voided attempt on record', () => {
  it('names the time, the reason, what was discarded for each kind of round, and the round held again', () => {
    expect(voidedAttemptSentence('ballot', attempt(), at, true)).toBe('本轮表决于10:05作废，原因：会议用计算机故障；作废前已表决的2人的票未计入，随后重新表决。');
    expect(voidedAttemptSentence('satisfaction', attempt(), at, true)).toBe('本轮测评于10:05作废，原因：会议用计算机故障；作废前已交的2份测评表未计入，随后重新测评。');
    expect(voidedAttemptSentence('project', attempt(), at, true)).toBe('本轮票决于10:05作废，原因：会议用计算机故障；作废前已投的2张选票未计入，随后重新票决。');
  });

  it('says nothing was discarded when nobody had voted, and not that it was held again while it has not been', () => {
    expect(voidedAttemptSentence('ballot', attempt({ discarded: 0, reason: '  换用备用计算机；  ' }), at, false)).toBe('本轮表决于10:05作废，原因：换用备用计算机；作废前没有人表决。');
    expect(voidedAttemptSentence('satisfaction', attempt({ discarded: 0 }), at, false)).toBe('本轮测评于10:05作废，原因：会议用计算机故障；作废前没有人交测评表。');
  });

  it('of several attempts, each but the last was held again; the last only if the round has been opened since', () => {
    const two = [attempt(), attempt({ voidedAt: '2027-05-20T10:20:00.000Z', discarded: 1 })];
    expect(voidedAttemptSentences('ballot', two, at, false)).toEqual([
      '本轮表决于10:05作废，原因：会议用计算机故障；作废前已表决的2人的票未计入，随后重新表决。',
      '本轮表决于10:20作废，原因：会议用计算机故障；作废前已表决的1人的票未计入。',
    ]);
    expect(voidedAttemptSentences('ballot', two, at, true)[1]).toBe('本轮表决于10:20作废，原因：会议用计算机故障；作废前已表决的1人的票未计入，随后重新表决。');
    expect(voidedAttemptSentences('ballot', [], at, true)).toEqual([]);
  });
});
