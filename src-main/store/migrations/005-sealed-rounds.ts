import type Database from 'better-sqlite3';
import type { Migration } from './index';

// Secret at every moment (issue 8): while a secret ballot, a satisfaction assessment or a project
// ballot is open, the file holds only sealed receipts (AES-GCM under the round's key, which is itself
// sealed by the key store and kept beside the database, never in it). No plaintext count is kept:
// the anonymous counters go (secret_counts, assessment_counts, assessment_sheets), the result is
// tallied from the receipts at close and only the totals are stored. The press sequence and terminal
// of a secret press move inside its receipt, so a voter row holds only who, and while open a receipt.
// Closed rounds keep their totals in ballots / assessments.result, so nothing of theirs is lost.
export const migration005: Migration = {
  version: 5,
  name: 'sealed-rounds',
  precheck: openSealedRound,
  up: `
    DROP TABLE secret_counts;
    DROP TABLE assessment_counts;
    DROP TABLE assessment_sheets;
    ALTER TABLE secret_voters DROP COLUMN press_seq;
    ALTER TABLE secret_voters DROP COLUMN press_terminal;
    UPDATE secret_voters SET receipt = NULL WHERE receipt IS NOT NULL;
    ALTER TABLE assessment_voters ADD COLUMN receipt BLOB;
  `,
};

/** A round open in the old format cannot be carried over: its counters would be lost. */
function openSealedRound(db: Database.Database): string | null {
  const ballot = db.prepare("SELECT subject FROM ballots WHERE state = 'open' AND secret = 1 AND method = 'electronic' LIMIT 1").get() as { subject: string } | undefined;
  const sheet = db.prepare("SELECT title FROM assessments WHERE state = 'open' AND method = 'electronic' LIMIT 1").get() as { title: string } | undefined;
  const open = ballot?.subject ?? sheet?.title;
  return open ? `“${open}”正在进行，请先用原版本结束后再升级本程序（升级会改变无记名表决和测评的保存方式）` : null;
}
