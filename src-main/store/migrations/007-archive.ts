import type { Migration } from './index';

// The archive index (issue 13): one searchable entry per session, agenda item, ballot, assessment,
// review opinion, remark, attached document and resolution, across all sessions and years.
//
// It is derived data, kept by triggers in the same transaction as the row it follows, so every
// writer (console, terminals, the live engine, imports) keeps it current without knowing of it, and
// nothing can commit a row without its entry. It is not audited and holds nothing secret: ballots
// contribute their subject and outcome only, never a member's choice.
//
// Chinese words: FTS5's trigram tokenizer cannot find words under three characters ("医保"), so the
// text is indexed as overlapping character pairs (bigrams) under the unicode61 tokenizer: "医保基金"
// is stored as the tokens 医保 保基 基金 金. A query word of two or more characters becomes the
// phrase of its bigrams (adjacent tokens), one character a prefix query. Punctuation is removed
// before pairing (ARCHIVE_STRIPPED below, shared with the query side), so "示人常审〔2026〕12号"
// is found with or without its brackets.
//
// Entry ids are sort keys: (days since 1900-01-01 of the entry's date) << 32 | ref_id << 3 | kind
// code (below 2^53, exact in JavaScript), so
// "newest first" is id DESC both for lists and for full-text matches, which FTS5 returns in rowid
// order and can stop after one page.
//
// Shape: one view per source kind (archive_src_*) says what an entry holds; writing a row of
// archive_feed (a view with INSTEAD OF triggers) replaces that entry and its index row, deleting
// from it removes them. The source tables' triggers only say which entries to refresh.

/** Characters removed from indexed text and from query words before they are split into pairs. */
export const ARCHIVE_STRIPPED = Array.from(
  '，。、；：？！…—–·‧“”‘’「」『』（）〔〕【】《》〈〉［］｛｝〖〗＂＇＃＄％＆＊＋－．／＜＝＞＠＼＾＿｀｜～' + `!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`,
);

/** Longest text indexed per entry, in characters (the length of archive_seq). */
export const ARCHIVE_MAX_CHARS = 20_000;

export const ARCHIVE_KINDS = ['document', 'remark', 'opinion', 'resolution', 'assessment', 'ballot', 'item', 'session'] as const;

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const stripped = (expr: string) => ARCHIVE_STRIPPED.reduce((e, ch) => `replace(${e}, ${sqlString(ch)}, '')`, expr);
const kindCode = (expr: string) => `(CASE ${expr} ${ARCHIVE_KINDS.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END)`;
const entryKey = (date: string, refId: string, kind: string) => `((CAST(julianday(${date}) - 2415020.5 AS INTEGER) << 32) + (${refId} << 3) + ${kindCode(kind)})`;
/**
 * Space-separated character pairs of an expression's text, punctuation removed, longest text capped.
 * LIMIT 1 keeps the subquery from being flattened into the join, so the text is stripped once.
 */
const bigrams = (expr: string) =>
  `(SELECT group_concat(substr(t.s, n, 2), ' ' ORDER BY n) FROM (SELECT ${stripped(`substr(coalesce(${expr}, ''), 1, ${ARCHIVE_MAX_CHARS})`)} AS s LIMIT 1) t, archive_seq WHERE n <= length(t.s))`;
/** The year and day of a session, for the entries that belong to it. */
export const sessionDate = (sessionId: string) => `(SELECT date FROM sessions WHERE id = ${sessionId})`;
export const joinText = (...parts: string[]) => parts.map((p) => `coalesce(${p}, '')`).join(` || ' ' || `);

const ENTRY_COLUMNS = 'kind, ref_id, session_id, date, status, title, body';
/** A ballot's entry status: adopted / rejected once decided, else its state. */
export const BALLOT_STATUS = `CASE WHEN b.state IN ('closed', 'announced') AND b.adopted = 1 THEN 'adopted'
                  WHEN b.state IN ('closed', 'announced') AND b.adopted = 0 THEN 'rejected' ELSE b.state END`;

