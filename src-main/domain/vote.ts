// Votes (表决): 赞成 / 反对 / 弃权, the tally and whether an item is adopted.
// Default: 赞成 must exceed half of ALL members, so 弃权, 未按 and absence all work against adoption.
// Base and fraction are settings (Rules['adoption']); integers only, never floating-point fractions.
import type { ThresholdName } from './agenda';
import { presentOverExpected } from './attendance';
import { assertCount } from './counts';
import { fractionWord, meetsThreshold, minimumCount, MORE_THAN_HALF, TWO_THIRDS_OR_MORE, type Threshold } from './fraction';
import type { Rules } from './settings';

export type Choice = 'yes' | 'no' | 'abstain';
export const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain'];
export const CHOICE_LABELS: Record<Choice, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

export interface VoteCounts {
  yes: number;
  no: number;
  abstain: number;
}

export interface VoteTally extends VoteCounts {
  /** 未按表决器: present members who pressed nothing = present - yes - no - abstain, never negative. */
  notPressed: number;
  /** Members present when the ballot opened (the attendance snapshot). */
  present: number;
  /** All members in office (应出席). */
  expected: number;
}

export function tally(counts: VoteCounts, present: number, expected: number): VoteTally {
  assertCount('yes', counts.yes);
  assertCount('no', counts.no);
  assertCount('abstain', counts.abstain);
  assertCount('present', present);
  assertCount('expected', expected);
  const cast = counts.yes + counts.no + counts.abstain;
  return { yes: counts.yes, no: counts.no, abstain: counts.abstain, notPressed: Math.max(0, present - cast), present, expected };
}

/** Votes cast: 赞成 + 反对 + 弃权 (未按 is not a vote). */
export function votesCast(c: VoteCounts): number {
  return c.yes + c.no + c.abstain;
}

/**
 * Inconsistencies of a tally, in Chinese; empty when it is consistent. The engine computes no result
 * on a tally that has any (an impossible attendance, more votes than members present).
 */
export function tallyProblems(t: VoteTally): string[] {
  const out: string[] = [];
  const over = presentOverExpected(t.present, t.expected);
  if (over) out.push(over);
  if (votesCast(t) > t.present) out.push(`表决票数${votesCast(t)}票超过实到人数${t.present}人`);
  return out;
}

export type AdoptionBase = Rules['adoption']['base'];

export const ADOPTION_BASE_LABELS: Record<AdoptionBase, string> = {
  all_members: '全体组成人员',
  present: '出席会议的组成人员',
  votes_cast: '投票总数',
};

export interface VoteOutcome {
  adopted: boolean;
  /** The number the threshold is taken of: all members, those present, or votes cast. */
  base: number;
  /** The fewest 赞成 that adopt (33 members, more than half → 17). */
  required: number;
  /** The rule in words, e.g. "赞成票超过全体组成人员的半数". */
  rule: string;
}

export function adoptionBase(t: VoteTally, base: AdoptionBase): number {
  switch (base) {
    case 'all_members':
      return t.expected;
    case 'present':
      return t.present;
    case 'votes_cast':
      return votesCast(t);
  }
}

/**
 * Adopted when 赞成 meets the threshold of the base. A base of 0 (nobody to count against) never adopts:
 * with an inclusive threshold 0 ≥ 0 would otherwise "adopt" with no 赞成 at all.
 */
export function decideAdoption(t: VoteTally, adoption: Rules['adoption']): VoteOutcome {
  const base = adoptionBase(t, adoption.base);
  const th = adoption.threshold;
  return {
    adopted: base > 0 && meetsThreshold(t.yes, base, th),
    base,
    required: Math.max(1, minimumCount(base, th)),
    rule: adoptionRuleText(adoption.base, th),
  };
}

/** "赞成票超过全体组成人员的半数", "赞成票达到全体组成人员的三分之二以上". */
export function adoptionRuleText(base: AdoptionBase, th: Threshold): string {
  const of = `${ADOPTION_BASE_LABELS[base]}的${fractionWord(th)}`;
  return th.inclusive ? `赞成票达到${of}以上` : `赞成票超过${of}`;
}

// ---- thresholds per item and per ballot -----------------------------------------------------

/** The two thresholds an item or a ballot may carry: 过半数 (strict) and 三分之二以上 (inclusive). */
export const THRESHOLDS: Record<ThresholdName, Threshold> = { more_than_half: MORE_THAN_HALF, two_thirds: TWO_THIRDS_OR_MORE };
export const THRESHOLD_LABELS: Record<ThresholdName, string> = { more_than_half: '过半数', two_thirds: '三分之二以上' };

