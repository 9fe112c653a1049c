// XLSX in and out with exceljs: the first worksheet as rows of plain cells, and a one-sheet workbook
// with a bold header row for export.
import type ExcelJS from 'exceljs';
import type { Cell, GridRow } from './decode';
import { UnreadableFile } from './unreadable';

// exceljs is loaded when a workbook is first read or written, not when the app starts (≈0.5 s of startup).
const excel = async () => (await import('exceljs')).default;

/** The most rows a list may have (CSV and XLSX alike). */
export const MAX_ROWS = 5000;
const MAX_XLSX_ROWS = MAX_ROWS + 50;
const MAX_XLSX_COLUMNS = 200;

/**
 * Reads the first worksheet. Throws UnreadableFile (said after the file's name) when the workbook has
 * no sheet or too many rows, and exceljs's own error when it cannot read it (the caller words it).
 */
export async function readXlsxGrid(bytes: Buffer): Promise<GridRow[]> {
  const wb = new (await excel()).Workbook();
  // exceljs's Buffer type predates Node 22's generic Buffer.
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new UnreadableFile('里没有工作表');
  if (sheet.actualRowCount > MAX_XLSX_ROWS) throw new UnreadableFile(`的工作表“${sheet.name}”行数过多（${sheet.actualRowCount}行），一次最多导入${MAX_ROWS}行`);
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const width = Math.min(row.cellCount, MAX_XLSX_COLUMNS);
    for (let c = 1; c <= width; c++) cells.push(plainCell(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function plainCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : plainCell(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : plainCell(v.result as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  return null;
}

export interface XlsxColumn {
  header: string;
  width: number;
  /** Cells hold Date values (UTC midnight) shown as yyyy-mm-dd. */
  date?: boolean;
}

/** A one-sheet workbook: bold frozen header row, then one row per entry. */
export async function writeXlsx(sheetName: string, columns: XlsxColumn[], rows: Cell[][]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = '议事';
  const sheet = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.date ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((c) => (c === '' ? null : c)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
