// The pieces every part of the DOCX is made of: the GB/T 9704 page in twips, font sizes, runs on the
// 28-character line, paragraphs on the 22-line grid (their properties written in the schema's order,
// with w:snapToGrid where the docx package has no option for it) and rules.
import { BorderStyle, LineRuleType, Paragraph, TextRun, type IBorderOptions, type IContext, type IParagraphOptions, type IXmlableObject } from 'docx';
import { runFont, type DocxFontRole } from './fonts';

/** Twips (1/20 pt) per millimetre. */
const TW_PER_MM = 1440 / 25.4;
export const tw = (mm: number): number => Math.round(mm * TW_PER_MM);

/** Page geometry in twips. Right margin 210 − 28 − 156 = 26 mm; bottom 297 − 37 − 225 = 35 mm. */
export const DOCX_PAGE = {
  width: tw(210),
  height: tw(297),
  top: tw(37),
  left: tw(28),
  right: tw(26),
  bottom: tw(35),
  /** The type area's width, 156 mm. */
  area: tw(210) - tw(28) - tw(26),
  /** 225 mm / 22 lines, rounded down so that Word fits exactly 22 lines into the type area. */
  linePitch: Math.floor((225 * TW_PER_MM) / 22),
  /**
   * The character grid without a character grid: Word, WPS and LibreOffice each read w:charSpace
   * differently (LibreOffice 7.4 set about 20 characters a line), so the grid is of lines only and
   * every 三号 run carries a small negative character spacing (w:spacing, in twentieths of a point)
   * that makes a character advance 15.75 pt: 28 fit the 156 mm (442.2 pt) line, 29 do not.
   */
  charSpacing: Math.floor(((156 * 72) / 25.4 / 28 - 16) * 20),
  /** The advance of one 三号 character on that grid, in twips: 16 pt + charSpacing. */
  charPitch: 16 * 20 + Math.floor(((156 * 72) / 25.4 / 28 - 16) * 20),
  /**
   * The page number's 一字线 7 mm below the type area (GB/T 9704 7.5.2): the middle of its 14 pt line
   * ends the footer's distance from the page's bottom edge, so the footer is 28 mm less half a line.
   */
  footer: tw(35 - 7) - 7 * 20,
} as const;

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SZ = { title: 44, body: 32, small: 28, table: 24 } as const;
export const RED = 'E60012';
export const INDENT2 = Math.round(2 * DOCX_PAGE.charPitch);
/** One 四号 character, in twips. */
export const ONE_CHAR_14PT = 14 * 20;

/** One grid line: exact line spacing of the grid's pitch, nothing before or after. */
export const exactLine = { line: DOCX_PAGE.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** `spacing`: a 三号 run's character spacing other than the grid's (fit-line.ts). */
export function run(text: string, role: DocxFontRole, size: number, more: { color?: string; scale?: number; break?: number; spacing?: number } = {}): TextRun {
  const { spacing, ...rest } = more;
  // 三号 text sits on the 28-character grid (see DOCX_PAGE.charSpacing)
  const grid = size === SZ.body && !more.scale ? { characterSpacing: spacing ?? DOCX_PAGE.charSpacing } : {};
  return new TextRun({ text, font: runFont(role), size, sizeComplexScript: size, language: { eastAsia: 'zh-CN' }, ...grid, ...rest });
}

/** Lines of a text ("\n" = line break) as runs of one paragraph. */
export function lines(text: string, role: DocxFontRole, size: number, more: { color?: string; spacing?: number } = {}): TextRun[] {
  return text.split('\n').map((l, i) => run(l, role, size, { ...more, break: i > 0 ? 1 : undefined }));
}

/** Blank grid lines; `keepNext` keeps them on the page of what follows. */
export function blank(count = 1, keepNext = false): Paragraph[] {
  return Array.from({ length: count }, () => new GridParagraph({ spacing: exactLine, keepNext: keepNext || undefined, children: [run('', 'fangsong', SZ.body)] }));
}

export const rule = (size: number, color = '000000'): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color, space: 0 });
export const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** Width of a text on the character grid: full-width characters count 1, others ½. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.5;
  return w;
}

