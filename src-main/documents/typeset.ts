// The display list the layout produces (text runs and rules per page) and the step that turns a
// broken, placed line into text runs: every wide character is centred in its grid cell, runs of
// characters with the same font and the same spacing become one text operation.
import type { FontRole } from './fonts';
import { GRID, SIZE } from './geometry';
import { wrapBalanced, wrapText, type BrokenLine, type LineAlign, type PlacedUnit, placeLine, type TokenizeOptions } from './linebreak';
import type { Face, FontBook } from './pdf-fonts';

export interface TextOp {
  type: 'text';
  face: Face;
  role: FontRole;
  size: number;
  x: number;
  /** Baseline, in points from the top of the page. */
  baseline: number;
  text: string;
  /** Extra space after every character (PDF Tc), in points. */
  charSpacing?: number;
  /** Horizontal scaling in percent (PDF Tz). */
  hScale?: number;
  color?: string;
}

export interface LineOp {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color?: string;
}

export type Op = TextOp | LineOp;

export interface PageOps {
  ops: Op[];
}

export interface TextStyle {
  role: FontRole;
  /** Font size in points. */
  size: number;
  /** Width of a wide character's cell: the grid's character pitch, or the font size for natural spacing. */
  cell: number;
  color?: string;
}

/** Body text: 三号 (16 pt) on the grid's character pitch. */
export function bodyStyle(role: FontRole = 'fangsong'): TextStyle {
  return { role, size: SIZE.body, cell: GRID.charPitch };
}

export function tokenizeOptions(book: FontBook, style: TextStyle, maxWidth?: number): TokenizeOptions {
  return { cell: style.cell, size: style.size, measure: (t) => book.measure(style.role, t, style.size), maxWidth };
}

/** Wraps text in a style: first line `first` points wide, the others `rest`. */
export function wrap(book: FontBook, style: TextStyle, text: string, first: number, rest = first): BrokenLine[] {
  // A run wider than a line is cut to the narrower line, where its first piece may land (linebreak.ts wrapText).
  return wrapText(text, tokenizeOptions(book, style, Math.min(first, rest)), first, rest);
}

/** Wraps centred text into balanced lines. */
export function wrapCentred(book: FontBook, style: TextStyle, text: string, width: number): BrokenLine[] {
  return wrapBalanced(text, tokenizeOptions(book, style, width), width);
}

/** The baseline that centres the role font's ascender–descender box on `centre`. */
export function baselineAt(book: FontBook, style: TextStyle, centre: number): number {
  const face = book.primary(style.role);
  return centre + ((face.ascent + face.descent) / 2) * style.size;
}

interface Glyph {
  face: Face;
  ch: string;
  x: number;
  advance: number;
}

/** Text operations for one line placed at x0 (line start) on a baseline. */
export function lineOps(book: FontBook, style: TextStyle, placed: PlacedUnit[], x0: number, baseline: number): TextOp[] {
  const ops: TextOp[] = [];
  const base = { type: 'text' as const, role: style.role, size: style.size, baseline, color: style.color };
  let pending: Glyph[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const first = pending[0]!;
    const step = pending.length > 1 ? pending[1]!.x - first.x : first.advance;
    ops.push({ ...base, face: first.face, x: first.x, text: pending.map((g) => g.ch).join(''), charSpacing: step - first.advance });
    pending = [];
  };
  for (const { unit, x } of placed) {
    if (unit.kind === 'space') continue;
    if (unit.kind === 'narrow') {
      flush();
      let cx = x0 + x;
      for (const seg of book.segments(style.role, unit.text)) {
        ops.push({ ...base, face: seg.face, x: cx, text: seg.text });
        cx += book.width(seg.face, seg.text, style.size);
      }
      continue;
    }
    const chars = Array.from(unit.text);
    const cell = unit.width / chars.length;
    if (unit.text === '——') {
      flush();
      chars.forEach((ch, k) => ops.push(dashOp(book, style, ch, x0 + x + k * cell, cell, baseline)));
      continue;
    }
    chars.forEach((ch, k) => {
      const face = book.faceFor(style.role, ch);
      const advance = book.width(face, ch, style.size);
      const g: Glyph = { face, ch, x: x0 + x + k * cell + (cell - advance) / 2, advance };
      if (ch === '\u3000') {
        flush();
        return;
      }
      const prev = pending.at(-1);
      if (prev) {
        const step = pending.length > 1 ? pending[1]!.x - pending[0]!.x : g.x - prev.x;
        const sameStep = Math.abs(g.x - prev.x - step) < 0.01;
        if (prev.face !== face || Math.abs(prev.advance - advance) > 0.01 || !sameStep) flush();
      }
      pending.push(g);
    });
  }
  flush();
  return ops;
}

/** Centre of the ideographic em box above the baseline, in ems. */
const EM_CENTRE = 0.38;

/**
 * One half of a 破折号 "——": stretched to fill its cell so the two halves join into one line, and
 * raised to the middle of the em box (fonts such as Noto CJK give U+2014 a short, low Western dash).
 */
function dashOp(book: FontBook, style: TextStyle, ch: string, cellX: number, cell: number, baseline: number): TextOp {
  const face = book.faceFor(style.role, ch);
  const ink = face.ink(ch.codePointAt(0)!);
  const advance = book.width(face, ch, style.size);
  const op: TextOp = { type: 'text', face, role: style.role, size: style.size, x: cellX + (cell - advance) / 2, baseline, text: ch, color: style.color };
  if (!ink) return op;
  const inkWidth = (ink.xMax - ink.xMin) * style.size;
  const scale = Math.min(1.6, Math.max(0.8, cell / inkWidth));
  op.hScale = scale * 100;
  op.x = cellX + (cell - inkWidth * scale) / 2 - ink.xMin * style.size * scale;
  const lift = EM_CENTRE - (ink.yMin + ink.yMax) / 2;
  if (Math.abs(lift) > 0.05) op.baseline = baseline - lift * style.size;
  return op;
}

/** Places a broken line within [x, x + width] and returns its text operations. */
export function placeOps(book: FontBook, style: TextStyle, line: BrokenLine, x: number, width: number, align: LineAlign, baseline: number): TextOp[] {
  return lineOps(book, style, placeLine(line, width, align), x, baseline);
}
