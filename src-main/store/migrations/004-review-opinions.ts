import type { Migration } from './index';

// Review (审议) and what follows it: review groups (分组审议) of a session, members' written and
// spoken remarks on an agenda item, review opinions (审议意见书) with their 发文字号 and the
// supervision loop (each handling report heard, its result), and the resolutions/decisions
// (决议/决定) of adopted vote items. Needs only the tables of 001 and 002.
// Handling links carry no foreign key to agenda_items: a handling report may be linked while its
// session is still being prepared, and deleting that draft item must stay possible (the link is
// then ignored and removed by the review code).
export const migration004: Migration = {
  version: 4,
  name: 'review-opinions',
  up: `
    CREATE TABLE review_groups (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      position INTEGER NOT NULL CHECK (position > 0),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      convener TEXT NOT NULL DEFAULT '',
      member_ids TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    CREATE INDEX review_groups_session ON review_groups (session_id, position);

    CREATE TABLE review_remarks (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      item_id INTEGER NOT NULL REFERENCES agenda_items (id),
      member_id INTEGER REFERENCES members (id),
      speaker TEXT NOT NULL CHECK (length(trim(speaker)) > 0),
      group_id INTEGER,
      group_name TEXT NOT NULL DEFAULT '',
      mode TEXT NOT NULL CHECK (mode IN ('written', 'spoken')),
      recorded_by TEXT NOT NULL CHECK (recorded_by IN ('terminal', 'secretary')),
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      created_at TEXT NOT NULL,
      updated_at TEXT
    ) STRICT;
    CREATE INDEX review_remarks_item ON review_remarks (item_id, id);

    CREATE TABLE review_opinions (
      id INTEGER PRIMARY KEY,
      origin TEXT NOT NULL CHECK (origin IN ('drafted', 'registered')),
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
      CHECK ((origin = 'drafted') = (item_id IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX review_opinions_number ON review_opinions (doc_prefix, doc_year, doc_seq)
      WHERE doc_seq IS NOT NULL;

    CREATE TABLE opinion_handlings (
      id INTEGER PRIMARY KEY,
      opinion_id INTEGER NOT NULL REFERENCES review_opinions (id),
      item_id INTEGER NOT NULL UNIQUE,
      round INTEGER NOT NULL CHECK (round > 0),
      linked_at TEXT NOT NULL,
      heard_at TEXT,
      result TEXT,
      outcome TEXT CHECK (outcome IS NULL OR outcome IN ('accepted', 'report_again')),
      decided_by TEXT CHECK (decided_by IS NULL OR decided_by IN ('assessment', 'secretary')),
      decided_at TEXT,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX opinion_handlings_opinion ON opinion_handlings (opinion_id, round);

    CREATE TABLE resolutions (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      item_id INTEGER NOT NULL UNIQUE REFERENCES agenda_items (id),
      ballot_id INTEGER REFERENCES ballots (id),
      seq INTEGER NOT NULL CHECK (seq > 0),
      kind TEXT NOT NULL CHECK (kind IN ('resolution', 'decision')),
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      body TEXT NOT NULL DEFAULT '',
      red_header INTEGER NOT NULL DEFAULT 0 CHECK (red_header IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (session_id, seq)
    ) STRICT;
  `,
};
