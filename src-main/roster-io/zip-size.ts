// How many bytes an XLSX workbook (a ZIP archive) holds once inflated, measured before exceljs reads
// it: exceljs inflates every entry of the archive into memory and parses it whole, so a file of one
// megabyte that inflates to hundreds of megabytes (a "zip bomb") would take gigabytes of memory and
// stall the server for minutes. Each entry is inflated here against what is left of a budget
// (zlib's maxOutputLength stops at the budget, in the thread pool, whatever sizes the archive
// declares), reading the archive as JSZip (under exceljs) does: the central directory at its end,
// each entry's local header, its compressed bytes.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const inflateRaw = promisify(zlib.inflateRaw);

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** Thrown when the archive cannot be read as a ZIP at all (the caller words it as a damaged workbook). */
export class DamagedZip extends Error {}

/** The inflated size of every entry together, or 'too-big' as soon as it passes `budget` bytes. */
export async function inflatedSize(zip: Buffer, budget: number): Promise<number | 'too-big'> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length || zip.readUInt32LE(end) !== END_SIGNATURE) throw new DamagedZip('没有 ZIP 目录');
  const entries = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (directoryOffset === ZIP64_MARK || entries === 0xffff) throw new DamagedZip('ZIP64 格式');
  // Bytes before the archive (JSZip allows them): every offset is moved by as much.
  const base = end - directorySize - directoryOffset;
  if (base < 0) throw new DamagedZip('ZIP 目录位置有误');
  let total = 0;
  let p = base + directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > end || zip.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new DamagedZip('ZIP 目录已损坏');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const local = base + zip.readUInt32LE(p + 42);
    if (compressed === ZIP64_MARK || zip.readUInt32LE(p + 24) === ZIP64_MARK) throw new DamagedZip('ZIP64 格式');
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new DamagedZip('ZIP 条目已损坏');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length) throw new DamagedZip('ZIP 条目不完整');
    const data = zip.subarray(start, start + compressed);
    const left = budget - total;
    if (method === 0) total += compressed;
    else if (method === 8) total += await inflatedLength(data, left);
    else throw new DamagedZip(`不支持的压缩方式${method}`);
    if (total > budget) return 'too-big';
  }
  return total;
}

/** The inflated length of one deflated entry, or more than `left` when it would pass it. */
async function inflatedLength(data: Buffer, left: number): Promise<number> {
  try {
    return (await inflateRaw(data, { maxOutputLength: Math.max(1, left) })).length;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return left + 1;
    throw new DamagedZip('ZIP 条目无法解压', { cause: e });
  }
}
