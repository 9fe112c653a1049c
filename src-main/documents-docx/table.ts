// Tables of the DOCX as the PDF draws them (documents/table.ts): the PDF's column widths, cell padding
// and line height (exact spacing, off the line grid, so a row is as tall as the PDF's), the header row
// (黑体) repeated on every page, rows never split, and a form's table (fitPage) with the PDF's tighter
// rows when its normal rows would not fit the rest of the sheet. A 1-pt paragraph closes the table
// (a DOCX needs one after a table); the text after it goes on at the next grid line, as in the PDF.
import { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Block, CellAlign } from '../documents/model';
import type { FontBook } from '../documents/pdf-fonts';
import { tableColumnWidths, tableFontSize, tableMetrics } from '../documents/table-widths';
import { wrap } from '../documents/typeset';
import { DOCX_PAGE, GridParagraph, lines, rule, run } from './runs';

type TableBlock = Extract<Block, { type: 'table' }>;

const ALIGN: Record<CellAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.JUSTIFIED,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/** The rules: 0.75 pt (in eighths of a point, and in twips). */
const BORDER_EIGHTHS = 6;
const BORDER_TW = (BORDER_EIGHTHS / 8) * 20;

/** The type area's width in points. */
const AREA_PT = DOCX_PAGE.area / 20;

/**
 * The table's paragraphs and table, measured by `book` as the PDF measures it; `roomPt`: the height left on the page where it starts (a form's
 * table takes the tighter rows only when its normal ones would not fit there and the tighter ones do);
 * `keepNext`: its last two rows keep with what follows (the signature).
 */
export function docxTable(block: TableBlock, book: FontBook, roomPt: number, keepNext = false): (Paragraph | Table)[] {
  const sizePt = tableFontSize(block);
  const size = Math.round(sizePt * 2);
  // the PDF's column widths (table-widths.ts, measured by the same fonts), in twips adding up to the type area
  const edges = tableColumnWidths(block, DOCX_PAGE.area / 20, (role, t, s) => book.measure(role, t, s)).reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w], [0]);
  const widths = edges.slice(1).map((e, i) => Math.round(e * 20) - Math.round(edges[i]! * 20));
  const header = block.columns.map((c) => c.header);
  // lines of a cell as the PDF wraps them
  const textLines = (text: string, widthPt: number, head = false): number => wrap(book, { role: head ? 'hei' : 'fangsong', size: sizePt, cell: sizePt }, text, Math.max(widthPt, sizePt)).length;
  const height = (m: ReturnType<typeof tableMetrics>): number =>
    (block.caption ?? []).reduce((a, t) => a + textLines(t, AREA_PT), 0) * m.lineHeight +
    [header, ...block.rows].reduce((a, r, k) => a + Math.max(1, ...widths.map((w, i) => textLines(r[i] ?? '', w / 20 - 2 * m.padX, k === 0))) * m.lineHeight + 2 * m.padY, 0);
  const normal = tableMetrics(sizePt);
  const tight = block.fitPage === true && height(normal) > roomPt && height(tableMetrics(sizePt, true)) <= roomPt;
  const m = tableMetrics(sizePt, tight);
  const spacing = { line: Math.round(m.lineHeight * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  // LibreOffice adds a row's rule (0.75 pt) to its height: the vertical padding gives it back, so a row is as tall as the PDF's
  const padY = Math.max(0, Math.round(m.padY * 20 - BORDER_TW / 2));
  const pad = { left: Math.round(m.padX * 20), right: Math.round(m.padX * 20), top: padY, bottom: padY };
  const cell = (text: string, i: number, head: boolean, keep = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: pad,
      children: [
        new GridParagraph(
          { alignment: head ? AlignmentType.CENTER : ALIGN[block.columns[i]?.align ?? 'left'], spacing, keepNext: keep || undefined, children: lines(text, head ? 'hei' : 'fangsong', size) },
          { snapToGrid: false },
        ),
      ],
    });
  const line = rule(BORDER_EIGHTHS);
  const caption = (block.caption ?? []).map((t) => new GridParagraph({ spacing, children: [run(t, 'fangsong', size)] }, { snapToGrid: false }));
  const table = new Table({
    width: { size: DOCX_PAGE.area, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      // keepNext: the last two rows stay with what follows (the signature), as in the PDF
      ...block.rows.map((r, k) => new TableRow({ cantSplit: true, children: block.columns.map((_, i) => cell(r[i] ?? '', i, false, keepNext && k >= block.rows.length - 2)) })),
    ],
  });
  const close = new GridParagraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext: keepNext || undefined, children: [run('', 'fangsong', 2)] }, { snapToGrid: false });
  return [...caption, table, close];
}
