// Page flow on the GB/T 9704 grid: every text line sits on one of the 22 rows of the type area (its
// font's ascender–descender box centred in the row), pages break when rows run out, and the body
// blocks of a DocModel (paragraphs, headings, spacers, page breaks, tables) are laid out in order.
import type { FontRole } from './fonts';
import { AREA, GRID, rowFrom, rowTop, SIZE } from './geometry';
import type { BrokenLine, LineAlign } from './linebreak';
import type { Block, DocModel } from './model';
import type { FontBook } from './pdf-fonts';
import { isRunningText } from './structure';
import { composeTable } from './table';
import { baselineAt, bodyStyle, type Op, type PageOps, placeOps, type TextOp, type TextStyle, wrap, wrapCentred } from './typeset';
import { composeFooter, composeRedHeader, composeSignature, draftMarkOps, pageNumberOps } from './frame';
import type { FooterPlacement } from './footer-text';

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
    const tailOps = tail.flatMap((p) => p.ops);
    const count = tailOps.length;
    const first = tail[0]?.row ?? 0;
    // the lines (blank rows between them allowed) are the last thing drawn on the page, and not all of it
    const movable = tail.length === n && first > 0 && count > 0 && tailOps.every((op, i) => this.ops[this.ops.length - count + i] === op);
    if (!movable) {
      this.newPage();
      return;
    }
    this.ops.splice(this.ops.length - count, count);
    this.newPage();
    const shift = first * GRID.linePitch;
    for (const p of tail) {
      for (const op of p.ops) op.baseline -= shift;
      this.ops.push(...p.ops);
      this.placed.push({ row: p.row - first, ops: p.ops });
    }
    this.y = rowTop(row - first);
  }

  /**
   * Draws lines on consecutive rows, breaking pages as needed. A heading (keepWithNext) stays whole
   * and with the rows that must follow it; a paragraph never leaves its last line alone at the top of
   * a page (a line more goes with it) nor its first line alone at the foot of one.
   */
  rows(lines: BrokenLine[], style: TextStyle, opts: RowsOptions): void {
    const x = opts.x ?? AREA.left;
    const width = opts.width ?? AREA.width;
    const breaks = opts.keepWithNext ? new Set<number>() : this.pageBreaks(lines.length);
    lines.forEach((line, i) => {
      const indent = i === 0 ? (opts.indentFirst ?? 0) : 0;
      if (breaks.has(i)) this.newPage();
      const row = this.reserve(i === 0 && opts.keepWithNext ? lines.length + opts.keepWithNext : 1);
      this.lineInRow(line, style, row, x + indent, width - indent, opts.align);
      this.y = rowTop(row + 1);
    });
  }

  /** Line indexes before which a paragraph of n lines starts a new page (widow and orphan control). */
  private pageBreaks(n: number): Set<number> {
    const out = new Set<number>();
    if (n < 2) return out;
    let free = this.freeRows();
    if (free >= n) return out;
    if (free === 1) free = 0; // its first line alone at the foot: the paragraph starts on the next page
    const chunks = [free];
    for (let left = n - free; left > 0; left -= GRID.rows) chunks.push(Math.min(GRID.rows, left));
    if (chunks.length > 1 && chunks.at(-1) === 1) {
      // the last line would stand alone at the top of a page: the line before it goes along
      const before = chunks.length - 2;
      chunks[before]! -= 1;
      chunks[before + 1]! += 1;
      if (before === 0 && chunks[0]! < 2) {
        chunks[1]! += chunks[0]!;
        chunks[0] = 0;
      }
    }
    let at = 0;
    chunks.forEach((c, k) => {
      at += c;
      if (k < chunks.length - 1 && at < n && (at > 0 || k === 0)) out.add(at);
    });
    if (chunks[0] === 0) out.add(0);
    return out;
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

/** Rows a heading keeps with it on its page: two lines of its text. */
const KEEP_LINES = 2;
/** A signature takes a blank line, the issuer and the date. */
const SIGNATURE_ROWS = 3;

/**
 * Whether a numbered block is a heading: a short line of its own (it fits one line) that is not a
 * sentence of running text (no full stop inside, no clauses ending in one). Otherwise it is body text,
 * set like any paragraph whatever its numbering: a 决定's "一、设立……。" article, a 决议's "（一）……".
 */
export function isHeadingLine(c: Composer, text: string): boolean {
  if (isRunningText(text)) return false;
  return wrap(c.book, bodyStyle(), text.replace(/^[\s\u3000]+/, ''), AREA.width - INDENT, AREA.width).length === 1;
}

/** How many lines a block takes at the top of its run (for a heading's keep-with-next). */
function leadLines(c: Composer, block: Block | undefined): number {
  if (!block) return 0;
  if (block.type === 'paragraph' || block.type === 'heading1' || block.type === 'heading2' || block.type === 'heading3') {
    return wrap(c.book, bodyStyle(), block.text, AREA.width - INDENT, AREA.width).length;
  }
  return block.type === 'table' ? KEEP_LINES : 0;
}

/** `keepAfter`: grid rows that must follow the block on its page (the signature after the last block). */
export function composeBlock(c: Composer, block: Block, next: Block[] = [], keepAfter = 0): void {
  switch (block.type) {
    case 'paragraph':
      c.paragraph(block.text, 'fangsong', block.indent !== false);
      return;
    case 'heading1':
    case 'heading2':
    case 'heading3': {
      if (!isHeadingLine(c, block.text)) {
        c.paragraph(block.text, 'fangsong', true);
        return;
      }
      // keep two lines of the text that follows (through further headings) on the same page
      let keep = 0;
      for (const b of next) {
        const n = leadLines(c, b);
        if (n === 0) break;
        const heading = (b.type === 'heading1' || b.type === 'heading2' || b.type === 'heading3') && isHeadingLine(c, b.text);
        if (heading) {
          keep += n;
          continue;
        }
        // a paragraph of up to three lines moves whole (two at the foot and one at the top would leave a widow)
        keep += n <= KEEP_LINES + 1 ? n : KEEP_LINES;
        break;
      }
      c.paragraph(block.text, HEADING_ROLE[block.type], true, keep);
      return;
    }
    case 'table':
      composeTable(c, block, keepAfter);
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

export interface ComposedDocument {
  pages: PageOps[];
  /** Where the 版记 went (null without one): the DOCX follows it (documents-docx/footer.ts). */
  footer: FooterPlacement | null;
}

/** Lays out a whole document: header, title, addressee, body, signature, 版记 and page numbers. */
export function composeDocument(model: DocModel, book: FontBook, opts: ComposeOptions = {}): ComposedDocument {
  const c = new Composer(book);
  if (model.redHeader && opts.redHeader !== false) composeRedHeader(c, model.redHeader);
  const title = model.title.trim();
  if (title) c.centred(title, { role: 'xiaobiaosong', size: SIZE.title, cell: SIZE.title });
  if (model.subtitle) c.centred(model.subtitle, bodyStyle('kai'));
  if ((title || model.subtitle) && !model.form) c.skipRows(1); // 标题下空一行
  if (model.addressee) c.paragraph(model.addressee, 'fangsong', false);
  // the signature (a blank line, the issuer, the date) never stands alone: a table before it takes its last rows along
  const last = model.blocks.length - 1;
  model.blocks.forEach((block, i) => composeBlock(c, block, model.blocks.slice(i + 1, i + 6), i === last && model.signature ? SIGNATURE_ROWS : 0));
  if (model.signature) composeSignature(c, model.signature);
  // the 版记 on an even page: the last lines' page, the next one, or after a blank page (footer-text.ts)
  const footer = model.footer ? composeFooter(c, model.footer) : null;
  // a blank page and the 版记 page after it carry no page numbers (GB/T 9704-2012 7.5)
  const numbered = footer && !footer.numbered ? c.pages.length - footer.newPages : c.pages.length;
  const blank = footer?.newPages === 2 ? c.pages.length - 2 : -1;
  c.pages.forEach((page, i) => page.ops.push(...(i < numbered ? pageNumberOps(book, i + 1) : []), ...(model.draft && i !== blank ? draftMarkOps(book) : [])));
  return { pages: c.pages, footer };
}
