// How many automatic backups are kept (store/backup.ts removes older ones; the console's 备份 panel
// says so). Each holds everything before it; backups made by hand are all kept.
export const AUTOMATIC_BACKUPS_KEPT = 20;
