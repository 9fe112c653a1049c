// A ballot's rule and verdict in the words of domain/vote.ts, for every face and document: the
// threshold it carries ("过半数" / "三分之二以上"), what adoption needs ("赞成票须超过全体组成人员33人的
// 半数，即至少17票") and, once counted, the verdict with its base ("赞成18票，超过全体组成人员33人的半数，通过。").
import { describeThreshold } from '../domain/fraction';
import { requirementBefore, requirementText, THRESHOLD_LABELS, thresholdName, verdictSentence } from '../domain/vote';
import type { BallotRow } from './ballot-store';

type Words = Pick<BallotRow, 'rules' | 'result' | 'expected' | 'eligible' | 'state'>;

/** "过半数", "三分之二以上" (or the threshold's own words for another one). */
export function thresholdLabel(b: Pick<BallotRow, 'rules'>): string {
  const th = b.rules.adoption.threshold;
  const name = thresholdName(th);
  return name ? THRESHOLD_LABELS[name] : describeThreshold(th);
}

/** What adoption needs; null while it cannot be known (a base of votes cast before the count). */
export function ballotRequirement(b: Words): string | null {
  if (b.result) return requirementText(b.result, b.rules.adoption);
  const before = requirementBefore(b.expected, b.eligible.length, b.rules.adoption);
  if (!before || (b.rules.adoption.base === 'present' && b.state === 'draft')) return null;
  return requirementText(before, b.rules.adoption);
}

/** The verdict with base and count, or null without a result. */
export function ballotVerdict(b: Words): string | null {
  return b.result ? verdictSentence(b.result.yes, b.result, b.rules.adoption) : null;
}
