import type { Migration } from './index';

// 作废本轮 in the record: a round whose receipts could not be opened on this machine and was voided
// (rounds/round-engine.ts voidRound) goes back to draft and is held again under the same id. Each
// voided attempt is kept here — when it was opened and voided, the reason given, how many members'
// votes or sheets were discarded unread — so the minutes and the round's result sheet say what
// happened (domain/round-void.ts). A table of its own: the audited ballots and assessments rows keep
// exactly the columns their audit records hold. Counts only: nothing of what was discarded.
export const migration009: Migration = {
  version: 9,
  name: 'round-voids',
  up: `
    CREATE TABLE round_voids (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('ballot', 'assessment')),
      round_id INTEGER NOT NULL,
      opened_at TEXT,
      voided_at TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      discarded INTEGER NOT NULL CHECK (discarded >= 0)
    ) STRICT;
    CREATE INDEX round_voids_round ON round_voids (kind, round_id, id);
  `,
};
