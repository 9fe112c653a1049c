import type { Migration } from './index';

// Issue 10: what a session keeps beside its ballots.
// - speaker_requests: the speaker queue (申请发言) of each item — who asked, when, called, finished or
//   withdrawn, and the review remark recorded for the turn. At most one open request (waiting or
//   called) per member and item.
// - oaths: the 宪法宣誓 of the newly appointed — who took it, when, who administered it (监誓人),
//   alone or together (集体宣誓, with the one who led it).
// - session_expected: the stated reason for a 应到 that differs from the members in office on the
//   session's date (a vacancy, a roster not yet updated…); one row per session that has one. A table
//   of its own so that the audited sessions rows keep exactly the columns their audit records hold.
export const migration008: Migration = {
  version: 8,
  name: 'speakers-oaths',
  up: `
    CREATE TABLE speaker_requests (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      item_id INTEGER NOT NULL REFERENCES agenda_items (id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'called', 'done', 'withdrawn')),
      requested_at TEXT NOT NULL,
      called_at TEXT,
      done_at TEXT,
      withdrawn_at TEXT,
      remark_id INTEGER REFERENCES review_remarks (id),
      CHECK ((state = 'waiting') = (called_at IS NULL AND withdrawn_at IS NULL)),
      CHECK ((state = 'done') = (done_at IS NOT NULL)),
      CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL))
    ) STRICT;
    CREATE INDEX speaker_requests_item ON speaker_requests (item_id, id);
    CREATE INDEX speaker_requests_session ON speaker_requests (session_id, id);
    CREATE UNIQUE INDEX speaker_requests_open ON speaker_requests (item_id, member_id) WHERE state IN ('waiting', 'called');

    CREATE TABLE oaths (
      id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES sessions (id),
      item_id INTEGER REFERENCES agenda_items (id),
      taken_at TEXT NOT NULL,
      administered_by TEXT NOT NULL CHECK (length(trim(administered_by)) > 0),
      form TEXT NOT NULL DEFAULT 'single' CHECK (form IN ('single', 'collective')),
      led_by TEXT NOT NULL DEFAULT '',
      persons TEXT NOT NULL CHECK (json_valid(persons) AND json_array_length(persons) > 0),
      note TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX oaths_session ON oaths (session_id, taken_at, id);

    CREATE TABLE session_expected (
      id INTEGER PRIMARY KEY REFERENCES sessions (id),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
    ) STRICT;
  `,
};
