import type { Migration } from './index';

// Backbone: committee, roster, attendees, officials, settings, sessions, agenda, documents, audit log.
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE committee (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      region TEXT NOT NULL,
      term INTEGER NOT NULL CHECK (term > 0)
    ) STRICT;
    INSERT INTO committee (id, region, term) VALUES (1, '', 1);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE members (
      id INTEGER PRIMARY KEY,
      sort INTEGER NOT NULL,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', '男', '女')),
      role TEXT NOT NULL CHECK (role IN ('主任', '副主任', '秘书长', '委员')),
      seat INTEGER CHECK (seat IS NULL OR seat > 0),
      in_office_from TEXT,
      in_office_to TEXT,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE UNIQUE INDEX members_current_seat ON members (seat)
      WHERE seat IS NOT NULL AND in_office_to IS NULL;

    CREATE TABLE attendees (
      id INTEGER PRIMARY KEY,
      sort INTEGER NOT NULL,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      unit TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL DEFAULT '',
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT;

    CREATE TABLE officials (
      id INTEGER PRIMARY KEY,
      sort INTEGER NOT NULL,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      unit TEXT NOT NULL DEFAULT '',
      post TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL DEFAULT '',
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT;

    CREATE TABLE sessions (
      id INTEGER PRIMARY KEY,
      term INTEGER NOT NULL CHECK (term > 0),
      number INTEGER NOT NULL CHECK (number > 0),
      date TEXT NOT NULL,
      start_time TEXT NOT NULL DEFAULT '',
      place TEXT NOT NULL DEFAULT '',
      chair TEXT NOT NULL DEFAULT '',
      expected_members INTEGER NOT NULL CHECK (expected_members >= 0),
      -- the committee's region when the session was prepared: a later rename keeps past titles
      region TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
      opened_at TEXT,
      closed_at TEXT,
      rules TEXT NOT NULL,
      UNIQUE (term, number)
    ) STRICT;

    CREATE TABLE agenda_items (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN
        ('report', 'handling_report', 'vote', 'appointment', 'assessment', 'project_ballot', 'other')),
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      presenter TEXT NOT NULL DEFAULT '',
      details TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX agenda_items_session ON agenda_items (session_id, position);

    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES agenda_items (id),
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      data BLOB NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_item ON documents (item_id);

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      source TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      data TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
};
