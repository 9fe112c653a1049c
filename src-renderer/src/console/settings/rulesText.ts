// The procedural rules in words, as the console shows them (settings and each session's snapshot).
// The words of a rule (quorum, adoption, the satisfaction grade) are domain/'s, the same the documents print.
import { quorumRuleText } from '../../../../src-main/domain/attendance';
import { gradeRuleText, rateRuleText, scaleLevels, scaleWords, TIE_BREAK_LABELS, type Scale } from '../../../../src-main/domain/satisfaction';
import type { Rules } from '../../../../src-main/domain/settings';
import { THRESHOLD_NAMES } from '../../../../src-main/domain/agenda';
import { ADOPTION_BASE_LABELS, adoptionRuleText, THRESHOLD_LABELS, THRESHOLDS, thresholdName } from '../../../../src-main/domain/vote';

export { ADOPTION_BASE_LABELS };

export type Threshold = Rules['quorum'];

/** The thresholds offered by name (domain/vote.ts: 过半数, 三分之二以上); any other is 'custom'. */
export const THRESHOLD_PRESETS = THRESHOLD_NAMES.map((key) => ({ key, label: THRESHOLD_LABELS[key], value: THRESHOLDS[key] }));

export function presetOf(t: Threshold): string {
  return thresholdName(t) ?? 'custom';
}

export const SCALE_LABELS: Record<Rules['satisfaction']['scale'], string> = {
  three: '满意 / 基本满意 / 不满意',
  four: '优秀 / 称职 / 基本称职 / 不称职',
};

/** Rule A and rule B in the words of the scale and the unmarked-subject setting chosen (B: the bound counts, 达到半数, never 过半). */
export function satisfactionRuleLabels(scale: Scale, unmarked: Rules['satisfaction']['unmarkedSubjects'] = 'against'): Record<Rules['satisfaction']['rule'], string> {
  return {
    rate: `A：${rateRuleText(scale, unmarked)}`,
    grade: `B：按全体组成人员半数定等次（${gradeRuleText(scale, '全体组成人员')}）`,
  };
}

/** A subject left unmarked, in the words of the scale: "计入称职率的分母" on the four levels. */
export function unmarkedLabels(scale: Scale, long = false): Record<Rules['satisfaction']['unmarkedSubjects'], string> {
  const { rateLabel } = scaleWords(scale);
  if (!long) return { against: `计入${rateLabel}的分母`, excluded: `不计入${rateLabel}的分母` };
  return {
    against: `计入该对象的分母（${rateLabel}＝${scaleLevels(scale).slice(0, -1).join('与')}票÷收回的有效测评表）`,
    excluded: `不计入该对象的分母（${rateLabel}按对该对象作出评价的测评表计算）`,
  };
}

/** How ties are broken first: by the best level's votes ("满意" / "优秀"), in the words of the scale. */
export function tieBreakFirst(scale: Scale): string {
  return `${scaleWords(scale).rateLabel}相同的，先按“${scaleLevels(scale)[0]!}”票多少排列`;
}

export const PRESS_RULE_LABELS: Record<Rules['pressRule'], string> = {
  last: '以最后一次按键为准（表决结束前可更改）',
  first: '以第一次按键为准（按下后不能更改）',
};

/** One line per rule, for read-only display. */
export function describeRules(r: Rules): Array<[string, string]> {
  return [
    ['法定人数', quorumRuleText(r.quorum)],
    ['表决通过', adoptionRuleText(r.adoption.base, r.adoption.threshold)],
    ['重复按键', PRESS_RULE_LABELS[r.pressRule]],
    ['公布“未按表决器”人数', r.showNotPressed ? '公布' : '不公布'],
    ['默认表决方式', r.defaultBallotSecret ? '无记名按表决器' : '记名按表决器'],
    ['测评等次', SCALE_LABELS[r.satisfaction.scale]],
    ['测评结果', satisfactionRuleLabels(r.satisfaction.scale, r.satisfaction.unmarkedSubjects)[r.satisfaction.rule]],
    ['未填完的测评表', r.satisfaction.countIncompleteSheets ? '有效' : '整张无效'],
    ['未评价的对象', unmarkedLabels(r.satisfaction.scale)[r.satisfaction.unmarkedSubjects]],
    ['名次相同时', `${tieBreakFirst(r.satisfaction.scale)}，仍相同的${TIE_BREAK_LABELS[r.satisfaction.tieBreak]}`],
    ['质询案联名', `${r.interpellation.minMembers}人以上`],
    ['审议意见办理期限', `${r.reviewOpinion.deadlineMonths}个月`],
  ];
}
