// Thresholds such as "过半数" (strictly more than half) and "三分之二以上" (at least two thirds:
// in Chinese legal usage 以上 includes the bound). Integers only, never floating point.

export interface Threshold {
  numerator: number;
  denominator: number;
  /** false: strictly more than (过半数); true: the bound itself counts (以上). */
  inclusive: boolean;
}

export const MORE_THAN_HALF: Threshold = { numerator: 1, denominator: 2, inclusive: false };
export const TWO_THIRDS_OR_MORE: Threshold = { numerator: 2, denominator: 3, inclusive: true };

export function meetsThreshold(count: number, base: number, t: Threshold): boolean {
  const lhs = count * t.denominator;
  const rhs = base * t.numerator;
  return t.inclusive ? lhs >= rhs : lhs > rhs;
}

/** The smallest count that meets the threshold for the given base (e.g. 33 members, more than half → 17). */
export function minimumCount(base: number, t: Threshold): number {
  for (let c = 0; c <= base; c++) if (meetsThreshold(c, base, t)) return c;
  return base + 1;
}

/** "过半数", "三分之二以上" */
export function describeThreshold(t: Threshold): string {
  const frac = t.numerator === 1 && t.denominator === 2 ? '半数' : `${cn(t.denominator)}分之${cn(t.numerator)}`;
  return t.inclusive ? `${frac}以上` : `超过${frac}`.replace('超过半数', '过半数');
}

function cn(n: number): string {
  return '零一二三四五六七八九十'[n] ?? String(n);
}
