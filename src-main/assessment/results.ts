// Turns counts into the outcome stored at close, by the pure rules of src-main/domain
// (satisfaction.ts, project-ballot.ts): nothing is decided here that a reader would check against
// the local procedure; this only feeds the rules and words their result.
import { describeThreshold } from '../domain/fraction';
import { projectBallotResult } from '../domain/project-ballot';
import { assessSubject, percentText, rankSubjects, rateDenominator, scaleLevels } from '../domain/satisfaction';
import type { AssessmentRow } from './assessment-store';
import type { AssessmentMethod, ProjectOutcome, SatisfactionOutcome, SatisfactionRow, ScaleName, ShareThreshold } from './types';

export interface SatisfactionCounts {
  levels: number[][];
  unmarked: number[];
  sheetsReturned: number;
  sheetsSetAside: number;
}

/** "满意率＝（满意＋基本满意）÷收回的有效测评表数" or the grade rule (rule B). */
export function satisfactionRuleText(scale: ScaleName, rule: 'rate' | 'grade', allMembers: number, unmarked: 'against' | 'excluded' = 'against'): string {
  const labels = scaleLevels(scale);
  const satisfied = labels.slice(0, -1).join('＋');
  const worst = labels[labels.length - 1]!;
  const rate = `满意率＝（${satisfied}）÷${unmarked === 'against' ? '收回的有效测评表数（未评价的计入）' : '对该对象作出评价的测评表数'}`;
  if (rule === 'rate') return `${rate}；名次按满意率排列`;
  const steps = labels.slice(0, -1).map((l, i) => `${labels.slice(0, i + 1).join('＋')}票数达到全体组成人员${allMembers}人半数的为“${l}”`);
  return `${steps.join('；否则')}；否则为“${worst}”。${rate}；名次按满意率排列`;
}

export function satisfactionOutcome(a: AssessmentRow, c: SatisfactionCounts, eligible: number, method: AssessmentMethod): SatisfactionOutcome {
  const scale = a.scale ?? 'three';
  const rule = a.rule ?? 'rate';
  const rows = a.subjects.map((s, index) => {
    const levels = c.levels[index]!;
    const counts = { levels, unmarked: c.unmarked[index]! };
    const options = { scale, rule, sheetsReturned: c.sheetsReturned, allMembers: a.allMembers, unmarkedSubjects: a.unmarkedSubjects };
    const r = assessSubject(counts, options);
    const marked = levels.reduce((x, y) => x + y, 0);
    return {
      index,
      name: s.name,
      unit: s.unit,
      post: s.post,
      category: s.category,
      officialId: s.officialId,
      levels,
      unmarked: c.unmarked[index]!,
      rate: r.rate?.percent ?? null,
      rateNumerator: marked - levels[levels.length - 1]!,
      rateDenominator: rateDenominator(counts, options),
      grade: r.grade,
      consequence: r.consequence,
    };
  });
  const ranked: SatisfactionRow[] = rankSubjects(rows, (x) => ({ numerator: x.rateNumerator, denominator: x.rateDenominator }));
  return {
    kind: 'satisfaction',
    method,
    scale,
    levelLabels: [...scaleLevels(scale)],
    rule,
    ruleText: satisfactionRuleText(scale, rule, a.allMembers, a.unmarkedSubjects),
    countIncompleteSheets: a.countIncomplete,
    unmarkedSubjects: a.unmarkedSubjects,
    eligible,
    allMembers: a.allMembers,
    sheetsReturned: c.sheetsReturned,
    sheetsSetAside: c.sheetsSetAside,
    rows: ranked,
  };
}

/** "得票数须为有效票的过半数" */
export function minShareText(t: ShareThreshold | null): string | null {
  return t ? `得票数须为有效票的${describeThreshold(t)}` : null;
}

export function projectOutcome(
  a: AssessmentRow,
  votes: number[],
  validSheets: number,
  invalidSheets: number,
  eligible: number,
  method: AssessmentMethod,
): ProjectOutcome {
  const chooseMax = a.chooseMax ?? 1;
  const r = projectBallotResult(votes, { chooseMax, validSheets, minShare: a.minShare ?? undefined });
  const tied = new Set(r.tieAtCutoff);
  return {
    kind: 'project',
    method,
    chooseMax,
    minShare: a.minShare,
    minShareText: minShareText(a.minShare),
    eligible,
    validSheets,
    invalidSheets,
    rows: r.ranking.map((x) => ({
      index: x.index,
      name: a.subjects[x.index]?.name ?? '',
      votes: x.votes,
      share: validSheets > 0 ? percentText(x.votes, validSheets) : null,
      rank: x.rank,
      eligible: x.eligible,
      selected: x.selected,
      tied: tied.has(x.index),
    })),
    tieAtCutoff: r.tieAtCutoff,
    selectedCount: r.selectedCount,
  };
}
