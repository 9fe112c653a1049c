// The rules in words, as the console's settings and each session's rules show them: the same words
// as the rules compute and the documents print. Rule B's bound counts (满意 ≥ half of all members),
// so its words say 达到…半数, never 过半 (strictly more than half).
import { describe, expect, it } from 'vitest';
import { quorumRuleText } from '../../../src-main/domain/attendance';
import { describeThreshold, fractionWord, MORE_THAN_HALF, TWO_THIRDS_OR_MORE } from '../../../src-main/domain/fraction';
import { assessSubject, gradeRuleText, rateRuleText } from '../../../src-main/domain/satisfaction';
import { DEFAULT_RULES, type Rules } from '../../../src-main/domain/settings';
import { adoptionRuleText } from '../../../src-main/domain/vote';
import { describeRules, satisfactionRuleLabels } from '../../../src-renderer/src/console/settings/rulesText';

const rules = (f: (r: Rules) => Rules): Rules => f(structuredClone(DEFAULT_RULES));
const line = (r: Rules, key: string) => describeRules(r).find(([k]) => k === key)?.[1];

describe('rule B (grade) in words: the bound counts', () => {
  it('rule B: 34 members, 17 满意 (exactly half) is 满意, and the words say 达到…半数, not 过半', () => {
    expect(assessSubject({ levels: [17, 0, 0], unmarked: 0 }, { scale: 'three', rule: 'grade', sheetsReturned: 17, allMembers: 34 }).grade).toBe('满意');
    const words = gradeRuleText('three', '全体组成人员');
    expect(words).toBe('满意票数达到全体组成人员半数的为“满意”；否则满意＋基本满意票数达到全体组成人员半数的为“基本满意”；否则为“不满意”');
    expect(words).not.toContain('过半');
  });

  it('the console labels rule B in those words, on either scale', () => {
    const three = satisfactionRuleLabels('three').grade;
    expect(three).toContain(gradeRuleText('three', '全体组成人员'));
    expect(three).not.toContain('过半');
    expect(satisfactionRuleLabels('four').grade).toContain('优秀＋称职＋基本称职票数达到全体组成人员半数的为“基本称职”');
    expect(line(rules((r) => ({ ...r, satisfaction: { ...r.satisfaction, rule: 'grade' } })), '测评结果')).toBe(satisfactionRuleLabels('three').grade);
  });

  it('rule A in words follows the scale: 满意率 on three levels, 称职率 on four', () => {
    expect(rateRuleText('three')).toBe('满意率＝（满意＋基本满意）÷收回的有效测评表数（未评价的计入）');
    expect(rateRuleText('four', 'excluded')).toBe('称职率＝（优秀＋称职＋基本称职）÷对该对象作出评价的测评表数');
    expect(line(rules((r) => ({ ...r, satisfaction: { ...r.satisfaction, scale: 'four' } })), '测评结果')).toBe(`A：${rateRuleText('four')}`);
    // the rate's denominator as the unmarked-subject setting says, not always 未评价的计入
    expect(line(rules((r) => ({ ...r, satisfaction: { ...r.satisfaction, unmarkedSubjects: 'excluded' } })), '测评结果')).toBe('A：满意率＝（满意＋基本满意）÷对该对象作出评价的测评表数');
  });
});

describe('quorum and adoption in words, as the session’s rules show them', () => {
  it('quorum: 过半数 is "超过…半数", 三分之二以上 is "达到…三分之二以上"', () => {
    expect(quorumRuleText(MORE_THAN_HALF)).toBe('出席的组成人员超过全体组成人员的半数');
    expect(quorumRuleText(TWO_THIRDS_OR_MORE)).toBe('出席的组成人员达到全体组成人员的三分之二以上');
    expect(line(DEFAULT_RULES, '法定人数')).toBe(quorumRuleText(MORE_THAN_HALF));
  });

  it('adoption: the base in the words of the verdict (出席会议的组成人员, 投票总数), a custom share in Chinese numerals', () => {
    expect(line(DEFAULT_RULES, '表决通过')).toBe('赞成票超过全体组成人员的半数');
    expect(line(rules((r) => ({ ...r, adoption: { base: 'present', threshold: TWO_THIRDS_OR_MORE } })), '表决通过')).toBe('赞成票达到出席会议的组成人员的三分之二以上');
    expect(line(rules((r) => ({ ...r, adoption: { base: 'votes_cast', threshold: { numerator: 3, denominator: 5, inclusive: true } } })), '表决通过')).toBe(adoptionRuleText('votes_cast', { numerator: 3, denominator: 5, inclusive: true }));
    expect(adoptionRuleText('votes_cast', { numerator: 3, denominator: 5, inclusive: true })).toBe('赞成票达到投票总数的五分之三以上');
  });

  it('a threshold in words: any n/2n is 半数; denominators past ten in Chinese numerals', () => {
    expect(describeThreshold(MORE_THAN_HALF)).toBe('过半数');
    expect(describeThreshold({ numerator: 2, denominator: 4, inclusive: false })).toBe('过半数');
    expect(describeThreshold({ numerator: 1, denominator: 2, inclusive: true })).toBe('半数以上');
    expect(describeThreshold(TWO_THIRDS_OR_MORE)).toBe('三分之二以上');
    expect(describeThreshold({ numerator: 7, denominator: 12, inclusive: false })).toBe('超过十二分之七');
    expect(fractionWord({ numerator: 3, denominator: 5 })).toBe('五分之三');
  });
});
