// 满意度测评: per-subject results, consequences and ranking. Integers only.
//
// Decisions (see shared/domain.md; the rule is a setting, default A):
// - Levels are counted in scale order, best first: 满意/基本满意/不满意 or 优秀/称职/基本称职/不称职.
// - "Satisfied" = every level except the last (the worst): 满意+基本满意, or 优秀+称职+基本称职.
// - A subject left unmarked on a counted sheet (settings satisfaction.unmarkedSubjects):
//   'against' (default, domain.md rule A "÷ ballots returned"): the sheet stays in the subject's
//   denominator, so rate = satisfied / sheets returned and an unmarked sheet works against it;
//   'excluded': rate = satisfied / (sheets that marked this subject). With no denominator the rate is
//   null. sheetsReturned = the sheets counted = Σlevels + unmarked for every subject (checked).
// - The rate is always computed (the result document shows it); the rule decides the grade:
//   - B ('grade', 镇海-style): the best level L such that the votes for L or better reach half of
//     ALL members (以上, inclusive: 2·count ≥ allMembers); else the worst level. On the three-level
//     scale exactly: 满意 if 满意 ≥ half; else 基本满意 if 满意+基本满意 ≥ half; else 不满意.
//     Unmarked sheets and absent members therefore work against the subject, like in a vote.
//   - A ('rate'): rule A defines only the rate, so the grade is the same cumulative rule taken over
//     the rate's denominator (the median verdict, ties to the better level). With no denominator
//     there is no grade: grade = '未评定', gradeIndex = null, no consequence.
// - Consequences: 不满意 (the worst level) over half of the sheets returned, or grade = worst level →
//   "限期整改并再次报告"; grade = the level just above the worst (基本满意 / 基本称职) → "按照审议意见整改".
import { assertCount, floorDiv } from './counts';
import { SATISFACTION_SCALES, type Rules } from './settings';

export type Scale = keyof typeof SATISFACTION_SCALES;
export type SatisfactionRule = Rules['satisfaction']['rule'];

export const CONSEQUENCE_REPORT_AGAIN = '限期整改并再次报告';
export const CONSEQUENCE_RECTIFY = '按照审议意见整改';
export const UNGRADED = '未评定';

export interface SubjectCounts {
  /** Count per level in scale order (best first). */
  levels: number[];
  /** Counted sheets that left this subject unmarked (or marked it invalidly, e.g. two boxes). */
  unmarked: number;
}

export interface Ratio {
  numerator: number;
  denominator: number;
}

export interface SubjectResult {
  /** satisfied / denominator (see unmarkedSubjects); percent rounded half up to 2 decimals ("87.88%"). */
  rate: (Ratio & { percent: string }) | null;
  /** A level label of the scale, or '未评定' (rule A, nobody marked the subject). */
  grade: string;
  /** Index of the grade in the scale, null when ungraded. */
  gradeIndex: number | null;
  consequence: string | null;
}

export interface AssessOptions {
  scale: Scale;
  rule: SatisfactionRule;
  /** Sheets counted (for each subject: Σlevels + unmarked). */
  sheetsReturned: number;
  /** All members in office (rule B's base). */
  allMembers: number;
  /** How unmarked subjects count; default 'against' (rate over all sheets returned). */
  unmarkedSubjects?: 'against' | 'excluded';
}

export function scaleLevels(scale: Scale): readonly string[] {
  return SATISFACTION_SCALES[scale];
}

/**
 * "对……办理情况报告的满意度测评": the report's name as the object of the assessment, without the
 * doubled 的 ("……办理情况的报告的满意度测评"): a name ending in "的报告" drops that 的.
 */
export function assessmentTitleOf(reportName: string, scale: Scale = 'three'): string {
  return `对${reportName.trim().replace(/的报告$/, '报告')}的${scaleWords(scale).scaleTitle}`;
}

/**
 * What a scale's documents and screens call the assessment and its rate: the three levels are a
 * 满意度测评 with a 满意率; the four levels (优秀 / 称职 / 基本称职 / 不称职) judge fitness for the post,
 * a 称职测评 with a 称职率 — never "满意度" for a scale without 满意.
 */
export function scaleWords(scale: Scale): { scaleTitle: string; rateLabel: string } {
  return scale === 'four' ? { scaleTitle: '称职测评', rateLabel: '称职率' } : { scaleTitle: '满意度测评', rateLabel: '满意率' };
}

/**
 * The rate in words: "满意率＝（满意＋基本满意）÷收回的有效测评表数（未评价的计入）", or over "对该对象作出评价的
 * 测评表数" when unmarked subjects are excluded ("称职率＝（优秀＋称职＋基本称职）÷…" on the four levels).
 */
