// 版记 (GB/T 9704-2012 7.4) of the DOCX: "抄送：…。" and 印发机关 / "…印发" in 四号仿宋, one character in
// from both edges, between a thick rule above and below (0.35 mm) with a thin one (0.25 mm) between,
// on the last lines of the type area of the last page, an even page (documents/footer-text.ts
// footerPlacement, as the PDF decides it): under the document's last lines, on the page after an odd
// last page (a page break before it), or after a blank page (a section of its own, renderDocx).
//
// How it gets there in Word, WPS and LibreOffice alike, whatever their pagination: the document ends
// with an empty paragraph exactly as tall as the 版记 (its rows of the 22-line grid). Under the last
// lines it stays on their page (they keep with it: w:keepNext, the last paragraph splitting under
// widow control) or, when an office suite's pagination leaves no room, goes to a new page taking them along. The 版记 itself is a ruled table in a text box anchored in that
// paragraph (DrawingML wp:anchor, ECMA-376 Part 1 20.4.2.3) and placed relative to the page's
// margins at their bottom (wp:positionV relativeFrom="margin", wp:align bottom), wrapping nothing
// (wp:wrapNone): a floating object sits on the page of its anchor, so the box is at the foot of the
// page the reserved paragraph is on. LibreOffice 7.4 ignores floating tables (w:tblpPr) and framed
// paragraphs (w:framePr) but places anchored text boxes.
import { AlignmentType, HeightRule, ImportedXmlComponent, Paragraph, Run, Table, TableCell, TableLayoutType, TableRow, WidthType, type XmlComponent } from 'docx';
import { footerTexts, listLines } from '../documents/footer-text';
import type { DocModel } from '../documents/model';
import { DOCX_PAGE, exactLine, GridParagraph, NONE, ONE_CHAR_14PT, rule, run, SZ, widthInChars } from './runs';

/** EMU (DrawingML's unit) per twip. */
const EMU_PER_TW = 635;
const LABEL = '抄送：';

/** The 版记's cc lines as the PDF breaks them: each organ whole on a line, continuation lines after "抄送：". */
function ccLines(cc: string): string[] {
  const width = DOCX_PAGE.area / 20 - 2 * 14 - widthInChars(LABEL) * 14; // points, as the PDF's frame.ts
  const fits = (l: string) => widthInChars(l) * 14 <= width;
  return listLines(cc, fits).flatMap((line) => {
    if (fits(line)) return [line];
    const out = [''];
    for (const ch of line) {
      if (!fits(out.at(-1)! + ch)) out.push('');
      out[out.length - 1] += ch;
    }
    return out;
  });
}

/** Grid lines the 版记 takes: its cc lines and the 印发 line. */
export function footerLines(footer: NonNullable<DocModel['footer']>): number {
  const { cc } = footerTexts(footer);
  return (cc ? ccLines(cc).length : 0) + 1;
}

function footerTable(footer: NonNullable<DocModel['footer']>): Table {
  const texts = footerTexts(footer);
  const labelTw = widthInChars(LABEL) * ONE_CHAR_14PT;
  const half = Math.round(DOCX_PAGE.area / 2);
  const para = (text: string, align: 'left' | 'right', hanging = 0) =>
    new GridParagraph(
      {
        alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
        spacing: exactLine,
        indent: align === 'left' ? { left: ONE_CHAR_14PT + hanging, hanging: hanging || undefined } : { right: ONE_CHAR_14PT },
        children: text.split('\n').map((l, i) => run(l, 'fangsong', SZ.small, { break: i > 0 ? 1 : undefined })),
      },
      { snapToGrid: false },
    );
  const height = (n: number) => ({ value: n * DOCX_PAGE.linePitch, rule: HeightRule.EXACT });
  const rows: TableRow[] = [];
  if (texts.cc) {
    const cc = ccLines(texts.cc);
    rows.push(
      new TableRow({
        height: height(cc.length),
        cantSplit: true,
        children: [new TableCell({ columnSpan: 2, children: [para(`${LABEL}${cc.join('\n')}`, 'left', labelTw)] })],
      }),
    );
  }
  rows.push(
    new TableRow({
      height: height(1),
      cantSplit: true,
      children: [
        new TableCell({ width: { size: half, type: WidthType.DXA }, children: [para(texts.printedBy, 'left')] }),
        new TableCell({ width: { size: DOCX_PAGE.area - half, type: WidthType.DXA }, children: [para(texts.printedDate, 'right')] }),
      ],
    }),
  );
  return new Table({
    width: { size: DOCX_PAGE.area, type: WidthType.DXA },
    columnWidths: [half, DOCX_PAGE.area - half],
    layout: TableLayoutType.FIXED,
    borders: { top: rule(8), bottom: rule(8), insideHorizontal: rule(6), left: NONE, right: NONE, insideVertical: NONE },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows,
  });
}

