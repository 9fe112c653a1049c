// Bytes of an uploaded file -> a grid of cells. Decides by content, not by file name: an XLSX
// workbook (ZIP), or CSV text in UTF-8 (with or without BOM), UTF-16 or GBK/GB18030 (what Excel
// and WPS write on Chinese Windows). Anything else is refused with a message that names the problem.
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { UnreadableFile } from './unreadable';
import { MAX_ROWS, readXlsxGrid } from './xlsx';
import { DamagedZip, inflatedSize } from './zip-size';

export type SheetFormat = 'csv-utf8' | 'csv-utf8-bom' | 'csv-gbk' | 'csv-utf16' | 'xlsx';

/** One cell as read: text from CSV; text, number or date from XLSX. */
export type Cell = string | number | Date | null;

/** A spreadsheet row with the row number the user sees (the first row is 1). */
export interface GridRow {
  row: number;
  cells: Cell[];
}

export interface Grid {
  format: SheetFormat;
  rows: GridRow[];
  /** True when the text came out of a guess that may be wrong (GBK fallback, UTF-16 without BOM). */
  guessedEncoding: boolean;
}

export { MAX_ROWS, UnreadableFile };

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/**
 * What an XLSX may hold once inflated. A list of 5000 people with every column is a few megabytes
 * inflated; exceljs takes some 15 times the inflated size in memory and a second per 10 MB.
 */
export const MAX_XLSX_INFLATED_BYTES = 32 * 1024 * 1024;

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { bytes: [0x42, 0x4d], what: 'BMP 图片' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文档' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { bytes: [0x1f, 0x8b], what: 'gzip 压缩包' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文档' },
];

const startsWith = (b: Buffer, prefix: number[]): boolean => b.length >= prefix.length && prefix.every((x, i) => b[i] === x);

const notSheet = (fileName: string, what?: string): UnreadableFile =>
  new UnreadableFile(`文件“${fileName}”不是 CSV 或 XLSX 表格${what ? `（看起来是${/^[A-Za-z]/.test(what) ? ' ' : ''}${what}）` : ''}，请选择 CSV 或 XLSX 格式的名单`);

/** Reads any supported file into rows of cells; throws UnreadableFile with a Chinese message otherwise. */
export async function readGrid(fileName: string, bytes: Buffer): Promise<Grid> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UnreadableFile(`文件“${fileName}”太大（${(bytes.length / 1024 / 1024).toFixed(1)}MB），名单表格不应超过10MB`);
  }
  if (bytes.length === 0) throw new UnreadableFile(`文件“${fileName}”是空文件`);

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { format: 'xlsx', rows: await readZip(fileName, bytes), guessedEncoding: false };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new UnreadableFile(
      `文件“${fileName}”是 Excel 97-2003（.xls）或 WPS（.et）格式，或者设置了打开密码，无法直接读取。请在 Excel/WPS 中另存为不加密的 .xlsx 或 CSV 后再导入`,
    );
  }
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) throw notSheet(fileName, magic.what);

  const { text, format, guessed } = decodeText(bytes);
  if (looksBinary(text)) throw notSheet(fileName);
  if (text.trim() === '') throw new UnreadableFile(`文件“${fileName}”是空文件`);
  return { format, rows: readCsvRows(text), guessedEncoding: guessed };
}

async function readZip(fileName: string, bytes: Buffer): Promise<GridRow[]> {
  const has = (name: string): boolean => bytes.includes(Buffer.from(name, 'latin1'));
  if (has('word/document.xml')) throw notSheet(fileName, 'Word 文档');
  if (has('ppt/presentation.xml')) throw notSheet(fileName, 'PowerPoint 演示文稿');
  if (!has('xl/')) throw notSheet(fileName, 'ZIP 压缩包');
  try {
    if ((await inflatedSize(bytes, MAX_XLSX_INFLATED_BYTES)) === 'too-big') {
      throw new UnreadableFile(
        `解压后超过${MAX_XLSX_INFLATED_BYTES / 1024 / 1024}MB，远大于一份名单表格（5000人的名单解压后也只有几MB），可能已损坏或被改动过，未读取；请在 Excel/WPS 中打开检查，或另存为 CSV 后再导入`,
      );
    }
    return await readXlsxGrid(bytes);
  } catch (e) {
    if (e instanceof UnreadableFile) throw new UnreadableFile(`文件“${fileName}”${e.message}`);
    // What zlib or exceljs said (English) goes to the log; the secretary reads Chinese.
    const cause = e instanceof DamagedZip ? e.cause : e;
    if (cause) console.warn(`[import] ${fileName}: ${(cause as Error)?.message ?? String(cause)}`);
    const what = e instanceof DamagedZip ? `（${e.message}）` : '（工作簿的内容无法解析）';
    throw new UnreadableFile(`文件“${fileName}”看起来是 XLSX 工作簿，但已损坏或不完整，无法读取${what}。请在 Excel/WPS 中打开检查，另存为 .xlsx 或 CSV 后再导入`);
  }
}

/** Decodes CSV bytes: BOM first, then strict UTF-8, then UTF-16 by its zero bytes, then GB18030. */
export function decodeText(bytes: Buffer): { text: string; format: Exclude<SheetFormat, 'xlsx'>; guessed: boolean } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: utf8(bytes.subarray(3)) ?? iconv.decode(bytes.subarray(3), 'utf8'), format: 'csv-utf8-bom', guessed: false };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(bytes.subarray(2), 'utf16le'), format: 'csv-utf16', guessed: false };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(bytes.subarray(2), 'utf16be'), format: 'csv-utf16', guessed: false };
  const zeros = utf16Guess(bytes);
  if (zeros) return { text: iconv.decode(bytes, zeros), format: 'csv-utf16', guessed: true };
  const asUtf8 = utf8(bytes);
  if (asUtf8 !== null) return { text: asUtf8, format: 'csv-utf8', guessed: false };
  return { text: iconv.decode(bytes, 'gb18030'), format: 'csv-gbk', guessed: true };
}

function utf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: a table has many ASCII characters (digits, commas), each with a zero byte. */
function utf16Guess(bytes: Buffer): 'utf16le' | 'utf16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.02) return 'utf16le';
  if (even > pairs * 0.3 && odd < pairs * 0.02) return 'utf16be';
  return null;
}

/** Control characters other than tab and line ends do not occur in a real CSV. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex -- counting control characters is how binary files are told apart
  const controls = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > Math.max(2, sample.length * 0.005);
}

/** Mojibake left by a wrong guess: replacement characters or private-use code points. */
export function looksUndecodable(text: string): boolean {
  return /[\ufffd\ue000-\uf8ff]/.test(text);
}

function readCsvRows(text: string): GridRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    const err = e as { code?: string; records?: number };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      const row = (err.records ?? 0) + 1;
      throw new UnreadableFile(`第${row}行的引号（"）没有闭合，请检查该行的内容`, row);
    }
    console.warn(`[import] CSV: ${(e as Error).message}`);
    const lines = (e as { lines?: number }).lines;
    throw new UnreadableFile(typeof lines === 'number' && lines > 0 ? `CSV 格式有误（第${lines}行附近），请检查该行的内容` : 'CSV 格式有误，请在 Excel/WPS 中打开检查后另存为 CSV 再导入', lines ?? null);
  }
  if (records.length > MAX_ROWS + 50) throw new UnreadableFile(`表格行数过多（${records.length}行），一次最多导入${MAX_ROWS}行`);
  return records.map((cells, i) => ({ row: i + 1, cells }));
}