/** The name of a threshold, or null for one that is neither 过半数 nor 三分之二以上. */
export function thresholdName(th: Threshold): ThresholdName | null {
  for (const [name, t] of Object.entries(THRESHOLDS) as [ThresholdName, Threshold][]) {
    if (t.numerator * th.denominator === th.numerator * t.denominator && t.inclusive === th.inclusive) return name;
  }
  return null;
}

/**
 * The rule a ballot is adopted by: the threshold chosen when the ballot was created, else the item's,
 * else the session's; the base (default 全体组成人员) is always the session's.
 */
export function ballotAdoption(session: Rules['adoption'], item?: ThresholdName | null, ballot?: ThresholdName | null): Rules['adoption'] {
  const name = ballot ?? item;
  return name ? { base: session.base, threshold: THRESHOLDS[name] } : session;
}

/** "全体组成人员33人", "投票总数30票". */
const baseWithCount = (base: AdoptionBase, n: number): string => `${ADOPTION_BASE_LABELS[base]}${n}${base === 'votes_cast' ? '票' : '人'}`;

/**
 * The result in the rule's words, base and count included: "赞成18票，超过全体组成人员33人的半数，通过。",
 * "赞成16票，未超过全体组成人员33人的半数，未通过。", "赞成22票，达到全体组成人员33人的三分之二以上，通过。",
 * "赞成21票，未达到全体组成人员33人的三分之二，未通过。".
 */
export function verdictSentence(yes: number, o: Pick<VoteOutcome, 'adopted' | 'base'>, adoption: Rules['adoption']): string {
  const th = adoption.threshold;
  const of = `${baseWithCount(adoption.base, o.base)}的${fractionWord(th)}`;
  const clause = th.inclusive ? (o.adopted ? `达到${of}以上` : `未达到${of}`) : o.adopted ? `超过${of}` : `未超过${of}`;
  return `赞成${yes}票，${clause}，${verdictWord(o)}。`;
}

/** What adoption needs, before or after the vote: "赞成票须超过全体组成人员33人的半数，即至少17票". */
export function requirementText(o: Pick<VoteOutcome, 'base' | 'required'>, adoption: Rules['adoption']): string {
  const th = adoption.threshold;
  const of = `${baseWithCount(adoption.base, o.base)}的${fractionWord(th)}`;
  return `赞成票须${th.inclusive ? `达到${of}以上` : `超过${of}`}，即至少${o.required}票`;
}

/** The base and the fewest 赞成 that adopt, known before anyone votes when the base is 全体组成人员. */
export function requirementBefore(expected: number, present: number, adoption: Rules['adoption']): { base: number; required: number } | null {
  if (adoption.base === 'votes_cast') return null; // known only once the votes are cast
  const base = adoption.base === 'all_members' ? expected : present;
  return { base, required: Math.max(1, minimumCount(base, adoption.threshold)) };
}

/**
 * "赞成17票，反对10票，弃权3票，未按表决器2人。通过" — the 未按 part only when showNotPressed
 * (then always, even "未按表决器0人", so the big screen keeps one layout).
 */
export function announceResult(t: VoteTally, o: VoteOutcome, showNotPressed: boolean): string {
  return `${countsText(t, showNotPressed)}。${verdictWord(o)}`;
}

/** "赞成17票，反对10票，弃权3票" (and "，未按表决器2人" when showNotPressed). */
export function countsText(t: Pick<VoteTally, 'yes' | 'no' | 'abstain' | 'notPressed'>, showNotPressed: boolean): string {
  let s = `赞成${t.yes}票，反对${t.no}票，弃权${t.abstain}票`;
  if (showNotPressed) s += `，未按表决器${t.notPressed}人`;
  return s;
}

export function verdictWord(o: Pick<VoteOutcome, 'adopted'>): '通过' | '未通过' {
  return o.adopted ? '通过' : '未通过';
}

/** The chair's sentence: "赞成18票，反对1票，弃权1票，通过。" (未按 only for an electronic ballot that shows it). */
export function spokenResult(t: Pick<VoteTally, 'yes' | 'no' | 'abstain' | 'notPressed'>, o: Pick<VoteOutcome, 'adopted'>, showNotPressed: boolean): string {
  return `${countsText(t, showNotPressed)}，${verdictWord(o)}。`;
}
