// Column widths that fit their content, for the PDF (measured in the document's fonts) and the DOCX
// (measured on the character grid): every header and every short cell ("序号", "未通过", "局长", a
// name) stays on one line; what is left goes to the columns with long text, in proportion to how much
// more they would need; when everything fits, the spare width follows the model's proportions.
import type { TableColumn } from './model';

/** A table's cell padding and line height (points) at a font size; tighter rows for a form fitted to its sheet. Shared by the PDF and the DOCX. */
export function tableMetrics(size: number, tight = false): { padX: number; padY: number; lineHeight: number } {
  return { padX: size * 0.4, padY: size * (tight ? 0.12 : 0.35), lineHeight: size * (tight ? 1.22 : 1.45) };
}

/** Cells up to this many characters are never wrapped when the table can avoid it. */
const SHORT = 8;

export interface WidthOptions {
  /** Width of the whole table. */
  total: number;
  /** Horizontal padding of a cell, both sides together. */
  pad: number;
  /** Width of a text at the table's size (header and cells alike). */
  measure: (text: string, header: boolean) => number;
}

export function columnWidths(columns: TableColumn[], rows: string[][], o: WidthOptions): number[] {
  const n = columns.length;
  if (n === 0) return [];
  const longest = (s: string, header: boolean) => Math.max(0, ...s.split('\n').map((l) => o.measure(l, header)));
  const natural = columns.map((c, i) => Math.max(longest(c.header, true), ...rows.map((r) => longest(r[i] ?? '', false))) + o.pad);
  const minimum = columns.map(
    (c, i) =>
      Math.max(
        longest(c.header, true),
        ...rows.map((r) => {
          const cell = r[i] ?? '';
          return Array.from(cell).length <= SHORT ? longest(cell, false) : o.measure('字'.repeat(SHORT / 2), false);
        }),
      ) + o.pad,
  );
  const weights = columns.map((c) => Math.max(c.width, 0));
  const weightSum = weights.reduce((a, w) => a + w, 0) || n;
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  if (sum(natural) <= o.total) {
    const spare = o.total - sum(natural);
    return natural.map((w, i) => w + (spare * (weights[i]! || weightSum / n)) / weightSum);
  }
  if (sum(minimum) >= o.total) {
    // even the short cells do not fit: the model's proportions, as before
    return weights.map((w) => (o.total * (w || weightSum / n)) / weightSum);
  }
  const spare = o.total - sum(minimum);
  const want = natural.map((w, i) => w - minimum[i]!);
  const wantSum = sum(want) || 1;
  return minimum.map((m, i) => m + (spare * want[i]!) / wantSum);
}