export function rateRuleText(scale: Scale, unmarked: 'against' | 'excluded' = 'against'): string {
  const labels = scaleLevels(scale);
  const over = unmarked === 'against' ? '收回的有效测评表数（未评价的计入）' : '对该对象作出评价的测评表数';
  return `${scaleWords(scale).rateLabel}＝（${labels.slice(0, -1).join('＋')}）÷${over}`;
}

/**
 * The grade rule in words over its base (rule B: "全体组成人员33人"; rule A: the rate's denominator):
 * "满意票数达到全体组成人员33人半数的为“满意”；否则满意＋基本满意票数达到…半数的为“基本满意”；否则为“不满意”".
 * 达到半数: the bound counts (2·count ≥ base, as cumulativeGrade decides), so never "过半".
 */
export function gradeRuleText(scale: Scale, base: string): string {
  const labels = scaleLevels(scale);
  const steps = labels.slice(0, -1).map((l, i) => `${labels.slice(0, i + 1).join('＋')}票数达到${base}半数的为“${l}”`);
  return `${steps.join('；否则')}；否则为“${labels[labels.length - 1]!}”`;
}

/** numerator/denominator as a percentage with 2 decimals, half up, integer math: 29/33 → "87.88%". */
export function percentText(numerator: number, denominator: number): string {
  assertCount('numerator', numerator);
  if (!Number.isInteger(denominator) || denominator <= 0) throw new RangeError(`denominator must be a positive integer, got ${denominator}`);
  // hundredths of a percent, rounded half up: floor((n·10000·2 + d) / (2d))
  const h = floorDiv(numerator * 20000 + denominator, 2 * denominator);
  return `${floorDiv(h, 100)}.${String(h % 100).padStart(2, '0')}%`;
}

/** The best level whose cumulative count (that level or better) reaches half of base (2·cum ≥ base). */
function cumulativeGrade(levels: readonly number[], base: number): number {
  let cum = 0;
  for (let i = 0; i < levels.length - 1; i++) {
    cum += levels[i]!;
    if (2 * cum >= base) return i;
  }
  return levels.length - 1;
}

/** The rate's denominator: every sheet returned ('against', default) or the sheets that marked the subject. */
export function rateDenominator(c: SubjectCounts, opts: Pick<AssessOptions, 'sheetsReturned' | 'unmarkedSubjects'>): number {
  return (opts.unmarkedSubjects ?? 'against') === 'against' ? opts.sheetsReturned : c.levels.reduce((a, b) => a + b, 0);
}

export function assessSubject(c: SubjectCounts, opts: AssessOptions): SubjectResult {
  const labels = scaleLevels(opts.scale);
  const n = labels.length;
  if (c.levels.length !== n) throw new RangeError(`expected ${n} level counts for scale '${opts.scale}', got ${c.levels.length}`);
  c.levels.forEach((v, i) => assertCount(`levels[${i}]`, v));
  assertCount('unmarked', c.unmarked);
  assertCount('sheetsReturned', opts.sheetsReturned);
  assertCount('allMembers', opts.allMembers);
  const marked = c.levels.reduce((a, b) => a + b, 0);
  if (marked + c.unmarked !== opts.sheetsReturned)
    throw new RangeError(`counts (${marked} marked + ${c.unmarked} unmarked) do not add up to ${opts.sheetsReturned} sheets returned`);
  if (opts.sheetsReturned > opts.allMembers)
    throw new RangeError(`${opts.sheetsReturned} sheets returned exceed ${opts.allMembers} members`);
  if (opts.rule === 'grade' && opts.allMembers === 0) throw new RangeError('rule B needs the number of all members');

  const satisfied = marked - c.levels[n - 1]!;
  const denominator = rateDenominator(c, opts);
  const rate = denominator > 0 ? { numerator: satisfied, denominator, percent: percentText(satisfied, denominator) } : null;

  let gradeIndex: number | null;
  if (opts.rule === 'grade') gradeIndex = cumulativeGrade(c.levels, opts.allMembers);
  else gradeIndex = denominator > 0 ? cumulativeGrade(c.levels, denominator) : null;

  const worst = n - 1;
  let consequence: string | null = null;
  if (2 * c.levels[worst]! > opts.sheetsReturned || gradeIndex === worst) consequence = CONSEQUENCE_REPORT_AGAIN;
  else if (gradeIndex === worst - 1) consequence = CONSEQUENCE_RECTIFY;

  return { rate, grade: gradeIndex === null ? UNGRADED : labels[gradeIndex]!, gradeIndex, consequence };
}

