import { describe, expect, it } from 'vitest';
import { TWO_THIRDS_OR_MORE } from '../../../src-main/domain/fraction';
import { DEFAULT_RULES, type Rules } from '../../../src-main/domain/settings';
import { announceResult, CHOICE_LABELS, decideAdoption, tally, tallyProblems } from '../../../src-main/domain/vote';

const def = DEFAULT_RULES.adoption;
const twoThirds: Rules['adoption'] = { base: 'all_members', threshold: TWO_THIRDS_OR_MORE };
const ofPresent: Rules['adoption'] = { base: 'present', threshold: { numerator: 1, denominator: 2, inclusive: false } };
const ofCast: Rules['adoption'] = { base: 'votes_cast', threshold: { numerator: 1, denominator: 2, inclusive: false } };

describe('choices', () => {
  it('choices are 赞成 / 反对 / 弃权', () => {
    expect(CHOICE_LABELS).toEqual({ yes: '赞成', no: '反对', abstain: '弃权' });
  });
});

describe('tally', () => {
  it('未按表决器 = present members who pressed nothing (32 present, 17+10+3 → 2)', () => {
    expect(tally({ yes: 17, no: 10, abstain: 3 }, 32, 33)).toEqual({ yes: 17, no: 10, abstain: 3, notPressed: 2, present: 32, expected: 33 });
  });
  it('未按 is never negative; more votes than present is reported as a problem', () => {
    const t = tally({ yes: 20, no: 10, abstain: 2 }, 30, 33);
    expect(t.notPressed).toBe(0);
    expect(tallyProblems(t)).toEqual(['表决票数32票超过实到人数30人']);
    expect(tallyProblems(tally({ yes: 17, no: 10, abstain: 3 }, 32, 33))).toEqual([]);
  });
});

describe('adoption (default: 赞成 more than half of ALL members)', () => {
  it('adoption: 赞成 must exceed half of ALL members (33 → 17 adopts, 16 does not)', () => {
    const yes17 = decideAdoption(tally({ yes: 17, no: 10, abstain: 3 }, 32, 33), def);
    expect(yes17).toEqual({ adopted: true, base: 33, required: 17, rule: '赞成票超过全体组成人员的半数' });
    expect(decideAdoption(tally({ yes: 16, no: 10, abstain: 3 }, 32, 33), def).adopted).toBe(false);
  });
  it('adoption: exactly half of all members is not more than half (34 → 17 does not adopt)', () => {
    expect(decideAdoption(tally({ yes: 17, no: 0, abstain: 0 }, 34, 34), def).adopted).toBe(false);
    expect(decideAdoption(tally({ yes: 18, no: 0, abstain: 0 }, 34, 34), def).adopted).toBe(true);
  });
  it('adoption: absence, 弃权 and 未按 all count against (16 赞成 of 33 fails whatever the rest)', () => {
    // everyone else absent: 16 present, all 赞成 — still not adopted
    expect(decideAdoption(tally({ yes: 16, no: 0, abstain: 0 }, 16, 33), def).adopted).toBe(false);
    // everyone present, the other 17 abstain
    expect(decideAdoption(tally({ yes: 16, no: 0, abstain: 17 }, 33, 33), def).adopted).toBe(false);
    // everyone present, the other 17 press nothing
    const t = tally({ yes: 16, no: 0, abstain: 0 }, 33, 33);
    expect(t.notPressed).toBe(17);
    expect(decideAdoption(t, def).adopted).toBe(false);
  });
  it('adoption 2/3 setting: 三分之二以上 includes the bound (33 → 22 adopts, 21 does not)', () => {
    const o = decideAdoption(tally({ yes: 22, no: 11, abstain: 0 }, 33, 33), twoThirds);
    expect(o).toEqual({ adopted: true, base: 33, required: 22, rule: '赞成票达到全体组成人员的三分之二以上' });
    expect(decideAdoption(tally({ yes: 21, no: 0, abstain: 0 }, 33, 33), twoThirds).adopted).toBe(false);
  });
  it('adoption base "present": 赞成 more than half of those present (25 present → 13 adopts, 12 does not)', () => {
    const o = decideAdoption(tally({ yes: 13, no: 12, abstain: 0 }, 25, 33), ofPresent);
    expect(o).toEqual({ adopted: true, base: 25, required: 13, rule: '赞成票超过出席会议的组成人员的半数' });
    expect(decideAdoption(tally({ yes: 12, no: 0, abstain: 0 }, 25, 33), ofPresent).adopted).toBe(false);
    // the same 16 赞成 that fail against all 33 members adopt against 30 present
    expect(decideAdoption(tally({ yes: 16, no: 0, abstain: 0 }, 30, 33), ofPresent).adopted).toBe(true);
  });
  it('adoption base "votes_cast": 弃权 is a vote cast, 未按 is not (10 of 19 adopts, 9 of 18 and 10 of 21 do not)', () => {
    const o = decideAdoption(tally({ yes: 10, no: 8, abstain: 1 }, 30, 33), ofCast);
    expect(o).toEqual({ adopted: true, base: 19, required: 10, rule: '赞成票超过投票总数的半数' });
    expect(decideAdoption(tally({ yes: 9, no: 8, abstain: 1 }, 30, 33), ofCast)).toMatchObject({ adopted: false, base: 18, required: 10 });
    expect(decideAdoption(tally({ yes: 10, no: 8, abstain: 3 }, 30, 33), ofCast)).toMatchObject({ adopted: false, base: 21, required: 11 });
  });
  it('adoption: nothing to count against never adopts, even with an inclusive threshold (0 votes cast, 2/3 以上)', () => {
    const o = decideAdoption(tally({ yes: 0, no: 0, abstain: 0 }, 30, 33), { base: 'votes_cast', threshold: TWO_THIRDS_OR_MORE });
    expect(o.adopted).toBe(false);
    expect(o.base).toBe(0);
    expect(o.required).toBe(1);
  });
});

describe('result announcement', () => {
  it('announcement: "赞成N票，反对N票，弃权N票，未按表决器N人。通过"', () => {
    const t = tally({ yes: 17, no: 10, abstain: 3 }, 32, 33);
    expect(announceResult(t, decideAdoption(t, def), true)).toBe('赞成17票，反对10票，弃权3票，未按表决器2人。通过');
  });
  it('announcement: without 未按 when it is not shown', () => {
    const t = tally({ yes: 17, no: 10, abstain: 3 }, 32, 33);
    expect(announceResult(t, decideAdoption(t, def), false)).toBe('赞成17票，反对10票，弃权3票。通过');
  });
  it('announcement: 未通过, and 未按表决器0人 still shown when the setting is on', () => {
    const t = tally({ yes: 16, no: 14, abstain: 3 }, 33, 33);
    expect(announceResult(t, decideAdoption(t, def), true)).toBe('赞成16票，反对14票，弃权3票，未按表决器0人。未通过');
  });
});
