// The archive: one list of everything ever recorded, newest first, filtered by year, kind and
// status, and searched in full text (migration 007 keeps the index; query.ts turns the search text
// into its FTS5 query). Pages follow each other by key (`before`), so page 200 costs what page 1 does.
import type { Store } from '../store/store';
import { describeHits, type ArchiveHit } from './hits';
import type { ArchiveKind } from '../shared/archive-kinds';
import { archiveMatch, searchWords } from './query';

export interface ArchiveQuery {
  /** Search text; empty lists everything that passes the filters. */
  q?: string;
  year?: number;
  kind?: ArchiveKind;
  status?: string;
  /** Key of the last hit of the previous page. */
  before?: number;
  limit?: number;
}

export interface ArchivePage {
  hits: ArchiveHit[];
  /** How many entries match, counted up to COUNT_CAP (then `totalCapped`); null on a following page. */
  total: number | null;
  totalCapped: boolean;
  /** `before` for the next page, or null on the last one. */
  next: number | null;
}

export const COUNT_CAP = 1000;
export const PAGE_SIZE = 50;

export interface EntryRow {
  id: number;
  kind: ArchiveKind;
  ref_id: number;
  session_id: number | null;
  year: number;
  date: string;
  status: string;
  title: string;
}

/** Conditions on archive_entries (alias e) for the filters that are set, with their parameters. */
function filters(q: ArchiveQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    where.push(sql);
    params.push(value);
  };
  if (q.year !== undefined) add('e.year = ?', q.year);
  if (q.kind !== undefined) add('e.kind = ?', q.kind);
  if (q.status !== undefined && q.status !== '') add('e.status = ?', q.status);
  return { where, params };
}

const COLUMNS = 'e.id, e.kind, e.ref_id, e.session_id, e.year, e.date, e.status, e.title';

export function searchArchive(store: Store, q: ArchiveQuery): ArchivePage {
  const limit = q.limit ?? PAGE_SIZE;
  const match = q.q ? archiveMatch(q.q) : null;
  const { where, params } = filters(q);
  // With a search text the FTS table leads (CROSS JOIN keeps it outside): it yields rowids, which are
  // the entries' keys, in descending order, so a page stops early even for a common word.
  // Without filters the index alone answers (every index row has its entry: both are written together).
  const from = match === null ? 'archive_entries e' : where.length === 0 ? 'archive_fts f' : 'archive_fts f CROSS JOIN archive_entries e ON e.id = f.rowid';
  const order = match === null ? 'e.id' : 'f.rowid';
  const cond = [...(match === null ? [] : ['archive_fts MATCH ?']), ...where, ...(q.before === undefined ? [] : [`${order} < ?`])];
  const args = [...(match === null ? [] : [match]), ...params, ...(q.before === undefined ? [] : [q.before])];
  // One pass gives the page and the count: the first page counts on up to COUNT_CAP matches, the
  // following pages (which keep the first page's total) only look one entry past their end.
  const scan = q.before === undefined ? Math.max(COUNT_CAP + 1, limit + 1) : limit + 1;
  const keys = store.db
    .prepare(`SELECT ${order} AS id FROM ${from} ${cond.length > 0 ? `WHERE ${cond.join(' AND ')}` : ''} ORDER BY ${order} DESC LIMIT ?`)
    .all(...args, scan)
    .map((r) => (r as { id: number }).id);
  const pageKeys = keys.slice(0, limit);
  const rows = store.db.prepare(`SELECT ${COLUMNS} FROM archive_entries e WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id DESC`).all(JSON.stringify(pageKeys)) as EntryRow[];
  return {
    hits: describeHits(store, rows, q.q ? searchWords(q.q) : []),
    total: q.before === undefined ? Math.min(keys.length, COUNT_CAP) : null,
    totalCapped: q.before === undefined && keys.length > COUNT_CAP,
    next: keys.length > limit ? pageKeys[pageKeys.length - 1]! : null,
  };
}

/** The years the archive holds, newest first, with how many entries each. */
export function archiveYears(store: Store): { year: number; entries: number; sessions: number }[] {
  return store.db
    .prepare(
      `SELECT year, count(*) AS entries, count(*) FILTER (WHERE kind = 'session') AS sessions
       FROM archive_entries GROUP BY year ORDER BY year DESC`,
    )
    .all() as { year: number; entries: number; sessions: number }[];
}
