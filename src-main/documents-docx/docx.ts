// Renders a DocModel (documents/model.ts) as an editable DOCX with the structure of the PDF and the
// GB/T 9704-2012 page: A4; top margin 37 mm, left 28 mm, type area 156 × 225 mm on a grid of
// 22 lines × 28 characters; body 仿宋 三号 (16 pt) with a two-character first-line indent; title
// 小标宋 二号 (22 pt); "一、" 黑体, "（一）" 楷体, "1." 仿宋; page numbers "— 1 —" in 四号宋体 7 mm
// below the type area, odd pages right and even pages left; the 版记 (抄送, 印发机关 and date) at the
// foot of the last page with the last lines (footer.ts). For offices that finish documents in WPS or Word.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TextRun,
} from 'docx';
import { composeDocument } from '../documents/compose';
import type { FooterPlacement } from '../documents/footer-text';
import type { ResolvedFonts } from '../documents/fonts';
import type { Block, DocModel } from '../documents/model';
import { measuringBook } from '../documents/pdf';
import type { FontBook } from '../documents/pdf-fonts';
import { isRunningText } from '../documents/structure';
import { titleLines } from '../documents/title-break';
import { footerParagraph } from './footer';
import { oneLineSpacing } from './fit-line';
import { GRID } from '../documents/geometry';
import { docxTable } from './table';
import { fontTableXml, runFont, type DocxFontRole } from './fonts';
import { blank, DOCX_PAGE, exactLine, GridParagraph, INDENT2, lines, ONE_CHAR_14PT, RED, rule, run, SZ, tw, widthInChars } from './runs';

export { DOCX_PAGE, widthInChars } from './runs';

/** The type area in points (225 mm high). */
const TYPE_AREA_PT = { height: (225 * 72) / 25.4 } as const;

const HEADING_ROLE: Record<'heading1' | 'heading2' | 'heading3', DocxFontRole> = { heading1: 'hei', heading2: 'kai', heading3: 'fangsong' };

/** A body paragraph or heading: justified, first line indented two characters; one line where the PDF has one (fit-line.ts). */
function bodyParagraph(book: FontBook, text: string, role: DocxFontRole, indent: boolean, keepNext = false): Paragraph {
  const body = indent ? text.replace(/^[\s\u3000]+/, '') : text;
  const spacing = oneLineSpacing(book, body, role, indent ? 2 * GRID.charPitch : 0);
  return new GridParagraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine,
    indent: indent ? { firstLine: INDENT2 } : undefined,
    keepNext,
    autoSpaceEastAsianText: false, // no extra space between digits and ideographs: the grid decides
    widowControl: true,
    children: lines(body, role, SZ.body, { spacing }),
  });
}

/**
 * A block's paragraphs and tables; `keepNext`: its last lines stay on the page of what follows (the
 * signature, the 版记); `roomPt`: the height (pt) left on the page where a table starts, when known.
 */
function blockContent(block: Block, book: FontBook, keepNext = false, roomPt = 0): (Paragraph | Table)[] {
  switch (block.type) {
    case 'paragraph':
      return [bodyParagraph(book, block.text, 'fangsong', block.indent !== false, keepNext)];
    case 'heading1':
    case 'heading2':
    case 'heading3':
      // as in the PDF: a short line of its own is a heading (kept with what follows), running text is body text
      if (isRunningText(block.text) || widthInChars(block.text) > 26) return [bodyParagraph(book, block.text, 'fangsong', true, keepNext)];
      return [bodyParagraph(book, block.text, HEADING_ROLE[block.type], true, true)];
    case 'table':
      return docxTable(block, book, roomPt, keepNext);
    case 'spacer':
      return blank(Math.max(0, block.lines), keepNext);
    case 'pageBreak':
      return [new GridParagraph({ spacing: exactLine, children: [new PageBreak()] })];
  }
}

/**
 * 版头: the issuer in red 小标宋 centred, its top 35 mm below the top of the type area, characters at
 * most 15 mm wide and 22 mm high (narrowed by character scaling when the name is long); the 发文字号
 * two lines below, centred, with the red rule 4 mm under it across the type area; two blank lines.
 */
