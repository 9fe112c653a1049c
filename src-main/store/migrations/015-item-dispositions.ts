import type { Migration } from './index';

// 暂不付表决 and 撤回 (domain/item-disposition.ts): what the secretary records on an agenda item that is
// not voted on as planned, with the reason stated. One row per decision; an undone one (before 闭会)
// keeps its row with the time it was undone, so the record shows both. At most one standing decision
// per item (the partial unique index). A table of its own: the audited agenda_items rows keep exactly
// the columns their audit records hold.
export const migration015: Migration = {
  version: 15,
  name: 'item-dispositions',
  up: `
    CREATE TABLE item_dispositions (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES agenda_items (id),
      kind TEXT NOT NULL CHECK (kind IN ('deferred', 'withdrawn')),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      recorded_at TEXT NOT NULL,
      undone_at TEXT,
      undo_reason TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE UNIQUE INDEX item_dispositions_standing ON item_dispositions (item_id) WHERE undone_at IS NULL;
  `,
};
