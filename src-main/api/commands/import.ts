// Roster, attendee and official import/export. The work is in roster-io/; these only validate the
// input and hand the decoded bytes over.
import { z } from 'zod';
import { exportListXlsx } from '../../roster-io/export';
import { commitImport, previewImport } from '../../roster-io/preview';
import { IMPORT_KINDS } from '../../roster-io/specs';
import { base64, command } from '../command';

const kind = z.enum(IMPORT_KINDS, { message: '名单类型应为 members（组成人员）、attendees（列席人员）或 officials（述职人员）' });

const fileInput = z.object({
  kind,
  fileName: z.string().trim().min(1, '文件名不能为空').max(255),
  data: base64,
});

export const importCommands = {
  /** Reads and checks a file: every row as it would be imported, every error; changes nothing. */
  'import.preview': command({
    access: ['admin'],
    input: fileInput,
    run: ({ store }, i) => previewImport(store, i.kind, i.fileName, Buffer.from(i.data, 'base64')),
  }),
  /** Checks again and imports all rows, or nothing (IMPORT_INVALID with the errors in details). */
  'import.commit': command({
    access: ['admin'],
    input: fileInput,
    run: ({ store, who }, i) => commitImport(store, who, i.kind, i.fileName, Buffer.from(i.data, 'base64')),
  }),
  /** The list as XLSX with the import's headers (an empty list gives the blank template). */
  'export.xlsx': command({
    access: ['admin'],
    input: z.object({ kind }),
    run: ({ store }, { kind }) => exportListXlsx(store, kind),
  }),
};
