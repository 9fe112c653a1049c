// The parts of a GB/T 9704 document around the body: the red header (版头), the signature and date,
// the 版记 at the foot of the last page, and the page numbers.
import type { Composer } from './compose';
import { AREA, FOOTER_RULE, GRID, PAGE_NUMBER, RED_HEADER, rowFrom, rowTop, SIZE } from './geometry';
import { footerPlacement, footerTexts, listLines, type FooterPlacement } from './footer-text';
import type { DocModel } from './model';
import type { FontBook } from './pdf-fonts';
import type { BrokenLine } from './linebreak';
import { baselineAt, bodyStyle, type TextOp, type TextStyle, wrap } from './typeset';

/** An ideographic em box spans 0.88 em above the baseline to 0.12 em below it. */
const EM_TOP = 0.88;
const EM_BOTTOM = 0.12;

/** Text runs for a string in natural spacing starting at x (optionally scaled horizontally). */
function runOps(book: FontBook, style: TextStyle, text: string, x: number, baseline: number, hScale = 1): TextOp[] {
  const ops: TextOp[] = [];
  for (const seg of book.segments(style.role, text)) {
    ops.push({ type: 'text', face: seg.face, role: style.role, size: style.size, x, baseline, text: seg.text, color: style.color, hScale: hScale === 1 ? undefined : hScale * 100 });
    x += book.width(seg.face, seg.text, style.size) * hScale;
  }
  return ops;
}

/** Wraps a list of names ("甲，乙，丙。") keeping each name whole on a line where it fits. */
function wrapList(book: FontBook, style: TextStyle, text: string, width: number): BrokenLine[] {
  return listLines(text, (line) => book.measure(style.role, line, style.size) <= width).flatMap((l) => wrap(book, style, l, width));
}

/**
 * 版头: the issuer mark in red 小标宋, centred, its top edge 35 mm below the top of the type area,
 * characters at most 15 mm wide and 22 mm high (narrowed when the name is long); the document number
 * two blank lines below it, centred; a red rule as wide as the type area 4 mm under the number; the
 * title follows two blank lines below the rule.
 */
export function composeRedHeader(c: Composer, header: NonNullable<DocModel['redHeader']>): void {
  const { book } = c;
  const issuer = header.issuer.replace(/\s+/g, '');
  const probe: TextStyle = { role: 'xiaobiaosong', size: 100, cell: 100 };
  const ems = book.measure('xiaobiaosong', issuer, 100) / 100;
  const charWidth = Math.min(RED_HEADER.maxCharWidth, AREA.width / Math.max(ems, 1));
  const size = Math.min(RED_HEADER.maxCharHeight, charWidth * 1.3);
  const hScale = charWidth / size;
  const style: TextStyle = { ...probe, size, cell: size, color: RED_HEADER.color };
  const baseline = AREA.top + RED_HEADER.markTop + EM_TOP * size;
  c.ops.push(...runOps(book, style, issuer, AREA.left + (AREA.width - ems * charWidth) / 2, baseline, hScale));
  let above = baseline + EM_BOTTOM * size;
  if (header.docNumber) {
    const numStyle = bodyStyle();
    const row = rowFrom(above) + 2;
    const [line] = wrap(book, numStyle, header.docNumber, AREA.width);
    if (line) c.lineInRow(line, numStyle, row, AREA.left, AREA.width, 'center');
    above = baselineAt(book, numStyle, rowTop(row) + GRID.linePitch / 2) + EM_BOTTOM * numStyle.size;
  }
  const ruleY = above + RED_HEADER.ruleGap;
  c.ops.push({ type: 'line', x1: AREA.left, x2: AREA.right, y1: ruleY, y2: ruleY, width: RED_HEADER.ruleWidth, color: RED_HEADER.color });
  c.y = rowTop(rowFrom(ruleY + RED_HEADER.ruleWidth / 2) + 2);
}

/**
 * 发文机关署名 and 成文日期 without a seal (GB/T 9704-2012 7.3.5.2): one blank line below the body,
 * the issuer two characters in from the right edge, the date on the next line starting two
 * characters to the right of the issuer's first character; a date longer than that stays two
 * characters in from the right and the issuer moves left to keep the two-character step.
 */
