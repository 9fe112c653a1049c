// Where an appointed official stands in the year's supervision cycle (任后监督): pledge → mid-year
// review → 述职 → satisfaction assessment → rectification and follow-up. A domain rule: pure, derived
// from what the record holds (assessment/year-records.ts reads it).

export type Standing = 'none' | 'pledged' | 'reviewed' | 'reported' | 'assessed' | 'rectify' | 'followedUp';

export const STANDING_LABELS: Record<Standing, string> = {
  none: '未报送承诺',
  pledged: '已报送承诺',
  reviewed: '已中期评议',
  reported: '已述职（待测评）',
  assessed: '已测评',
  rectify: '需整改',
  followedUp: '已反馈整改',
};

export interface StandingInput {
  hasPledge: boolean;
  hasMidyear: boolean;
  /** The 述职 item or assessment is linked. */
  reported: boolean;
  /** The assessment has a result for this official. */
  assessed: boolean;
  /** The result carries a consequence (整改). */
  consequence: string | null;
  hasFollowUp: boolean;
}

export function yearStanding(r: StandingInput): Standing {
  if (r.assessed) {
    if (r.consequence) return r.hasFollowUp ? 'followedUp' : 'rectify';
    return r.hasFollowUp ? 'followedUp' : 'assessed';
  }
  if (r.reported) return 'reported';
  if (r.hasMidyear) return 'reviewed';
  if (r.hasPledge) return 'pledged';
  return 'none';
}
