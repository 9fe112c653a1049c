// What a change in the live session touched. The engine names the parts it changed; the WebSocket hub
// (and the Electron console bridge) rebuild and send only the views those parts affect.
export const CHANGE_PARTS = [
  'session', // opened, closed, business started: every view
  'attendance', // sign-in, leave, departure: every view (quorum, eligibility)
  'agenda', // the current item, or items/persons/documents edited: every view
  'round', // a ballot, assessment or project ballot created, opened, closed, announced: every view
  'progress', // presses or sheets committed: the screens' counts only
  'terminals', // pairing, revocation, seat codes: the console only
  'remarks', // review remarks: the console (and the member who wrote one)
  'register', // review opinions and their handling reports: the console only
  'speakers', // the speaker queue: the console and the terminals
  'backups', // a backup asked for, being written, written or failed: the console only
] as const;
export type ChangePart = (typeof CHANGE_PARTS)[number];