/** a/b compared to c/d by cross-multiplication; a zero denominator ranks below every real ratio. */
export function compareRatios(a: Ratio, b: Ratio): number {
  for (const r of [a, b]) {
    assertCount('numerator', r.numerator);
    assertCount('denominator', r.denominator);
  }
  if (a.denominator === 0 || b.denominator === 0) return (a.denominator === 0 ? 1 : 0) - (b.denominator === 0 ? 1 : 0);
  return b.numerator * a.denominator - a.numerator * b.denominator; // < 0: a first (higher)
}

/** How subjects still tied after the rate and the count of the best level are ordered (rules.satisfaction.tieBreak). */
export const TIE_BREAKS = ['shared', 'sheet', 'strokes'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];
export const TIE_BREAK_LABELS: Record<TieBreak, string> = {
  shared: '名次并列',
  sheet: '按测评表上的顺序',
  strokes: '按姓氏笔画',
};

export interface RankOptions<T> {
  /** Second key: the count of the best level (满意 / 优秀), more ranks higher. */
  best?: (t: T) => number;
  /**
   * Third key for the subjects still tied: an order (e.g. sheet order or surname strokes) that gives
   * each its own rank; without it they share the rank. Subjects nobody rated always share the last rank.
   */
  thenBy?: (a: T, b: T) => number;
}

/**
 * Satisfaction ranking: highest ratio first; equal ratios → more of the best level first; still equal
 * → `thenBy`, or a shared rank (competition ranking 1, 2, 2, 4) keeping the input order. Subjects
 * without a ratio (denominator 0, nobody marked them) come last, tied.
 */
export function rankSubjects<T>(items: T[], key: (t: T) => Ratio, opts: RankOptions<T> = {}): Array<T & { rank: number }> {
  const keyed = items.map((item) => ({ item, k: key(item), best: opts.best ? opts.best(item) : 0 }));
  keyed.forEach((e) => assertCount('best', e.best));
  const tie = (x: (typeof keyed)[number], y: (typeof keyed)[number]): number => {
    const r = compareRatios(x.k, y.k);
    if (r !== 0) return r;
    if (x.k.denominator === 0) return 0;
    return y.best - x.best || (opts.thenBy ? opts.thenBy(x.item, y.item) : 0);
  };
  keyed.sort(tie); // stable
  const out: Array<T & { rank: number }> = [];
  keyed.forEach((e, i) => {
    const prev = keyed[i - 1];
    const rank = prev && tie(prev, e) === 0 ? out[i - 1]!.rank : i + 1;
    out.push({ ...e.item, rank });
  });
  return out;
}

export interface SheetCount {
  subjects: SubjectCounts[];
  /** Sheets counted: pass as sheetsReturned. */
  sheetsReturned: number;
  /** Sheets not counted because a subject was unmarked and countIncompleteSheets is false. */
  sheetsSetAside: number;
}

/**
 * Count anonymous sheets. Each sheet holds, per subject, the level index chosen or null (unmarked).
 * countIncompleteSheets: true → a sheet with unmarked subjects counts, those subjects are unmarked;
 * false → such a sheet is set aside entirely.
 */
export function countAssessmentSheets(
  sheets: ReadonlyArray<ReadonlyArray<number | null>>,
  subjectCount: number,
  scale: Scale,
  countIncompleteSheets: boolean,
): SheetCount {
  const n = scaleLevels(scale).length;
  const subjects: SubjectCounts[] = Array.from({ length: subjectCount }, () => ({ levels: new Array<number>(n).fill(0), unmarked: 0 }));
  let sheetsReturned = 0;
  let sheetsSetAside = 0;
  for (const sheet of sheets) {
    if (sheet.length !== subjectCount) throw new RangeError(`a sheet has ${sheet.length} entries, expected ${subjectCount}`);
    for (const mark of sheet) {
      if (mark !== null && !(Number.isInteger(mark) && mark >= 0 && mark < n)) throw new RangeError(`invalid level ${mark}`);
    }
    if (!countIncompleteSheets && sheet.some((m) => m === null)) {
      sheetsSetAside++;
      continue;
    }
    sheetsReturned++;
    sheet.forEach((mark, i) => {
      const s = subjects[i]!;
      if (mark === null) s.unmarked++;
      else s.levels[mark]!++;
    });
  }
  return { subjects, sheetsReturned, sheetsSetAside };
}

/**
 * How many sheets of an electronic round came on paper (entered by the secretary for members without a
 * working terminal): "（其中纸质测评表3份）", "（其中纸质选票2张）"; '' when none did.
 */
export function paperSheetsNote(kind: 'satisfaction' | 'project', paperSheets: number | undefined): string {
  if (!paperSheets) return '';
  return kind === 'project' ? `（其中纸质选票${paperSheets}张）` : `（其中纸质测评表${paperSheets}份）`;
}
