// Turns counts into the outcome stored at close, by the pure rules of src-main/domain
// (satisfaction.ts, project-ballot.ts): nothing is decided here that a reader would check against
// the local procedure; this only feeds the rules and words their result.
import { describeThreshold } from '../domain/fraction';
import { consolidateRounds, projectBallotResult } from '../domain/project-ballot';
import { assessSubject, gradeRuleText, percentText, rankSubjects, rateDenominator, rateRuleText, scaleLevels, scaleWords, TIE_BREAK_LABELS, type TieBreak } from '../domain/satisfaction';
import { DEFAULT_RULES } from '../domain/settings';
import { compareNamesByStrokes } from '../people/strokes';
import type { AssessmentRow } from './assessment-store';
import type { AssessmentMethod, AssessmentOutcome, ProjectFinal, ProjectOutcome, SatisfactionOutcome, SatisfactionRow, ScaleName, ShareThreshold } from './types';

export interface SatisfactionCounts {
  levels: number[][];
  unmarked: number[];
  sheetsReturned: number;
  sheetsSetAside: number;
}

/** "名次按满意率排列，满意率相同的按“满意”票数多少排列，仍相同的名次并列" */
export function rankRuleText(scale: ScaleName, tieBreak: TieBreak): string {
  const rate = scaleWords(scale).rateLabel;
  const then = tieBreak === 'shared' ? '仍相同的名次并列' : `仍相同的${TIE_BREAK_LABELS[tieBreak]}排列`;
  return `名次按${rate}排列，${rate}相同的按“${scaleLevels(scale)[0]}”票数多少排列，${then}`;
}

/**
 * "满意率＝（满意＋基本满意）÷收回的有效测评表数（未评价的计入）；满意票数达到收回的有效测评表数半数的为
 * “满意”…" (rule A: the rate, and the grade the document prints beside it, over the rate's
 * denominator) or the grade rule over all members (rule B), then the ranking.
 */
export function satisfactionRuleText(
  scale: ScaleName,
  rule: 'rate' | 'grade',
  allMembers: number,
  unmarked: 'against' | 'excluded' = 'against',
  tieBreak: TieBreak = DEFAULT_RULES.satisfaction.tieBreak,
): string {
  const rate = rateRuleText(scale, unmarked);
  if (rule === 'rate') return `${rate}；${gradeRuleText(scale, unmarked === 'against' ? '收回的有效测评表数' : '对该对象作出评价的测评表数')}；${rankRuleText(scale, tieBreak)}`;
  return `${gradeRuleText(scale, `全体组成人员${allMembers}人`)}。${rate}；${rankRuleText(scale, tieBreak)}`;
}

/** The order that breaks a tie left after the rate and the best level, or none (shared rank). */
function thenBy(tieBreak: TieBreak): ((a: { index: number; name: string }, b: { index: number; name: string }) => number) | undefined {
  if (tieBreak === 'sheet') return (a, b) => a.index - b.index;
  if (tieBreak === 'strokes') return (a, b) => compareNamesByStrokes(a.name, b.name) || a.index - b.index;
  return undefined;
}

/** Ranks rows by rate, then the best level's count, then the tie-break (also within a category). */
export function rankSatisfactionRows<T extends { index: number; name: string; levels: number[]; rateNumerator: number; rateDenominator: number }>(
  rows: T[],
  tieBreak: TieBreak = DEFAULT_RULES.satisfaction.tieBreak,
): Array<T & { rank: number }> {
  return rankSubjects(rows, (x) => ({ numerator: x.rateNumerator, denominator: x.rateDenominator }), { best: (x) => x.levels[0]!, thenBy: thenBy(tieBreak) });
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
  const tieBreak = a.tieBreak ?? DEFAULT_RULES.satisfaction.tieBreak;
  const ranked: SatisfactionRow[] = rankSatisfactionRows(rows, tieBreak);
  return {
    kind: 'satisfaction',
    method,
    scale,
    levelLabels: [...scaleLevels(scale)],
    rule,
    ruleText: satisfactionRuleText(scale, rule, a.allMembers, a.unmarkedSubjects, tieBreak),
    tieBreak,
    ...scaleWords(scale),
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

/**
 * The item's final project-ballot result up to round `upTo` (its rounds with a result, oldest first):
 * the selected projects and the round that decided each, across runoffs (domain consolidateRounds).
 */
export function projectFinal(rounds: readonly Pick<AssessmentRow, 'id' | 'round' | 'result'>[], upTo: number): ProjectFinal | null {
  const done = rounds.filter((r) => r.round <= upTo && r.result?.kind === 'project').map((r) => ({ round: r.round, result: r.result as ProjectOutcome }));
  const final = consolidateRounds(
    done.map(({ round, result }) => ({
      round,
      places: result.chooseMax,
      candidates: result.rows.map((x) => x.name),
      selected: result.rows.filter((x) => x.selected).map((x) => ({ candidate: x.name, votes: x.votes })),
      tied: result.rows.filter((x) => x.tied).map((x) => x.name),
    })),
  );
  if (!final) return null;
  return {
    places: final.places,
    selected: final.selected.map((s) => ({ name: s.candidate, round: s.round, votes: s.votes })),
    pending: final.pending,
    placesLeft: final.placesLeft,
    complete: final.complete,
    rounds: final.rounds.length,
  };
}

/** A project outcome with its item's final result across rounds filled in (read-time, never stored). */
export function withProjectFinal(result: AssessmentOutcome, rounds: readonly Pick<AssessmentRow, 'id' | 'round' | 'result'>[], round: number): AssessmentOutcome {
  if (result.kind !== 'project') return result;
  const final = projectFinal(rounds, round);
  return final ? { ...result, final } : result;
}

/** "最终入选项目10个：甲（第1轮）、乙（第2轮）……" — the line every face prints under a runoff's result. */
export function projectFinalText(f: ProjectFinal): string {
  const list = f.selected.map((s) => `${s.name}（第${s.round}轮）`).join('、');
  const head = f.selected.length ? `最终入选项目${f.selected.length}个：${list}` : '没有项目入选';
  if (!f.complete) return `${head}；尚有${f.placesLeft}个名额待${f.pending.join('、')}另行票决确定。`;
  return `${head}${f.placesLeft > 0 ? `；${f.placesLeft}个名额空缺` : ''}。`;
}
