// Roster, attendee and official import/export. The work is in roster-io/; these only validate the
// input and hand the decoded bytes over.
import { z } from 'zod';
import { exportListXlsx } from '../../roster-io/export';
import { commitImport, previewImport } from '../../roster-io/preview';
import { IMPORT_KINDS } from '../../roster-io/specs';
import { NAME_ORDERS } from '../../domain/strokes';
import { base64, command, fileName, isoDate } from '../command';

const kind = z.enum(IMPORT_KINDS);

const fileInput = z.object({
  kind,
  fileName,
  data: base64,
  /** Changes the secretary confirmed (an emptied cell, restoring a deactivated entry): `${row}:${field}`. */
  confirm: z.array(z.string().regex(/^\d+:\w+$/, '确认项格式有误')).max(100000).default([]),
  /** Current entries the file lacks that are to retire (members, with a date) or be deactivated. */
  retire: z.array(z.object({ id: z.number().int().positive(), date: isoDate.nullable().default(null) })).max(5000).default([]),
});

export const importCommands = {
  /** Reads and checks a file: each row as 新增 / 更新 (field by field) / 不变, the entries it lacks, every error; changes nothing. */
  'import.preview': command({
    access: ['admin'],
    input: fileInput,
    run: ({ store }, i) => previewImport(store, i.kind, i.fileName, Buffer.from(i.data, 'base64'), i),
  }),
  /** Checks and plans again and applies the plan, or nothing (IMPORT_INVALID with the errors in details; CONFLICT when planId no longer matches). */
  'import.commit': command({
    access: ['admin'],
    input: fileInput.extend({ planId: z.string().max(64).optional() }),
    run: ({ store, who }, i) => commitImport(store, who, i.kind, i.fileName, Buffer.from(i.data, 'base64'), i, i.planId),
  }),
  /** The list as XLSX with the import's headers (an empty list gives the blank template). */
  'export.xlsx': command({
    access: ['admin'],
    input: z.object({ kind, order: z.enum(NAME_ORDERS).default('list') }),
    run: ({ store }, { kind, order }) => exportListXlsx(store, kind, order),
  }),
};
