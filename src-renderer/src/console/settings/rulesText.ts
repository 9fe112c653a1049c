// The procedural rules in words, as the console shows them (settings and each session's snapshot).
import { TIE_BREAK_LABELS } from '../../../../src-main/domain/satisfaction';
import type { Rules } from '../../../../src-main/domain/settings';

export type Threshold = Rules['quorum'];

export const THRESHOLD_PRESETS = [
  { key: 'half', label: '过半数', value: { numerator: 1, denominator: 2, inclusive: false } },
  { key: 'two-thirds', label: '三分之二以上', value: { numerator: 2, denominator: 3, inclusive: true } },
] as const;

export function presetOf(t: Threshold): string {
  return THRESHOLD_PRESETS.find((p) => p.value.numerator === t.numerator && p.value.denominator === t.denominator && p.value.inclusive === t.inclusive)?.key ?? 'custom';
}

/** "过半数", "三分之二以上", or "3/5以上（含）" / "超过3/5". */
export function thresholdText(t: Threshold): string {
  const preset = THRESHOLD_PRESETS.find((p) => p.key === presetOf(t));
  if (preset) return preset.label;
  return t.inclusive ? `${t.numerator}/${t.denominator}以上（含本数）` : `超过${t.numerator}/${t.denominator}`;
}

export const ADOPTION_BASE_LABELS: Record<Rules['adoption']['base'], string> = {
  all_members: '全体组成人员',
  present: '出席人员',
  votes_cast: '投票人数',
};

export const SCALE_LABELS: Record<Rules['satisfaction']['scale'], string> = {
  three: '满意 / 基本满意 / 不满意',
  four: '优秀 / 称职 / 基本称职 / 不称职',
};

export const SATISFACTION_RULE_LABELS: Record<Rules['satisfaction']['rule'], string> = {
  rate: 'A：满意率 =（满意＋基本满意）÷ 收回测评表数',
  grade: 'B：按全体组成人员半数定等次（满意票过半为满意，满意＋基本满意过半为基本满意，否则不满意）',
};

export const PRESS_RULE_LABELS: Record<Rules['pressRule'], string> = {
  last: '以最后一次按键为准（表决结束前可更改）',
  first: '以第一次按键为准（按下后不能更改）',
};

/** "超过全体组成人员的半数", "达到出席人员的三分之二以上", "达到全体组成人员的3/5（含本数）". */
export function shareText(t: Threshold, base: string): string {
  switch (presetOf(t)) {
    case 'half':
      return `超过${base}的半数`;
    case 'two-thirds':
      return `达到${base}的三分之二以上`;
    default:
      return t.inclusive ? `达到${base}的${t.numerator}/${t.denominator}（含本数）` : `超过${base}的${t.numerator}/${t.denominator}`;
  }
}

/** One line per rule, for read-only display. */
export function describeRules(r: Rules): Array<[string, string]> {
  return [
    ['法定人数', `出席的组成人员${shareText(r.quorum, '全体组成人员')}`],
    ['表决通过', `赞成票${shareText(r.adoption.threshold, ADOPTION_BASE_LABELS[r.adoption.base])}`],
    ['重复按键', PRESS_RULE_LABELS[r.pressRule]],
    ['公布“未按表决器”人数', r.showNotPressed ? '公布' : '不公布'],
    ['默认表决方式', r.defaultBallotSecret ? '无记名按表决器' : '记名按表决器'],
    ['测评等次', SCALE_LABELS[r.satisfaction.scale]],
    ['测评结果', SATISFACTION_RULE_LABELS[r.satisfaction.rule]],
    ['未填完的测评表', r.satisfaction.countIncompleteSheets ? '有效' : '整张无效'],
    ['未评价的对象', r.satisfaction.unmarkedSubjects === 'against' ? '计入满意率的分母' : '不计入满意率的分母'],
    ['名次相同时', `先按“满意”票多少，仍相同的${TIE_BREAK_LABELS[r.satisfaction.tieBreak]}`],
    ['质询案联名', `${r.interpellation.minMembers}人以上`],
    ['审议意见办理期限', `${r.reviewOpinion.deadlineMonths}个月`],
  ];
}