function redHeader(h: NonNullable<DocModel['redHeader']>): Paragraph[] {
  const chars = Math.max(1, widthInChars(h.issuer));
  const charWidth = Math.min(15, 156 / chars);
  const sizeMm = Math.min(22, charWidth * 1.3);
  const size = Math.round(((sizeMm * 72) / 25.4) * 2);
  const scale = Math.round((charWidth / sizeMm) * 100);
  const ruleBorder = { bottom: { ...rule(16, RED), space: 11 } };
  const mark = new GridParagraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: tw(35), after: 0, line: 240, lineRule: LineRuleType.AUTO },
    border: h.docNumber ? undefined : ruleBorder,
    children: [run(h.issuer, 'xiaobiaosong', size, { color: RED, scale })],
  });
  if (!h.docNumber) return [mark, ...blank(2)];
  const number = new GridParagraph({ alignment: AlignmentType.CENTER, spacing: exactLine, border: ruleBorder, children: [run(h.docNumber, 'fangsong', SZ.body)] });
  return [mark, ...blank(2), number, ...blank(2)];
}

/** The title's lines as the PDF breaks them (between words, trapezoid or diamond), joined by "\n". */
function titleBreaks(text: string, advancePt: number): string {
  const width = (156 * 72) / 25.4;
  return text
    .split('\n')
    .map((part) => (titleLines(part, width, (t) => widthInChars(t) * advancePt, advancePt) ?? [part]).join('\n'))
    .join('\n');
}

/**
 * 发文机关署名 and 成文日期 (no seal): one blank line below the body, the issuer two characters in from
 * the right, the date on the next line starting two characters right of the issuer's first character
 * (a long date stays two characters from the right and pushes the issuer left), as in the PDF. The
 * blank line, the issuer and the date keep together and with what follows, never alone on a page.
 */
function signature(sig: NonNullable<DocModel['signature']>, keepLast: boolean): Paragraph[] {
  const limit = 28 - 2;
  const issuerX = Math.max(0, Math.min(limit - widthInChars(sig.issuer), limit - widthInChars(sig.date) - 2));
  const at = (chars: number, text: string, keepNext: boolean) =>
    new GridParagraph({ spacing: exactLine, indent: { left: Math.round(chars * DOCX_PAGE.charPitch) }, keepNext, children: [run(text, 'fangsong', SZ.body)] });
  return [...blank(1, true), at(issuerX, sig.issuer, true), at(issuerX + 2, sig.date, keepLast)];
}

/** "— 1 —" in 四号宋体: odd pages right-aligned one character in, even pages left-aligned one character in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const numberRuns = [run('— ', 'song', SZ.small), new TextRun({ children: [PageNumber.CURRENT], font: runFont('song'), size: SZ.small }), run(' —', 'song', SZ.small)];
  return new Footer({
    children: [
      new GridParagraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: ONE_CHAR_14PT } : { left: ONE_CHAR_14PT },
        spacing: { line: SZ.small * 10, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: numberRuns,
      }),
    ],
  });
}

/** "草稿" in 三号黑体 at the top right of every page of a draft. */
function draftHeader(): Header {
  return new Header({ children: [new GridParagraph({ alignment: AlignmentType.RIGHT, children: [run('草稿', 'hei', SZ.body)] })] });
}

export interface RenderDocxOptions {
  /** Include the red header (版头) when the model has one; default true (as renderPdf). */
  redHeader?: boolean;
  /** Fonts that measure the text as the PDF does; default resolveFonts(). */
  fonts?: ResolvedFonts;
}

/**
 * The document's body in reading order: header, title, subtitle, addressee, blocks, signature and the
 * 版记 where `placement` puts it: under the last lines (they keep with it) or on the next page (a page
 * break before it); after a blank page it is a section of its own (renderDocx).
 */
