import type { Migration } from './index';

// A paper ballot's sheets as the secretary counted them (domain/paper-ballot.ts): handed out (发出),
// handed back (收回) and invalid (无效票), kept with its result and printed with it. NULL for keypads and
// show of hands, and for a paper result entered before this version (it had only the three counts).
export const migration013: Migration = {
  version: 13,
  name: 'paper-ballot-sheets',
  up: `
    ALTER TABLE ballots ADD COLUMN sheets_issued INTEGER CHECK (sheets_issued >= 0);
    ALTER TABLE ballots ADD COLUMN sheets_returned INTEGER CHECK (sheets_returned >= 0);
    ALTER TABLE ballots ADD COLUMN sheets_invalid INTEGER CHECK (sheets_invalid >= 0);
  `,
};
