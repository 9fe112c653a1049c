// Guards and integer arithmetic shared by the counting rules (attendance, votes, assessments).
// Counts are whole people or sheets: a fraction or a negative count is a programming error upstream.

/** Throws a RangeError unless n is a non-negative integer. */
export function assertCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/** Integer division rounded down, a ≥ 0, b > 0, exact for any safe integers (no float rounding surprises). */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return q;
}
