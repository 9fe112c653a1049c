import type { Migration } from './index';

// Before migration 011 a closed round's receipts were erased row by row (the voter rows' receipt set
// to NULL), which left now and then an old receipt in the unused space of a page SQLite had rebuilt
// while the round was open. secure_delete zeroes deleted cells and freed pages, not that space, and
// migration 011's DROP COLUMN rewrote the rows but kept those pages: a file upgraded from version 10
// still held such receipts (sealed, under keys destroyed long since, but bytes of a round's presses
// all the same) until a VACUUM. This step changes no table; the file is rebuilt once, page by page,
// after it (`vacuumAfter`), and the WAL truncated. Backups written before the upgrade are left as the
// office keeps them.
export const migration014: Migration = {
  version: 14,
  name: 'vacuum-old-receipts',
  up: '',
  vacuumAfter: true,
};
