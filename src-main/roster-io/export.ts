// A list as an XLSX workbook with the same Chinese headers the import reads, so that exporting and
// importing again gives the same data. With an empty list it doubles as the blank template.
import type { FilePayload } from '../shared/file-payload';
import { attendees, officials } from '../store/directory';
import { listMembers } from '../store/members';
import type { Store } from '../store/store';
import type { Cell } from './decode';
import type { NameOrder } from '../domain/strokes';
import { orderPeople } from '../people/name-order';
import { KIND_SPECS, type ImportKind } from './specs';
import { writeXlsx } from './xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Members in office, or active attendees/officials, in list order or by surname strokes (members within their posts). */
function exportCells(store: Store, kind: ImportKind, order: NameOrder): Cell[][] {
  const byName = { name: (x: { name: string }) => x.name };
  switch (kind) {
    case 'members':
      return orderPeople(listMembers(store), order, byName.name, (m) => m.role).map((m) => KIND_SPECS.members.cells(m));
    case 'attendees':
      return orderPeople(attendees.list(store), order, byName.name).map((a) => KIND_SPECS.attendees.cells(a));
    case 'officials':
      return orderPeople(officials.list(store), order, byName.name).map((o) => KIND_SPECS.officials.cells(o));
  }
}

export async function exportListXlsx(store: Store, kind: ImportKind, order: NameOrder = 'list'): Promise<FilePayload> {
  const spec = KIND_SPECS[kind];
  const bytes = await writeXlsx(spec.sheetName, spec.columns, exportCells(store, kind, order));
  return { fileName: spec.fileName, mime: XLSX_MIME, base64: bytes.toString('base64') };
}