const SOURCES: Record<(typeof ARCHIVE_KINDS)[number], { table: string; view: string }> = {
  session: {
    table: 'sessions',
    view: `SELECT 'session' AS kind, s.id AS ref_id, s.id AS session_id, s.date AS date, s.status AS status,
             '第' || s.term || '届第' || s.number || '次会议' AS title,
             ${joinText(`coalesce(nullif(s.region, ''), (SELECT region FROM committee WHERE id = 1))`, `'人大常委会第' || s.term || '届第' || s.number || '次会议'`, 's.place', 's.chair', 's.date')} AS body
           FROM sessions s`,
  },
  item: {
    table: 'agenda_items',
    view: `SELECT 'item', a.id, a.session_id, ${sessionDate('a.session_id')}, '', a.title,
             ${joinText('a.title', 'a.presenter', `(SELECT group_concat(${joinText(`json_extract(p.value, '$.name')`, `json_extract(p.value, '$.post')`)}, ' ') FROM json_each(a.details, '$.persons') p)`)}
           FROM agenda_items a`,
  },
  ballot: {
    table: 'ballots',
    view: `SELECT 'ballot', b.id, b.session_id, ${sessionDate('b.session_id')},
             ${BALLOT_STATUS},
             b.subject, b.subject
           FROM ballots b`,
  },
  assessment: {
    table: 'assessments',
    view: `SELECT 'assessment', x.id, x.session_id, ${sessionDate('x.session_id')}, x.state, x.title,
             ${joinText('x.title', `(SELECT group_concat(${joinText(`json_extract(p.value, '$.name')`, `json_extract(p.value, '$.unit')`, `json_extract(p.value, '$.post')`)}, ' ') FROM json_each(x.subjects) p)`)}
           FROM assessments x`,
  },
  opinion: {
    table: 'review_opinions',
    view: `SELECT 'opinion', o.id, o.session_id,
             coalesce(substr(o.sent_at, 1, 10), substr(o.doc_date, 1, 10), ${sessionDate('o.session_id')}, substr(o.created_at, 1, 10)),
             o.status, o.title,
             ${joinText(
               `CASE WHEN o.doc_seq IS NOT NULL THEN o.doc_prefix || '〔' || o.doc_year || '〕' || o.doc_seq || '号' END`,
               'o.title',
               'o.report_title',
               'o.addressee',
               'o.opening',
               `(SELECT group_concat(json_extract(p.value, '$.text'), ' ') FROM json_each(o.body) p)`,
               'o.issuer',
             )}
           FROM review_opinions o`,
  },
  remark: {
    table: 'review_remarks',
    view: `SELECT 'remark', r.id, r.session_id, ${sessionDate('r.session_id')}, r.mode, r.speaker, ${joinText('r.speaker', 'r.group_name', 'r.text')}
           FROM review_remarks r`,
  },
  document: {
    table: 'documents',
    view: `SELECT 'document', d.id, i.session_id, ${sessionDate('i.session_id')}, '', d.file_name, d.file_name
           FROM documents d JOIN agenda_items i ON i.id = d.item_id`,
  },
  resolution: {
    table: 'resolutions',
    view: `SELECT 'resolution', z.id, z.session_id, ${sessionDate('z.session_id')}, z.kind, z.title, ${joinText('z.title', 'z.body')}
           FROM resolutions z`,
  },
};

export const viewName = (kind: string) => `archive_src_${kind}`;
export const refresh = (kind: string, where: string) => `INSERT INTO archive_feed (${ENTRY_COLUMNS}) SELECT ${ENTRY_COLUMNS} FROM ${viewName(kind)} WHERE ${where};`;

function sourceTriggers(kind: (typeof ARCHIVE_KINDS)[number]): string {
  const { table } = SOURCES[kind];
  return `
    CREATE TRIGGER archive_${table}_insert AFTER INSERT ON ${table} BEGIN ${refresh(kind, 'ref_id = NEW.id')} END;
    CREATE TRIGGER archive_${table}_update AFTER UPDATE ON ${table} BEGIN ${refresh(kind, 'ref_id = NEW.id')} END;
    CREATE TRIGGER archive_${table}_delete AFTER DELETE ON ${table} BEGIN DELETE FROM archive_feed WHERE kind = '${kind}' AND ref_id = OLD.id; END;`;
}

