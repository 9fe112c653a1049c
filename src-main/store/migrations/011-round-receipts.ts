import type { Migration } from './index';

// The sealed receipts of the open round move out of the voter rows into a table of their own, which
// is empty whenever no sealed round is open. Erasing them at close by setting the voter rows' receipt
// to NULL left, now and then, a copy of an old receipt in the unused space of a page that SQLite had
// rebuilt while the round was open (secure_delete zeroes deleted cells and freed pages, not that
// space): in the database and in every backup after it. Emptying a table of its own (DELETE without
// WHERE, no foreign keys: SQLite frees its pages and zeroes them, and zeroes its root page) leaves
// nothing. `round` is the round's key (rounds/types.ts refKey: ballot-<id>, assessment-<id>). A round
// open at the upgrade keeps its receipts; the voter rows keep only who took part.
export const migration011: Migration = {
  version: 11,
  name: 'round-receipts',
  up: `
    CREATE TABLE round_receipts (
      round TEXT NOT NULL CHECK (round GLOB 'ballot-[0-9]*' OR round GLOB 'assessment-[0-9]*'),
      member_id INTEGER NOT NULL,
      receipt BLOB NOT NULL,
      PRIMARY KEY (round, member_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO round_receipts (round, member_id, receipt)
      SELECT 'ballot-' || ballot_id, member_id, receipt FROM secret_voters WHERE receipt IS NOT NULL;
    INSERT INTO round_receipts (round, member_id, receipt)
      SELECT 'assessment-' || assessment_id, member_id, receipt FROM assessment_voters WHERE receipt IS NOT NULL;
    ALTER TABLE secret_voters DROP COLUMN receipt;
    ALTER TABLE assessment_voters DROP COLUMN receipt;
  `,
};