/** An element written as given: name, attributes, children. */
function el(name: string, attrs?: Record<string, string | number>, ...children: (XmlComponent | string)[]): ImportedXmlComponent {
  const e = new ImportedXmlComponent(name, attrs);
  for (const c of children) e.push(c);
  return e;
}

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const WPS = 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape';

/** A run holding a drawing. */
class DrawingRun extends Run {
  constructor(drawing: XmlComponent) {
    super({});
    this.root.push(drawing);
  }
}

/**
 * The text box with the 版记: as wide as the type area and as tall as the 版记's grid lines, its
 * bottom on the bottom margin; no insets, text from the top, fixed size (a:noAutofit). The empty
 * paragraph after the table (Word ends every story with one) is 1 pt high and falls outside the box.
 */
function footerBox(footer: NonNullable<DocModel['footer']>, rows: number): XmlComponent {
  const cx = DOCX_PAGE.area * EMU_PER_TW;
  const cy = rows * DOCX_PAGE.linePitch * EMU_PER_TW;
  const end = new GridParagraph({ spacing: { line: 20, lineRule: exactLine.lineRule, before: 0, after: 0 }, children: [run('', 'fangsong', 2)] }, { snapToGrid: false });
  const shape = el(
    'wps:wsp',
    undefined,
    el('wps:cNvSpPr', { txBox: 1 }),
    el(
      'wps:spPr',
      undefined,
      el('a:xfrm', undefined, el('a:off', { x: 0, y: 0 }), el('a:ext', { cx, cy })),
      el('a:prstGeom', { prst: 'rect' }, el('a:avLst')),
      el('a:noFill'),
      el('a:ln', undefined, el('a:noFill')),
    ),
    el('wps:txbx', undefined, el('w:txbxContent', undefined, footerTable(footer), end)),
    el('wps:bodyPr', { rot: 0, vert: 'horz', wrap: 'square', lIns: 0, tIns: 0, rIns: 0, bIns: 0, anchor: 't', anchorCtr: 0 }, el('a:noAutofit')),
  );
  return el(
    'w:drawing',
    undefined,
    el(
      'wp:anchor',
      { distT: 0, distB: 0, distL: 0, distR: 0, simplePos: 0, relativeHeight: 251659264, behindDoc: 0, locked: 0, layoutInCell: 1, allowOverlap: 1 },
      el('wp:simplePos', { x: 0, y: 0 }),
      el('wp:positionH', { relativeFrom: 'margin' }, el('wp:align', undefined, 'left')),
      el('wp:positionV', { relativeFrom: 'margin' }, el('wp:align', undefined, 'bottom')),
      el('wp:extent', { cx, cy }),
      el('wp:effectExtent', { l: 0, t: 0, r: 0, b: 0 }),
      el('wp:wrapNone'),
      el('wp:docPr', { id: 9704, name: '版记' }),
      el('wp:cNvGraphicFramePr'),
      el('a:graphic', { 'xmlns:a': A }, el('a:graphicData', { uri: WPS }, shape)),
    ),
  );
}

/**
 * The document's last paragraph: empty, exactly as tall as the 版记's grid lines, holding the 版记
 * box at the foot of its page. What comes before it must keep with it (see the file's head), unless
 * it starts a page of its own (`newPage`: the page after an odd last page, documents/footer-text.ts).
 */
export function footerParagraph(footer: NonNullable<DocModel['footer']>, newPage = false): Paragraph {
  const rows = footerLines(footer);
  return new GridParagraph(
    { spacing: { ...exactLine, line: rows * DOCX_PAGE.linePitch }, pageBreakBefore: newPage || undefined, children: [new DrawingRun(footerBox(footer, rows))] },
    { snapToGrid: false },
  );
}