/** A session's new date moves every entry of the session to it. */
const SESSION_DATE_TRIGGER = `
  CREATE TRIGGER archive_sessions_date AFTER UPDATE OF date ON sessions WHEN OLD.date IS NOT NEW.date BEGIN
    ${ARCHIVE_KINDS.filter((k) => k !== 'session')
      .map((k) => refresh(k, `session_id = NEW.id`))
      .join('\n    ')}
  END;`;

export const migration007: Migration = {
  version: 7,
  name: 'archive',
  up: `
    CREATE TABLE archive_seq (n INTEGER PRIMARY KEY) STRICT;
    WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${ARCHIVE_MAX_CHARS})
      INSERT INTO archive_seq (n) SELECT n FROM s;

    CREATE TABLE archive_entries (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN (${ARCHIVE_KINDS.map(sqlString).join(', ')})),
      ref_id INTEGER NOT NULL CHECK (ref_id > 0 AND ref_id < 536870912),
      session_id INTEGER,
      year INTEGER NOT NULL,
      date TEXT NOT NULL,
      status TEXT NOT NULL,
      title TEXT NOT NULL,
      UNIQUE (kind, ref_id)
    ) STRICT;
    CREATE INDEX archive_entries_year ON archive_entries (year);
    CREATE INDEX archive_entries_kind ON archive_entries (kind);
    CREATE INDEX archive_entries_kind_status ON archive_entries (kind, status);
    CREATE INDEX archive_entries_year_kind ON archive_entries (year, kind);
    CREATE INDEX archive_entries_year_kind_status ON archive_entries (year, kind, status);
    CREATE INDEX archive_entries_session ON archive_entries (session_id);

    -- Ten years of sessions behind the live one: the engine's lookups of the open session, its
    -- ballots and the open rounds use indexes instead of reading every past ballot (measured by
    -- npm run bench on the seeded archive: a scan of the ballots per terminal view was the tail).
    CREATE INDEX ballots_session ON ballots (session_id, id);
    CREATE INDEX ballots_open ON ballots (id) WHERE state = 'open';
    CREATE INDEX assessments_open ON assessments (id) WHERE state = 'open';
    CREATE INDEX sessions_open ON sessions (opened_at) WHERE status = 'open';

    CREATE VIRTUAL TABLE archive_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', content = '', contentless_delete = 1, prefix = '1');

    CREATE VIEW archive_feed AS SELECT id, ${ENTRY_COLUMNS.replace('body', 'NULL AS body')} FROM archive_entries;
    CREATE TRIGGER archive_feed_put INSTEAD OF INSERT ON archive_feed BEGIN
      DELETE FROM archive_fts WHERE rowid = (SELECT id FROM archive_entries WHERE kind = NEW.kind AND ref_id = NEW.ref_id);
      DELETE FROM archive_entries WHERE kind = NEW.kind AND ref_id = NEW.ref_id;
      INSERT INTO archive_entries (id, kind, ref_id, session_id, year, date, status, title)
        VALUES (${entryKey('coalesce(NEW.date, \'1970-01-01\')', 'NEW.ref_id', 'NEW.kind')}, NEW.kind, NEW.ref_id, NEW.session_id,
                CAST(substr(coalesce(NEW.date, '1970'), 1, 4) AS INTEGER), coalesce(NEW.date, '1970-01-01'), coalesce(NEW.status, ''), coalesce(NEW.title, ''));
      INSERT INTO archive_fts (rowid, body) SELECT id, ${bigrams('NEW.body')} FROM archive_entries WHERE kind = NEW.kind AND ref_id = NEW.ref_id;
    END;
    CREATE TRIGGER archive_feed_drop INSTEAD OF DELETE ON archive_feed BEGIN
      DELETE FROM archive_fts WHERE rowid = OLD.id;
      DELETE FROM archive_entries WHERE id = OLD.id;
    END;

    ${ARCHIVE_KINDS.map((k) => `CREATE VIEW ${viewName(k)} (${ENTRY_COLUMNS}) AS ${SOURCES[k].view};`).join('\n    ')}
    ${ARCHIVE_KINDS.map(sourceTriggers).join('\n')}
    ${SESSION_DATE_TRIGGER}

    -- what is already there
    ${ARCHIVE_KINDS.map((k) => `INSERT INTO archive_feed (${ENTRY_COLUMNS}) SELECT ${ENTRY_COLUMNS} FROM ${viewName(k)};`).join('\n    ')}
  `,
};
