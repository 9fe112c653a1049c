// Ruled tables across the width of the type area: header row in 黑体, cells in 仿宋 (12 pt unless the
// block says otherwise), text wrapped inside its cell, rows kept whole where they fit on a page, the
// header row repeated at the top of every page the table crosses. The table starts on a grid row and
// the text after it continues on the next grid row.
import type { Composer } from './compose';
import { AREA, GRID, rowFrom, rowTop } from './geometry';
import type { BrokenLine, LineAlign } from './linebreak';
import type { Block, CellAlign } from './model';
import { tableColumnWidths, tableFontSize, tableMetrics } from './table-widths';
import { baselineAt, placeOps, type TextStyle, wrap } from './typeset';

type TableBlock = Extract<Block, { type: 'table' }>;

interface Row {
  cells: BrokenLine[][];
  style: TextStyle;
  aligns: LineAlign[];
}

const BORDER = 0.75;

function lineAlign(a: CellAlign | undefined): LineAlign {
  if (a === 'center' || a === 'right') return a;
  return 'justify';
}

/** `keepAfter`: grid rows that must follow the table's last rows on their page (the signature's three): the last two rows go along to a new page with them. */
export function composeTable(c: Composer, block: TableBlock, keepAfter = 0): void {
  const { book } = c;
  if (block.columns.length === 0) return;
  const size = tableFontSize(block);
  const { padX } = tableMetrics(size);
  let { padY, lineHeight } = tableMetrics(size);
  const headStyle: TextStyle = { role: 'hei', size, cell: size };
  const cellStyle: TextStyle = { role: 'fangsong', size, cell: size };
  const widths = tableColumnWidths(block, AREA.width, (role, t, s) => book.measure(role, t, s));
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w], [AREA.left]);
  const wrapRow = (texts: string[], style: TextStyle): BrokenLine[][] =>
    widths.map((w, i) => wrap(book, style, texts[i] ?? '', Math.max(w - 2 * padX, size)));
  const header: Row = { cells: wrapRow(block.columns.map((col) => col.header), headStyle), style: headStyle, aligns: block.columns.map(() => 'center') };
  const rows: Row[] = block.rows.map((r) => ({ cells: wrapRow(r, cellStyle), style: cellStyle, aligns: block.columns.map((col) => lineAlign(col.align)) }));
  const linesOf = (row: Row): number => Math.max(1, ...row.cells.map((cell) => cell.length));
  const heightOf = (n: number): number => n * lineHeight + 2 * padY;
  const captionLines = (block.caption ?? []).flatMap((t) => wrap(book, cellStyle, t, AREA.width));
  const tableHeight = (): number => captionLines.length * lineHeight + heightOf(linesOf(header)) + rows.reduce((a, r) => a + heightOf(linesOf(r)), 0);
  if (block.fitPage && rowTop(rowFrom(c.y)) + tableHeight() > AREA.bottom + 0.01) {
    // a form that should fit one sheet: tighter rows, if that makes it fit
    const before = { padY, lineHeight };
    ({ padY, lineHeight } = tableMetrics(size, true));
    if (rowTop(rowFrom(c.y)) + tableHeight() > AREA.bottom + 0.01) ({ padY, lineHeight } = before);
  }
  const headerHeight = heightOf(linesOf(header));

  /** Draws lines [from, to) of every cell of a row as one ruled band at y; returns its height. */
  const drawRow = (row: Row, y: number, from: number, to: number): number => {
    const h = heightOf(to - from);
    row.cells.forEach((cell, i) => {
      const part = cell.slice(from, to);
      const top = y + (h - part.length * lineHeight) / 2;
      part.forEach((line, j) => {
        const baseline = baselineAt(book, row.style, top + (j + 0.5) * lineHeight);
        const align = row.aligns[i] === 'justify' && j === part.length - 1 && to >= cell.length ? 'left' : row.aligns[i]!;
        c.ops.push(...placeOps(book, row.style, line, xs[i]! + padX, widths[i]! - 2 * padX, align, baseline));
      });
    });
    const line = (x1: number, y1: number, x2: number, y2: number): void => {
      c.ops.push({ type: 'line', x1, y1, x2, y2, width: BORDER });
    };
    line(AREA.left, y, AREA.right, y);
    line(AREA.left, y + h, AREA.right, y + h);
    for (const x of xs) line(x, y, x, y + h);
    return h;
  };

  let y = rowTop(rowFrom(c.y));
  const startPage = (): void => {
    c.newPage();
    y = AREA.top;
    y += drawRow(header, y, 0, linesOf(header));
  };
  const firstHeight = rows[0] ? heightOf(Math.min(linesOf(rows[0]), 2)) : 0;
  if (rowFrom(c.y) >= GRID.rows || y + headerHeight + firstHeight > AREA.bottom + 0.01) {
    c.newPage();
    y = AREA.top;
  }
  captionLines.forEach((line) => {
    c.ops.push(...placeOps(book, cellStyle, line, AREA.left, AREA.width, 'left', baselineAt(book, cellStyle, y + lineHeight / 2)));
    y += lineHeight;
  });
  y += drawRow(header, y, 0, linesOf(header));
  rows.forEach((row, k) => {
    const n = linesOf(row);
    // no orphan row: the last row never goes alone to a new page, the one before it goes along; nor
    // does what must follow the table (the signature): the last two rows go with it
    const last = rows[k + 1];
    if (last && k === rows.length - 2 && y + heightOf(n) <= AREA.bottom + 0.01) {
      const tail = heightOf(n) + heightOf(linesOf(last));
      const overflows = y + tail > AREA.bottom + 0.01 || (keepAfter > 0 && rowFrom(y + tail) + keepAfter > GRID.rows);
      if (overflows && tail + keepAfter * GRID.linePitch <= AREA.height - headerHeight) startPage();
    }
    let from = 0;
    while (from < n) {
      const room = Math.floor((AREA.bottom - y - 2 * padY + 0.01) / lineHeight);
      const fitsFreshPage = heightOf(n - from) <= AREA.height - headerHeight;
      if (room >= n - from) {
        y += drawRow(row, y, from, n);
        from = n;
      } else if (fitsFreshPage || room < 1) {
        startPage();
      } else {
        y += drawRow(row, y, from, from + room); // a row taller than a page is split across pages
        from += room;
        startPage();
      }
    }
  });
  const next = rowFrom(y);
  c.y = next >= GRID.rows ? AREA.bottom : rowTop(next);
}