export function composeSignature(c: Composer, sig: NonNullable<DocModel['signature']>): void {
  const style = bodyStyle();
  const cell = GRID.charPitch;
  // one blank line, the issuer and the date; never alone on a page: take the last two lines along
  if (c.freeRows() < 3) c.carryOver(2);
  if (!c.pageEmpty) c.skipRows(1);
  const [issuer] = wrap(c.book, style, sig.issuer, AREA.width);
  const [date] = wrap(c.book, style, sig.date, AREA.width);
  const issuerWidth = issuer?.width ?? 0;
  const dateWidth = date?.width ?? 0;
  const limit = AREA.right - 2 * cell;
  const issuerX = Math.max(AREA.left, Math.min(limit - issuerWidth, limit - dateWidth - 2 * cell));
  const row = c.reserve(2);
  if (issuer) c.lineInRow(issuer, style, row, issuerX, issuerWidth, 'left');
  if (date) c.lineInRow(date, style, row + 1, issuerX + 2 * cell, dateWidth, 'left');
  c.y = rowTop(row + 2);
}

/**
 * 版记 on the last rows of the last page, in 四号仿宋: "抄送：…" one character in from both edges
 * (continuation lines aligned after the colon, a full stop added when missing), then 印发机关 (one
 * character in from the left) and "印发日期印发" (one character in from the right). Rules as wide as
 * the type area: thick above the first line and on the bottom edge of the type area, thin between.
 * On an even page (footerPlacement): under the last lines where it fits, else after a blank page;
 * after an odd page on the next. Returns where it went.
 */
export function composeFooter(c: Composer, footer: NonNullable<DocModel['footer']>): FooterPlacement {
  const { book } = c;
  const style: TextStyle = { role: 'fangsong', size: SIZE.footer, cell: SIZE.footer };
  const inset = SIZE.footer;
  const inner = AREA.width - 2 * inset;
  const label = '抄送：';
  const labelWidth = book.measure('fangsong', label, SIZE.footer);
  const texts = footerTexts(footer);
  const ccLines = texts.cc ? wrapList(book, style, texts.cc, inner - labelWidth) : [];
  const need = ccLines.length + 1;
  const placement = footerPlacement(c.pages.length, rowFrom(c.y) + need <= GRID.rows);
  for (let i = 0; i < placement.newPages; i++) c.newPage();
  const first = GRID.rows - need;
  const printedRow = GRID.rows - 1;
  const rule = (y: number, width: number): void => {
    c.ops.push({ type: 'line', x1: AREA.left, x2: AREA.right, y1: y, y2: y, width });
  };
  ccLines.forEach((line, i) => {
    if (i === 0) {
      const [l] = wrap(book, style, label, labelWidth + 1);
      if (l) c.lineInRow(l, style, first, AREA.left + inset, labelWidth, 'left');
    }
    c.lineInRow(line, style, first + i, AREA.left + inset + labelWidth, inner - labelWidth, 'justify');
  });
  const [by] = wrap(book, style, texts.printedBy, inner);
  const [date] = wrap(book, style, texts.printedDate, inner);
  if (by) c.lineInRow(by, style, printedRow, AREA.left + inset, inner, 'left');
  if (date) c.lineInRow(date, style, printedRow, AREA.left + inset, inner, 'right');
  rule(rowTop(first), FOOTER_RULE.thick);
  if (ccLines.length) rule(rowTop(printedRow), FOOTER_RULE.thin);
  rule(AREA.bottom, FOOTER_RULE.thick);
  c.y = AREA.bottom;
  return placement;
}

/**
 * "— n —" in 四号宋体, centred 7 mm below the type area; odd pages right-aligned one character in
 * from the right edge of the type area, even pages left-aligned one character in from the left.
 */
export function pageNumberOps(book: FontBook, n: number): TextOp[] {
  const style: TextStyle = { role: 'song', size: SIZE.pageNumber, cell: SIZE.pageNumber };
  const text = `— ${n} —`;
  const width = book.measure('song', text, style.size);
  const x = n % 2 === 1 ? AREA.right - PAGE_NUMBER.inset - width : AREA.left + PAGE_NUMBER.inset;
  return runOps(book, style, text, x, baselineAt(book, style, AREA.bottom + PAGE_NUMBER.below));
}

/** The draft mark: "草稿" in 三号黑体, flush right in the top margin, 10 mm above the type area. */
export function draftMarkOps(book: FontBook): TextOp[] {
  const style: TextStyle = { role: 'hei', size: SIZE.body, cell: SIZE.body };
  const text = '草稿';
  const width = book.measure('hei', text, style.size);
  return runOps(book, style, text, AREA.right - width, AREA.top - DRAFT_MARK_ABOVE, undefined);
}

const DRAFT_MARK_ABOVE = (10 * 72) / 25.4;
