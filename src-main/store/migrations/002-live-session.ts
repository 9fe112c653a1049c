import type { Migration } from './index';

// Live session: attendance, seat codes and terminals, ballots and votes.
// Secret ballots keep who has voted (secret_voters) apart from the anonymous counts (secret_counts):
// no shared id, no order, no timestamp links a voter to a choice. WITHOUT ROWID tables keyed by
// (ballot, member) and (ballot, choice) keep no insertion order.
export const migration002: Migration = {
  version: 2,
  name: 'live-session',
  up: `
    CREATE TABLE session_live (
      session_id INTEGER PRIMARY KEY REFERENCES sessions (id),
      current_item_id INTEGER REFERENCES agenda_items (id),
      business_started_at TEXT,
      quorum_override TEXT
    ) STRICT;

    CREATE TABLE attendance (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      status TEXT NOT NULL DEFAULT 'absent' CHECK (status IN ('absent', 'present', 'leave', 'left')),
      signed_in_at TEXT,
      left_at TEXT,
      late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
      signed_in_by TEXT,
      UNIQUE (session_id, member_id)
    ) STRICT;

    CREATE TABLE seat_codes (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      member_id INTEGER REFERENCES members (id),
      attendee_id INTEGER REFERENCES attendees (id),
      code TEXT NOT NULL,
      used_at TEXT,
      CHECK ((member_id IS NULL) <> (attendee_id IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX seat_codes_code ON seat_codes (session_id, code);

    CREATE TABLE terminals (
      id TEXT PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      member_id INTEGER REFERENCES members (id),
      attendee_id INTEGER REFERENCES attendees (id),
      token_hash TEXT NOT NULL UNIQUE,
      paired_at TEXT NOT NULL,
      paired_via TEXT NOT NULL CHECK (paired_via IN ('code', 'console')),
      address TEXT NOT NULL DEFAULT '',
      revoked_at TEXT,
      revoked_reason TEXT,
      CHECK ((member_id IS NULL) <> (attendee_id IS NULL))
    ) STRICT;

    CREATE TABLE ballots (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      item_id INTEGER NOT NULL REFERENCES agenda_items (id),
      round INTEGER NOT NULL CHECK (round > 0),
      subject TEXT NOT NULL,
      persons TEXT NOT NULL DEFAULT '[]',
      method TEXT NOT NULL CHECK (method IN ('electronic', 'show_of_hands', 'paper')),
      secret INTEGER NOT NULL CHECK (secret IN (0, 1)),
      press_rule TEXT NOT NULL CHECK (press_rule IN ('first', 'last')),
      state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed', 'announced')),
      timer_seconds INTEGER CHECK (timer_seconds IS NULL OR timer_seconds > 0),
      created_at TEXT NOT NULL,
      opened_at TEXT,
      closes_at TEXT,
      closed_at TEXT,
      announced_at TEXT,
      expected INTEGER NOT NULL,
      eligible TEXT NOT NULL DEFAULT '[]',
      yes INTEGER,
      no INTEGER,
      abstain INTEGER,
      not_pressed INTEGER,
      adopted INTEGER CHECK (adopted IS NULL OR adopted IN (0, 1)),
      rule TEXT,
      required INTEGER,
      base INTEGER,
      announcement TEXT,
      rules TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ballots_item ON ballots (item_id, round);

    CREATE TABLE named_votes (
      ballot_id INTEGER NOT NULL REFERENCES ballots (id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
      press_seq INTEGER NOT NULL,
      press_terminal TEXT NOT NULL,
      pressed_at TEXT NOT NULL,
      PRIMARY KEY (ballot_id, member_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE secret_voters (
      ballot_id INTEGER NOT NULL REFERENCES ballots (id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      press_seq INTEGER NOT NULL,
      press_terminal TEXT NOT NULL,
      receipt BLOB,
      PRIMARY KEY (ballot_id, member_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE secret_counts (
      ballot_id INTEGER NOT NULL REFERENCES ballots (id),
      choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
      count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
      PRIMARY KEY (ballot_id, choice)
    ) STRICT, WITHOUT ROWID;
  `,
};
