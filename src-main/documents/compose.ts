// Page flow on the GB/T 9704 grid: every text line sits on one of the 22 rows of the type area (its
// font's ascender–descender box centred in the row), pages break when rows run out, and the body
// blocks of a DocModel (paragraphs, headings, spacers, page breaks, tables) are laid out in order.
import type { FontRole } from './fonts';
import { AREA, GRID, rowFrom, rowTop, SIZE } from './geometry';
import type { BrokenLine, LineAlign } from './linebreak';
import type { Block, DocModel } from './model';
import type { FontBook } from './pdf-fonts';
import { composeTable } from './table';
import { baselineAt, bodyStyle, type Op, type PageOps, placeOps, type TextOp, type TextStyle, wrap, wrapCentred } from './typeset';
import { composeFooter, composeRedHeader, composeSignature, draftMarkOps, pageNumberOps } from './frame';

const INDENT = 2 * GRID.charPitch;

export interface RowsOptions {
  align: LineAlign;
  /** Extra indent of the first line, in points. */
  indentFirst?: number;
  /** Rows that must follow the first line on the same page (keeps a heading with its text). */
  keepWithNext?: number;
  x?: number;
  width?: number;
}

export class Composer {
  readonly pages: PageOps[] = [];
  /** Where the next element goes, in points from the top of the current page. */
  y = AREA.top;
  /** Text lines placed on the current page, in order: their row and operations. */
  private placed: { row: number; ops: TextOp[] }[] = [];

  constructor(readonly book: FontBook) {
    this.newPage();
  }

  get ops(): Op[] {
    return this.pages.at(-1)!.ops;
  }

  newPage(): void {
    this.pages.push({ ops: [] });
    this.y = AREA.top;
    this.placed = [];
  }

  /** Nothing placed on the current page yet. */
  get pageEmpty(): boolean {
    return this.ops.length === 0 && this.y <= AREA.top + 0.01;
  }

  /** The first row of `need` consecutive free rows, on a new page when this one has too few. */
  reserve(need: number): number {
    let row = rowFrom(this.y);
    if (row + Math.min(need, GRID.rows) > GRID.rows) {
      this.newPage();
      row = 0;
    }
    return row;
  }

  /** Rows still free on this page. */
  freeRows(): number {
    return Math.max(0, GRID.rows - rowFrom(this.y));
  }

  /** Moves down n blank rows (never onto the next page: blank lines at a page top are dropped). */
  skipRows(n: number): void {
    const row = rowFrom(this.y);
    if (row >= GRID.rows || !(n > 0)) return;
    this.y = rowTop(Math.min(row + Math.ceil(n), GRID.rows));
  }

  pageBreak(): void {
    if (!this.pageEmpty) this.newPage();
  }

  /** Draws one line in grid row `row`. */
  lineInRow(line: BrokenLine, style: TextStyle, row: number, x: number, width: number, align: LineAlign): void {
    const baseline = baselineAt(this.book, style, rowTop(row) + GRID.linePitch / 2);
    const ops = placeOps(this.book, style, line, x, width, align, baseline);
    this.ops.push(...ops);
    this.placed.push({ row, ops });
  }

  /**
   * Starts a new page taking the last n text lines of this one along, so that what follows (the
   * signature) does not stand alone on it. Without n such lines right above the cursor (after a
   * table, say) it just starts a new page.
   */
  carryOver(n: number): void {
    const row = rowFrom(this.y);
    const tail = this.placed.slice(-n);
    const movable =
      row - n > 0 &&
      tail.length === n &&
      tail.every((p, i) => p.row === row - n + i) &&
      this.ops.at(-1) === tail.at(-1)!.ops.at(-1);
    if (!movable) {
      this.newPage();
      return;
    }
    const count = tail.reduce((a, p) => a + p.ops.length, 0);
    this.ops.splice(this.ops.length - count, count);
    this.newPage();
    const shift = (row - n) * GRID.linePitch;
    tail.forEach((p, i) => {
      for (const op of p.ops) op.baseline -= shift;
      this.ops.push(...p.ops);
      this.placed.push({ row: i, ops: p.ops });
    });
    this.y = rowTop(n);
  }

  /** Draws lines on consecutive rows, breaking pages as needed. */
  rows(lines: BrokenLine[], style: TextStyle, opts: RowsOptions): void {
    const x = opts.x ?? AREA.left;
    const width = opts.width ?? AREA.width;
    lines.forEach((line, i) => {
      const indent = i === 0 ? (opts.indentFirst ?? 0) : 0;
      // a heading (keepWithNext) stays whole and with the next line; other lines go where they fit
      const row = this.reserve(i === 0 && opts.keepWithNext ? lines.length + opts.keepWithNext : 1);
      this.lineInRow(line, style, row, x + indent, width - indent, opts.align);
      this.y = rowTop(row + 1);
    });
  }

  /** A paragraph-like block: first line indented two characters, justified. */
  paragraph(text: string, role: FontRole, indent: boolean, keepWithNext = 0): void {
    const style = bodyStyle(role);
    const first = indent ? INDENT : 0;
    const body = indent ? text.replace(/^[\s\u3000]+/, '') : text;
    const lines = wrap(this.book, style, body, AREA.width - first, AREA.width);
    this.rows(lines, style, { align: 'justify', indentFirst: first, keepWithNext });
  }

  /** Centred lines (title, subtitle), balanced when they wrap. */
  centred(text: string, style: TextStyle): void {
    this.rows(wrapCentred(this.book, style, text, AREA.width), style, { align: 'center' });
  }
}

const HEADING_ROLE: Record<'heading1' | 'heading2' | 'heading3', FontRole> = {
  heading1: 'hei',
  heading2: 'kai',
  heading3: 'fangsong',
};

export function composeBlock(c: Composer, block: Block): void {
  switch (block.type) {
    case 'paragraph':
      c.paragraph(block.text, 'fangsong', block.indent !== false);
      return;
    case 'heading1':
    case 'heading2':
    case 'heading3':
      c.paragraph(block.text, HEADING_ROLE[block.type], true, 1);
      return;
    case 'table':
      composeTable(c, block);
      return;
    case 'spacer':
      c.skipRows(block.lines);
      return;
    case 'pageBreak':
      c.pageBreak();
      return;
  }
}

export interface ComposeOptions {
  /** Draw the red header when the model has one (default true). */
  redHeader?: boolean;
}

/** Lays out a whole document: header, title, addressee, body, signature, 版记 and page numbers. */
export function composeDocument(model: DocModel, book: FontBook, opts: ComposeOptions = {}): PageOps[] {
  const c = new Composer(book);
  if (model.redHeader && opts.redHeader !== false) composeRedHeader(c, model.redHeader);
  const title = model.title.trim();
  if (title) c.centred(title, { role: 'xiaobiaosong', size: SIZE.title, cell: SIZE.title });
  if (model.subtitle) c.centred(model.subtitle, bodyStyle('kai'));
  if (title || model.subtitle) c.skipRows(1); // 标题下空一行
  if (model.addressee) c.paragraph(model.addressee, 'fangsong', false);
  for (const block of model.blocks) composeBlock(c, block);
  if (model.signature) composeSignature(c, model.signature);
  if (model.footer) composeFooter(c, model.footer);
  c.pages.forEach((page, i) => page.ops.push(...pageNumberOps(book, i + 1), ...(model.draft ? draftMarkOps(book) : [])));
  return c.pages;
}
