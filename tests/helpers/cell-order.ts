// Where each row of a WITHOUT ROWID table sits inside its B-tree page, read from the database file's
// bytes (https://www.sqlite.org/fileformat2.html#b_tree_pages) as someone holding a copy would: SQLite
// allocates a new cell below the ones already there, so the cells' offsets in a page tell in which
// order rows were written, whatever the keys say.
import Database from 'better-sqlite3';

export interface PlacedCell {
  page: number;
  /** The cell's offset in its page. */
  offset: number;
  /** The record's values (the key columns first), integers only. */
  values: (number | null)[];
}

function varint(b: Buffer, at: number): [number, number] {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    const byte = b[at + i]!;
    if (i === 8) return [v * 256 + byte, at + 9];
    v = v * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return [v, at + i + 1];
  }
  return [v, at + 9];
}

function record(b: Buffer, at: number): (number | null)[] {
  const [headerSize, first] = varint(b, at);
  const types: number[] = [];
  for (let p = first; p < at + headerSize; ) {
    const [t, next] = varint(b, p);
    types.push(t);
    p = next;
  }
  const sizes: Record<number, number> = { 0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8, 8: 0, 9: 0 };
  const out: (number | null)[] = [];
  let p = at + headerSize;
  for (const t of types) {
    if (t === 0) out.push(null);
    else if (t === 8 || t === 9) out.push(t - 8);
    else if (t in sizes) {
      out.push(b.readIntBE(p, Math.min(sizes[t]!, 6)));
      p += sizes[t]!;
    } else break; // blobs and texts: not needed here
  }
  return out;
}

/** Every cell of a WITHOUT ROWID table (an index B-tree) in the file, with its page and offset. */
export function placedCells(file: string, table: string): PlacedCell[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let root: number;
  let bytes: Buffer;
  try {
    root = (db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as { rootpage: number }).rootpage;
    bytes = db.serialize();
  } finally {
    db.close();
  }
  const raw = bytes.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const out: PlacedCell[] = [];
  const walk = (pgno: number) => {
    const page = bytes.subarray((pgno - 1) * pageSize, pgno * pageSize);
    const h = pgno === 1 ? 100 : 0;
    const type = page[h]!;
    const cells = page.readUInt16BE(h + 3);
    const interior = type === 0x02;
    if (type !== 0x02 && type !== 0x0a) throw new Error(`page ${pgno} of ${table} is not an index page`);
    for (let i = 0; i < cells; i++) {
      const offset = page.readUInt16BE(h + (interior ? 12 : 8) + 2 * i);
      if (interior) walk(page.readUInt32BE(offset));
      const [, payload] = varint(page, interior ? offset + 4 : offset);
      out.push({ page: pgno, offset, values: record(page, payload) });
    }
    if (interior) walk(page.readUInt32BE(h + 8));
  };
  walk(root);
  return out;
}

/** The rows of `cells` page by page, each page's in the order they were written (highest offset first). */
export function writtenOrder(cells: PlacedCell[]): (number | null)[][] {
  const pages = [...new Set(cells.map((c) => c.page))];
  return pages.flatMap((p) => cells.filter((c) => c.page === p).sort((a, b) => b.offset - a.offset).map((c) => c.values));
}
