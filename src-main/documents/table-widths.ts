// Column widths that fit their content, for the PDF (documents/table.ts) and the DOCX
// (documents-docx/table.ts) alike, measured by the same glyph advances (the PDF's fonts: a digit, a
// "%" or a "." is as wide as its glyph, not a character cell): every header and every short cell
// ("序号", "未通过", "局长", a name) stays on one line; what is left goes to the columns with long text,
// in proportion to how much more they would need; when everything fits, the spare width follows the
// model's proportions. Where even that does not fit, no column is narrower than the widest piece of
// its header or cells that may not be broken ("（人）", "93.33%", "2026年"): a word processor breaks
// such a piece mid-word where the PDF would let it overhang the cell.
import type { FontRole } from './fonts';
import { SIZE } from './geometry';
import { canBreakBefore, tokenize } from './linebreak';
import type { Block, TableColumn } from './model';

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
  /** Width of the text's widest piece that may not be broken; default: the whole text. */
  unbreakable?: (text: string, header: boolean) => number;
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
    // even the short cells do not fit: the model's proportions, no column narrower than its widest unbreakable piece
    const piece = o.unbreakable ?? o.measure;
    const widest = (s: string, header: boolean) => Math.max(0, ...s.split('\n').map((l) => piece(l, header)));
    const floor = columns.map((c, i) => Math.max(widest(c.header, true), ...rows.map((r) => widest(r[i] ?? '', false))) + o.pad);
    return proportional(weights.map((w) => w || weightSum / n), sum(floor) <= o.total ? floor : columns.map(() => 0), o.total);
  }
  const spare = o.total - sum(minimum);
  const want = natural.map((w, i) => w - minimum[i]!);
  const wantSum = sum(want) || 1;
  return minimum.map((m, i) => m + (spare * want[i]!) / wantSum);
}

/** Widths in proportion to `weights` summing to `total`, none below its `floor` (the others share what is left). */
function proportional(weights: number[], floor: number[], total: number): number[] {
  const fixed = new Set<number>();
  for (;;) {
    const free = total - [...fixed].reduce((a, i) => a + floor[i]!, 0);
    const weightSum = weights.reduce((a, w, i) => a + (fixed.has(i) ? 0 : w), 0);
    const widths = weights.map((w, i) => (fixed.has(i) ? floor[i]! : (free * w) / weightSum));
    const below = widths.findIndex((w, i) => !fixed.has(i) && w < floor[i]! - 1e-9);
    if (below < 0) return widths;
    fixed.add(below);
  }
}

type TableBlock = Extract<Block, { type: 'table' }>;

/** The table's font size in points (SIZE.table, 12, unless the block says otherwise). */
export function tableFontSize(block: TableBlock): number {
  return block.fontSize && block.fontSize > 0 ? block.fontSize : SIZE.table;
}

/** Measures a text in a font role at a size, in points (the PDF's FontBook.measure). */
export type MeasureText = (role: FontRole, text: string, size: number) => number;

/**
 * The widths (points) of a table's columns across `total` points, header in 黑体 and cells in 仿宋 at
 * the table's size, wide characters in cells of the font size as the PDF sets them: one function for
 * the PDF and the DOCX, so both draw the same columns.
 */
export function tableColumnWidths(block: TableBlock, total: number, measure: MeasureText): number[] {
  const size = tableFontSize(block);
  const role = (header: boolean): FontRole => (header ? 'hei' : 'fangsong');
  const unbreakable = (text: string, header: boolean): number => {
    const units = tokenize(text, { cell: size, size, measure: (t) => measure(role(header), t, size) });
    let widest = 0;
    let piece = 0;
    units.forEach((u, i) => {
      piece = i > 0 && !canBreakBefore(units, i) ? piece + u.width : u.kind === 'space' ? 0 : u.width;
      widest = Math.max(widest, piece);
    });
    return widest;
  };
  return columnWidths(block.columns, block.rows, {
    total,
    pad: 2 * tableMetrics(size).padX + 0.5,
    measure: (t, header) => measure(role(header), t, size),
    unbreakable,
  });
}