/** CT_PPrBase's elements in the order of the schema (ECMA-376 Part 1, 17.3.1.26), then CT_PPr's. */
const PPR_ORDER = [
  'w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl', 'w:numPr',
  'w:suppressLineNumbers', 'w:pBdr', 'w:shd', 'w:tabs', 'w:suppressAutoHyphens', 'w:kinsoku', 'w:wordWrap',
  'w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN', 'w:bidi', 'w:adjustRightInd',
  'w:snapToGrid', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc',
  'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle', 'w:rPr',
  'w:sectPr', 'w:pPrChange',
];
const rank = (el: unknown): number => {
  const i = PPR_ORDER.indexOf(Object.keys(el as object)[0] ?? '');
  return i < 0 ? PPR_ORDER.length : i;
};

/**
 * w:overflowPunct, written on every paragraph: "true", which is the value Word and WPS take when it is
 * absent (ECMA-376 Part 1, 17.3.1.21), so they set the text as they would anyway. LibreOffice 7.4
 * reads it inverted (writerfilter maps overflowPunct to ParaIsHangingPunctuation as `value == 0`) and
 * otherwise hangs closing punctuation up to a character past the type area: "true" turns that off,
 * so LibreOffice pulls a character down to the next line as the PDF does. w:autoSpaceDE/DN (the extra
 * space Word puts between ideographs and Latin letters or digits) are turned off to match the PDF;
 * LibreOffice 7.4 ignores them on import (see the DOCX section of src-main/documents/README.md).
 */
const PUNCTUATION_INSIDE = true;

export interface GridOptions {
  /**
   * false: the paragraph's lines keep their exact spacing instead of snapping to the line grid
   * (w:snapToGrid). LibreOffice otherwise gives a line whose font is taller than the pitch (a 22 pt
   * title in a CJK face) two grid lines; Word never snaps lines of exact spacing.
   */
  snapToGrid?: false;
}

/**
 * A paragraph whose properties are written in the order of the schema (the docx package puts
 * w:autoSpaceDN after w:jc, which the Open XML validator rejects) and may turn grid snapping off.
 */
export class GridParagraph extends Paragraph {
  constructor(
    options: IParagraphOptions,
    private readonly grid: GridOptions = {},
  ) {
    super(options);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const out = super.prepForXml(context);
    const children = out?.['w:p'];
    if (!Array.isArray(children)) return out;
    let props = children.find((c) => Object.keys(c as object)[0] === 'w:pPr') as { 'w:pPr': unknown[] } | undefined;
    if (!props) {
      props = { 'w:pPr': [] };
      children.unshift(props);
    }
    if (!Array.isArray(props['w:pPr'])) props['w:pPr'] = [];
    const list = props['w:pPr'];
    if (this.grid.snapToGrid === false) list.push({ 'w:snapToGrid': { _attr: { 'w:val': false } } });
    // punctuation inside the type area, as in the PDF (see PUNCTUATION_INSIDE); no extra space between ideographs and Latin or digits
    list.push({ 'w:overflowPunct': { _attr: { 'w:val': PUNCTUATION_INSIDE } } });
    const has = (name: string) => list.some((el) => Object.keys(el as object)[0] === name);
    if (!has('w:autoSpaceDE')) list.push({ 'w:autoSpaceDE': { _attr: { 'w:val': false } } });
    if (!has('w:autoSpaceDN')) list.push({ 'w:autoSpaceDN': { _attr: { 'w:val': false } } });
    // attributes (an _attr entry) first, then the elements in schema order; sort is stable
    list.sort((a, b) => (Object.keys(a as object)[0] === '_attr' ? -1 : Object.keys(b as object)[0] === '_attr' ? 1 : rank(a) - rank(b)));
    return out;
  }
}
