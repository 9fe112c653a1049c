// Thresholds such as "过半数" (strictly more than half) and "三分之二以上" (at least two thirds:
// in Chinese legal usage 以上 includes the bound). Integers only, never floating point.
import { chineseNumeral } from './numerals';

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

/** The fraction in words: "半数" (any n/2n), "三分之二", "十二分之七". */
export function fractionWord(t: Pick<Threshold, 'numerator' | 'denominator'>): string {
  return t.numerator * 2 === t.denominator ? '半数' : `${chineseNumeral(t.denominator)}分之${chineseNumeral(t.numerator)}`;
}

/** "过半数", "三分之二以上", "半数以上", "超过五分之三". */
export function describeThreshold(t: Threshold): string {
  const frac = fractionWord(t);
  if (t.inclusive) return `${frac}以上`;
  return frac === '半数' ? '过半数' : `超过${frac}`;
}
