import type { Migration } from './index';

// 专题询问 and 质询 (issue 10, 监督法 2024 arts. 47–51): two new agenda kinds ('inquiry' 专题询问,
// 'interpellation' 质询案), and the register loop that tracks their 研究处理情况报告 like a review
// opinion's handling report: a review_opinions row may now come from an inquiry or an interpellation
// item (origin 'inquiry' / 'interpellation'), besides a drafted or a registered review opinion.
// SQLite cannot change a CHECK in place, so both tables are rebuilt (same columns, same rows, so the
// audit log's recorded row states still match); run with foreign keys off, checked before commit.
export const migration006: Migration = {
  version: 6,
  name: 'oversight',
  foreignKeysOff: true,
  up: `
    CREATE TABLE agenda_items_new (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN
        ('report', 'handling_report', 'vote', 'appointment', 'assessment', 'project_ballot', 'other', 'inquiry', 'interpellation')),
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      presenter TEXT NOT NULL DEFAULT '',
      details TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    INSERT INTO agenda_items_new (id, session_id, position, kind, title, presenter, details)
      SELECT id, session_id, position, kind, title, presenter, details FROM agenda_items;
    DROP TABLE agenda_items;
    ALTER TABLE agenda_items_new RENAME TO agenda_items;
    CREATE INDEX agenda_items_session ON agenda_items (session_id, position);

    CREATE TABLE review_opinions_new (
      id INTEGER PRIMARY KEY,
      origin TEXT NOT NULL CHECK (origin IN ('drafted', 'registered', 'inquiry', 'interpellation')),
      session_id INTEGER REFERENCES sessions (id),
      item_id INTEGER UNIQUE REFERENCES agenda_items (id),
      report_title TEXT NOT NULL CHECK (length(trim(report_title)) > 0),
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      addressee TEXT NOT NULL,
      opening TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL DEFAULT '[]',
      handling_request TEXT NOT NULL DEFAULT '',
      deadline_months INTEGER NOT NULL CHECK (deadline_months BETWEEN 1 AND 24),
      doc_prefix TEXT NOT NULL DEFAULT '',
      doc_year INTEGER,
      doc_seq INTEGER CHECK (doc_seq IS NULL OR doc_seq > 0),
      doc_date TEXT,
      issuer TEXT NOT NULL DEFAULT '',
      cc TEXT NOT NULL DEFAULT '',
      printed_by TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'sent', 'handling', 'reported', 'assessed', 'report_again')),
      handling_since TEXT,
      sent_at TEXT,
      deadline TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((origin = 'registered') = (item_id IS NULL))
    ) STRICT;
    INSERT INTO review_opinions_new SELECT * FROM review_opinions;
    DROP TABLE review_opinions;
    ALTER TABLE review_opinions_new RENAME TO review_opinions;
    CREATE UNIQUE INDEX review_opinions_number ON review_opinions (doc_prefix, doc_year, doc_seq)
      WHERE doc_seq IS NOT NULL;
  `,
};
