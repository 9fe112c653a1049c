import type { Migration } from './index';

// Satisfaction assessments (满意度测评) and project ballots (票决): one anonymous sheet per member.
// Who has submitted (assessment_voters) is kept apart from the anonymous counters
// (assessment_counts per subject and level, assessment_sheets per sheet status): no shared id, no
// order, no timestamp links a member to a sheet. WITHOUT ROWID tables keyed by (assessment, member),
// (assessment, subject, level) and (assessment, status) keep no insertion order.
// Officials' year records (任后监督): pledge, mid-year review, 述职 and assessment, follow-up.
export const migration003: Migration = {
  version: 3,
  name: 'assessments',
  up: `
    CREATE TABLE assessments (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      item_id INTEGER NOT NULL REFERENCES agenda_items (id),
      round INTEGER NOT NULL CHECK (round > 0),
      kind TEXT NOT NULL CHECK (kind IN ('satisfaction', 'project')),
      title TEXT NOT NULL,
      subjects TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('electronic', 'paper')),
      state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed', 'announced')),
      scale TEXT CHECK (scale IS NULL OR scale IN ('three', 'four')),
      rule TEXT CHECK (rule IS NULL OR rule IN ('rate', 'grade')),
      count_incomplete INTEGER NOT NULL DEFAULT 1 CHECK (count_incomplete IN (0, 1)),
      unmarked_subjects TEXT NOT NULL DEFAULT 'against' CHECK (unmarked_subjects IN ('against', 'excluded')),
      choose_max INTEGER CHECK (choose_max IS NULL OR choose_max > 0),
      min_share TEXT,
      all_members INTEGER NOT NULL CHECK (all_members >= 0),
      year INTEGER CHECK (year IS NULL OR year BETWEEN 1949 AND 2200),
      report_item_id INTEGER REFERENCES agenda_items (id),
      created_at TEXT NOT NULL,
      opened_at TEXT,
      closed_at TEXT,
      announced_at TEXT,
      eligible TEXT NOT NULL DEFAULT '[]',
      result TEXT
    ) STRICT;
    CREATE INDEX assessments_item ON assessments (item_id, round);
    CREATE INDEX assessments_session ON assessments (session_id, state);

    CREATE TABLE assessment_voters (
      assessment_id INTEGER NOT NULL REFERENCES assessments (id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      PRIMARY KEY (assessment_id, member_id)
    ) STRICT, WITHOUT ROWID;

    -- level: index in the scale (best first); -1 = left unmarked. Project ballots: level 0 = chosen.
    CREATE TABLE assessment_counts (
      assessment_id INTEGER NOT NULL REFERENCES assessments (id),
      subject INTEGER NOT NULL CHECK (subject >= 0),
      level INTEGER NOT NULL CHECK (level >= -1),
      count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
      PRIMARY KEY (assessment_id, subject, level)
    ) STRICT, WITHOUT ROWID;

    -- counted: sheets in the count; set_aside: incomplete sheets not counted (by the rules);
    -- invalid: project sheets marking too many (paper only: terminals refuse them).
    CREATE TABLE assessment_sheets (
      assessment_id INTEGER NOT NULL REFERENCES assessments (id),
      status TEXT NOT NULL CHECK (status IN ('counted', 'set_aside', 'invalid')),
      count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
      PRIMARY KEY (assessment_id, status)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE official_years (
      id INTEGER PRIMARY KEY,
      official_id INTEGER NOT NULL REFERENCES officials (id),
      year INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2200),
      pledge_text TEXT NOT NULL DEFAULT '',
      pledge_date TEXT,
      pledge_file_name TEXT,
      pledge_mime TEXT,
      pledge_size INTEGER,
      pledge_sha256 TEXT,
      pledge_data BLOB,
      midyear_date TEXT,
      midyear_notes TEXT NOT NULL DEFAULT '',
      midyear_forms INTEGER CHECK (midyear_forms IS NULL OR midyear_forms >= 0),
      midyear_levels TEXT,
      report_session_id INTEGER REFERENCES sessions (id),
      report_item_id INTEGER REFERENCES agenda_items (id),
      assessment_id INTEGER REFERENCES assessments (id),
      follow_up TEXT NOT NULL DEFAULT '',
      follow_up_date TEXT,
      UNIQUE (official_id, year)
    ) STRICT;
  `,
};