function docxChildren(model: DocModel, opts: RenderDocxOptions, book: FontBook, placement: FooterPlacement | null): (Paragraph | Table)[] {
  const footerHere = placement?.newPages === 0;
  const out: (Paragraph | Table)[] = [];
  if (model.redHeader && opts.redHeader !== false) out.push(...redHeader(model.redHeader));
  // grid lines taken by the title's and subtitle's lines beyond their first
  let extraLines = 0;
  if (model.title.trim()) {
    const broken = titleBreaks(model.title, SZ.title / 2);
    extraLines += broken.split('\n').length - 1;
    out.push(new GridParagraph({ alignment: AlignmentType.CENTER, spacing: exactLine, children: lines(broken, 'xiaobiaosong', SZ.title) }, { snapToGrid: false }));
  }
  if (model.subtitle) {
    const broken = titleBreaks(model.subtitle, DOCX_PAGE.charPitch / 20);
    extraLines += broken.split('\n').length - 1;
    out.push(new GridParagraph({ alignment: AlignmentType.CENTER, spacing: exactLine, children: lines(broken, 'kai', SZ.body) }));
  }
  if ((model.title.trim() || model.subtitle) && !model.form) out.push(...blank()); // 标题下空一行, not on a form
  if (model.addressee) out.push(bodyParagraph(book, model.addressee, 'fangsong', false));
  // what the first page has left under the title (a form's table fits its rows to it); a page of its own after a page break
  const firstRoom = TYPE_AREA_PT.height - (model.redHeader && opts.redHeader !== false ? TYPE_AREA_PT.height : (out.length + extraLines) * (DOCX_PAGE.linePitch / 20));
  // the last lines go along with the signature (and a 版记 under them) to a new page rather than leave them alone
  const last = model.signature || footerHere ? model.blocks.length - 1 : -1;
  model.blocks.forEach((block, i) => {
    const room = i === 0 ? firstRoom : model.blocks[i - 1]!.type === 'pageBreak' ? TYPE_AREA_PT.height : 0;
    out.push(...blockContent(block, book, i === last, room));
  });
  if (model.signature) out.push(...signature(model.signature, footerHere));
  if (model.footer && placement && placement.newPages < 2) out.push(footerParagraph(model.footer, placement.newPages === 1));
  return out;
}

/** The page numbers of a section: odd pages right, even pages left; none on a blank page and the 版记 page after it. */
function sectionFooters(numbered: boolean) {
  if (numbered) return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  const none = () => new Footer({ children: [new GridParagraph({ spacing: exactLine, children: [] })] });
  return { default: none(), even: none() };
}

/** Renders the document to DOCX bytes. */
export async function renderDocx(model: DocModel, opts: RenderDocxOptions = {}): Promise<Buffer> {
  // the 版记 where the PDF puts it (footer-text.ts footerPlacement): under the last lines, on the next
  // page, or after a blank page: then in a section of its own without page numbers that starts on an
  // even page (Word, WPS and LibreOffice insert the blank page before it, without header or footer).
  // Only there: LibreOffice 7.4 sets a later section's page-number footer 4.5 mm too low, and its 版记 with it.
  const book = measuringBook(opts.fonts);
  const placement = model.footer ? composeDocument(model, book, { redHeader: opts.redHeader }).footer : null;
  const apart = placement?.newPages === 2;
  const page = {
    size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height },
    margin: { top: DOCX_PAGE.top, bottom: DOCX_PAGE.bottom, left: DOCX_PAGE.left, right: DOCX_PAGE.right, header: tw(15), footer: DOCX_PAGE.footer, gutter: 0 },
  };
  const grid = { type: DocumentGridType.LINES, linePitch: DOCX_PAGE.linePitch };
  const headers = model.draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {};
  const footerSection =
    apart && model.footer
      ? [{ properties: { page, grid, type: SectionType.EVEN_PAGE }, footers: sectionFooters(false), ...headers, children: [footerParagraph(model.footer)] }]
      : [];
  const doc = new Document({
    title: model.fileTitle,
    subject: model.kind,
    creator: '议事',
    description: `${model.kind}：${model.fileTitle}（GB/T 9704-2012 版式）`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFont('fangsong'), size: SZ.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactLine },
        },
      },
    },
    sections: [{ properties: { page, grid }, footers: sectionFooters(true), ...headers, children: docxChildren(model, opts, book, placement) }, ...footerSection],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
