import { z } from 'zod';
import { verifyAuditLog } from '../../store/audit';
import { createBackup, listBackups } from '../../store/backup';
import { DB_FILE_NAME } from '../../store/db';
import { documentFontsInUse } from '../../documents/fonts';
import { command } from '../command';
import path from 'node:path';

export const APP_VERSION = '0.1.0';

export const systemCommands = {
  'system.info': command({
    access: ['admin'],
    input: z.object({}),
    run: ({ store }) => ({
      version: APP_VERSION,
      dataDir: store.dataDir,
      databaseFile: path.join(store.dataDir, DB_FILE_NAME),
      auditEntries: (store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
      /** The integrity check of the file: 'checking' just after the start, then 'ok' or what is damaged. */
      integrity: store.integrity,
      /** The fonts formal documents are printed with: official ones where installed, else bundled. */
      fonts: documentFontsInUse(),
      /** The automatic backups waiting for a quiet room, those being written, and the last failure. */
      backup: store.backups.status,
    }),
  }),
  'system.backup': command({
    access: ['admin'],
    input: z.object({}),
    run: ({ store, who }) => createBackup(store, who, '手动备份'),
  }),
  'system.backups': command({ access: ['admin'], input: z.object({}), run: ({ store }) => listBackups(store.dataDir) }),
  'system.verifyAudit': command({ access: ['admin'], input: z.object({}), run: ({ store }) => verifyAuditLog(store.db) }),
};
