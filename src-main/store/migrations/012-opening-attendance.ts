import type { Migration } from './index';

// The attendance the chair announced when business began (开始会议议程: "应出席常委会组成人员33人，实到29人，
// 请假2人…"), kept with the session: the chair's script and the session record print it, whatever the
// live count is by the time they are printed (members leave and arrive during the session). NULL for a
// session whose business has not begun, or began before this version (those print the live figure).
export const migration012: Migration = {
  version: 12,
  name: 'opening-attendance',
  up: `
    ALTER TABLE session_live ADD COLUMN opening_present INTEGER CHECK (opening_present >= 0);
    ALTER TABLE session_live ADD COLUMN opening_on_leave INTEGER CHECK (opening_on_leave >= 0);
  `,
};
