// A list as an XLSX workbook with the same Chinese headers the import reads, so that exporting and
// importing again gives the same data. With an empty list it doubles as the blank template.
import type { FilePayload } from '../shared/file-payload';
import { attendees, officials } from '../store/directory';
import { listMembers } from '../store/members';
import type { Store } from '../store/store';
import type { Cell } from './decode';
import { KIND_SPECS, type ImportKind } from './specs';
import { writeXlsx } from './xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Members in office, or active attendees/officials, in list order. */
function exportCells(store: Store, kind: ImportKind): Cell[][] {
  switch (kind) {
    case 'members':
      return listMembers(store).map((m) => KIND_SPECS.members.cells(m));
    case 'attendees':
      return attendees.list(store).map((a) => KIND_SPECS.attendees.cells(a));
    case 'officials':
      return officials.list(store).map((o) => KIND_SPECS.officials.cells(o));
  }
}

export async function exportListXlsx(store: Store, kind: ImportKind): Promise<FilePayload> {
  const spec = KIND_SPECS[kind];
  const bytes = await writeXlsx(spec.sheetName, spec.columns, exportCells(store, kind));
  return { fileName: spec.fileName, mime: XLSX_MIME, base64: bytes.toString('base64') };
}
