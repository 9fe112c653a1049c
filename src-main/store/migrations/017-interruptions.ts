import type { Migration } from './index';

// The notice of an interrupted run (meeting/interruption.ts) kept until the secretary has read it: a
// clean close and start before anyone pressed 知道了 no longer loses it. One row per interrupted run,
// with what the restart found (the round still open as JSON, the message as the console showed it);
// 知道了 sets who and when, and a dismissed notice is never shown again. Audited.
export const migration017: Migration = {
  version: 17,
  name: 'interruptions',
  up: `
    CREATE TABLE interruptions (
      id INTEGER PRIMARY KEY,
      previous_start TEXT NOT NULL,
      resumed_at TEXT NOT NULL,
      last_record_at TEXT,
      round TEXT CHECK (round IS NULL OR json_valid(round)),
      message TEXT NOT NULL CHECK (length(trim(message)) > 0),
      dismissed_at TEXT,
      dismissed_by TEXT,
      CHECK ((dismissed_at IS NULL) = (dismissed_by IS NULL))
    ) STRICT;
  `,
};
