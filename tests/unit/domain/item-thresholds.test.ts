// Thresholds per item and per ballot (issue 10): 过半数 (strictly more than half) or 三分之二以上 (at
// least two thirds), base 全体组成人员 by default, defaulting from the session's rules; the result said
// with its base and the required count.
import { describe, expect, it } from 'vitest';
import { TWO_THIRDS_OR_MORE } from '../../../src-main/domain/fraction';
import { DEFAULT_RULES, type Rules } from '../../../src-main/domain/settings';
import { ballotAdoption, decideAdoption, requirementBefore, requirementText, tally, thresholdName, THRESHOLDS, verdictSentence } from '../../../src-main/domain/vote';

const session = DEFAULT_RULES.adoption; // 全体组成人员, 过半数
const twoThirdsSession: Rules['adoption'] = { base: 'all_members', threshold: TWO_THIRDS_OR_MORE };

const decide = (yes: number, adoption: Rules['adoption'], present = 33, expected = 33) => {
  const t = tally({ yes, no: present - yes, abstain: 0 }, present, expected);
  const o = decideAdoption(t, adoption);
  return { o, verdict: verdictSentence(yes, o, adoption), requirement: requirementText(o, adoption) };
};

describe('per-item thresholds', () => {
  it('a ballot takes its own threshold, else its item’s, else the session’s; the base stays the session’s', () => {
    expect(ballotAdoption(session)).toEqual(session);
    expect(ballotAdoption(session, 'two_thirds')).toEqual({ base: 'all_members', threshold: TWO_THIRDS_OR_MORE });
    expect(ballotAdoption(session, 'two_thirds', 'more_than_half')).toEqual(session);
    expect(ballotAdoption(twoThirdsSession, null, null)).toEqual(twoThirdsSession);
    expect(ballotAdoption(twoThirdsSession, 'more_than_half')).toEqual({ base: 'all_members', threshold: THRESHOLDS.more_than_half });
    expect(ballotAdoption({ base: 'present', threshold: THRESHOLDS.more_than_half }, 'two_thirds').base).toBe('present');
    expect(thresholdName(TWO_THIRDS_OR_MORE)).toBe('two_thirds');
    expect(thresholdName({ numerator: 2, denominator: 4, inclusive: false })).toBe('more_than_half');
    expect(thresholdName({ numerator: 3, denominator: 5, inclusive: false })).toBeNull();
  });

  it('过半数 of 33: 17 adopts, 16 does not, said with base and count', () => {
    expect(decide(18, session).verdict).toBe('赞成18票，超过全体组成人员33人的半数，通过。');
    expect(decide(17, session).o.adopted).toBe(true);
    expect(decide(16, session).verdict).toBe('赞成16票，未超过全体组成人员33人的半数，未通过。');
    expect(decide(16, session).requirement).toBe('赞成票须超过全体组成人员33人的半数，即至少17票');
  });

  it('三分之二以上 of 33 on one item: 22 adopts (the bound counts), 21 does not; at 34, 23 is needed', () => {
    const item = ballotAdoption(session, 'two_thirds');
    expect(decide(22, item).verdict).toBe('赞成22票，达到全体组成人员33人的三分之二以上，通过。');
    expect(decide(21, item).verdict).toBe('赞成21票，未达到全体组成人员33人的三分之二，未通过。');
    expect(decide(21, item).requirement).toBe('赞成票须达到全体组成人员33人的三分之二以上，即至少22票');
    expect(decide(22, item, 34, 34).o).toMatchObject({ adopted: false, required: 23 });
    // the same count adopts under the session's 过半数 on another item
    expect(decide(21, session).o.adopted).toBe(true);
  });

  it('states what adoption needs before anyone votes, from 应到 (or from those present for that base)', () => {
    expect(requirementBefore(33, 29, session)).toEqual({ base: 33, required: 17 });
    expect(requirementBefore(33, 29, ballotAdoption(session, 'two_thirds'))).toEqual({ base: 33, required: 22 });
    expect(requirementBefore(33, 29, { base: 'present', threshold: THRESHOLDS.more_than_half })).toEqual({ base: 29, required: 15 });
    expect(requirementBefore(33, 29, { base: 'votes_cast', threshold: THRESHOLDS.more_than_half })).toBeNull();
    expect(verdictSentence(16, { adopted: true, base: 30 }, { base: 'votes_cast', threshold: THRESHOLDS.more_than_half })).toBe('赞成16票，超过投票总数30票的半数，通过。');
  });
});
