// Roster, attendee and official import/export commands (filled in by the import work).
export const importCommands = {};
