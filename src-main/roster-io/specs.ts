// What each list looks like as a spreadsheet: its Chinese headers, how one row becomes fields (with
// a reason for every bad cell), and how fields become cells again for export.
import { MEMBER_ROLES, nameProblem, type AttendeeFields, type Gender, type MemberFields, type MemberRole, type OfficialFields } from '../domain/people';
import { textProblem } from '../domain/text';
import { printProblem } from '../documents/coverage';
import { cellText, dateCell, parseDate, parseInteger, personName } from './cells';
import type { Cell } from './decode';
import type { XlsxColumn } from './xlsx';

export const IMPORT_KINDS = ['members', 'attendees', 'officials'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface FieldsByKind {
  members: MemberFields;
  attendees: AttendeeFields;
  officials: OfficialFields;
}

export interface ColumnSpec extends XlsxColumn {
  required?: boolean;
  /** The field the column fills (compared field by field on a re-import). */
  field: string;
}

/** Reads the cell under a header ('' when the file has no such column). */
export type CellAt = (header: string) => Cell;
/** Records a problem with one cell of the current row. */
export type Complain = (column: string, reason: string) => void;

export interface KindSpec<F> {
  /** "组成人员" — used in messages. */
  label: string;
  fileName: string;
  sheetName: string;
  /** In export order. */
  columns: ColumnSpec[];
  /** One data row -> fields; `sort` is the row's position, used when 序号 is empty. */
  read(cell: CellAt, sort: number, bad: Complain): F;
  /** Two rows with the same key are the same person; the message names the other row. */
  duplicate(f: F): { key: string; column: string; reason: (otherRow: number) => string };
  cells(f: F): Cell[];
}

const MAX_SORT = 100000;
const MAX_SEAT = 100000;

/** A text cell under the text rule of what users type (domain/text.ts); 备注 may hold line breaks. */
function text(cell: CellAt, header: string, max: number, bad: Complain, lines: 'one line' | 'lines' = 'one line'): string {
  const t = cellText(cell(header));
  if (t.length > max) bad(header, `${header}超过${max}个字（现有${t.length}个字）`);
  else if (textProblem(t, lines)) bad(header, `${header}${textProblem(t, lines)!}`);
  return t;
}

function readName(cell: CellAt, bad: Complain): string {
  const name = personName(cell('姓名'));
  if (name === '') bad('姓名', '姓名不能为空');
  else if (name.length > 50) bad('姓名', `姓名超过50个字（现有${name.length}个字）`);
  else {
    const problem = nameProblem(name) ?? printProblem(name);
    if (problem) bad('姓名', problem);
  }
  return name;
}

function readSort(cell: CellAt, position: number, bad: Complain): number {
  const raw = cell('序号');
  if (cellText(raw) === '') return position;
  const n = parseInteger(raw, 0, MAX_SORT);
  if (!n.ok) bad('序号', `序号“${cellText(raw)}”应为不大于${MAX_SORT}的非负整数（也可留空，按行的顺序排列）`);
  return n.ok ? n.value : position;
}

function readDate(cell: CellAt, header: string, bad: Complain): string | null {
  const raw = cell(header);
  const d = parseDate(raw);
  if (!d.ok) bad(header, `${header}“${cellText(raw)}”不是有效日期（应为 YYYY-MM-DD，如 2026-09-22）`);
  return d.ok ? d.value : null;
}

const GENDER_WORDS: ReadonlyMap<string, Gender> = new Map([
  ['男', '男'],
  ['女', '女'],
  ['男性', '男'],
  ['女性', '女'],
]);

const members: KindSpec<MemberFields> = {
  label: '组成人员',
  fileName: '组成人员名单.xlsx',
  sheetName: '组成人员',
  columns: [
    { header: '序号', field: 'sort', width: 8 },
    { header: '姓名', field: 'name', width: 12, required: true },
    { header: '性别', field: 'gender', width: 8 },
    { header: '职务', field: 'role', width: 12, required: true },
    { header: '座位号', field: 'seat', width: 10 },
    { header: '备注', field: 'note', width: 24 },
    { header: '任职日期', field: 'inOfficeFrom', width: 14, date: true },
    { header: '离任日期', field: 'inOfficeTo', width: 14, date: true },
  ],
  read(cell, position, bad) {
    const sort = readSort(cell, position, bad);
    const name = readName(cell, bad);

    const genderText = cellText(cell('性别'));
    const gender = genderText === '' ? '' : GENDER_WORDS.get(genderText);
    if (gender === undefined) bad('性别', `性别“${genderText}”应为男或女（也可留空）`);

    const roleText = cellText(cell('职务')).replace(/[\s\u3000]+/g, '');
    const role = (MEMBER_ROLES as readonly string[]).includes(roleText) ? (roleText as MemberRole) : null;
    if (roleText === '') bad('职务', '职务不能为空（应为主任、副主任、秘书长或委员）');
    else if (!role) bad('职务', `职务“${roleText}”不是主任、副主任、秘书长或委员`);

    const seatRaw = cell('座位号');
    let seat: number | null = null;
    if (cellText(seatRaw) !== '') {
      const n = parseInteger(seatRaw, 1, MAX_SEAT);
      if (n.ok) seat = n.value;
      else bad('座位号', `座位号“${cellText(seatRaw)}”应为正整数`);
    }

    const note = text(cell, '备注', 200, bad, 'lines');
    const inOfficeFrom = readDate(cell, '任职日期', bad);
    const inOfficeTo = readDate(cell, '离任日期', bad);
    if (inOfficeFrom && inOfficeTo && inOfficeTo < inOfficeFrom) {
      bad('离任日期', `离任日期${inOfficeTo}早于任职日期${inOfficeFrom}`);
    }
    return { sort, name, gender: gender ?? '', role: role ?? '委员', seat, inOfficeFrom, inOfficeTo, note };
  },
  duplicate: (f) => ({ key: f.name, column: '姓名', reason: (other) => `姓名“${f.name}”与第${other}行重复` }),
  cells: (f) => [f.sort, f.name, f.gender, f.role, f.seat, f.note, dateCell(f.inOfficeFrom), dateCell(f.inOfficeTo)],
};

function unitDuplicate(f: { name: string; unit: string }): ReturnType<KindSpec<AttendeeFields>['duplicate']> {
  return {
    key: `${f.name}\u0000${f.unit}`,
    column: '姓名',
    reason: (other) => (f.unit ? `“${f.name}”（单位“${f.unit}”）与第${other}行重复` : `姓名“${f.name}”与第${other}行重复`),
  };
}

const attendees: KindSpec<AttendeeFields> = {
  label: '列席人员',
  fileName: '列席人员名单.xlsx',
  sheetName: '列席人员',
  columns: [
    { header: '序号', field: 'sort', width: 8 },
    { header: '姓名', field: 'name', width: 12, required: true },
    { header: '单位', field: 'unit', width: 32 },
    { header: '职务', field: 'title', width: 20 },
  ],
  read: (cell, position, bad) => ({
    sort: readSort(cell, position, bad),
    name: readName(cell, bad),
    unit: text(cell, '单位', 100, bad),
    title: text(cell, '职务', 100, bad),
  }),
  duplicate: unitDuplicate,
  cells: (f) => [f.sort, f.name, f.unit, f.title],
};

const officials: KindSpec<OfficialFields> = {
  label: '述职人员',
  fileName: '述职人员名单.xlsx',
  sheetName: '述职人员',
  columns: [
    { header: '序号', field: 'sort', width: 8 },
    { header: '姓名', field: 'name', width: 12, required: true },
    { header: '单位', field: 'unit', width: 32 },
    { header: '职务', field: 'post', width: 20 },
    { header: '类别', field: 'category', width: 24 },
  ],
  read: (cell, position, bad) => ({
    sort: readSort(cell, position, bad),
    name: readName(cell, bad),
    unit: text(cell, '单位', 100, bad),
    post: text(cell, '职务', 100, bad),
    category: text(cell, '类别', 50, bad),
  }),
  duplicate: unitDuplicate,
  cells: (f) => [f.sort, f.name, f.unit, f.post, f.category],
};

export const KIND_SPECS: { [K in ImportKind]: KindSpec<FieldsByKind[K]> } = { members, attendees, officials };

/** Every header any list uses: seeing none of them in a file hints at a wrong encoding. */
export const ALL_HEADERS: ReadonlySet<string> = new Set(Object.values(KIND_SPECS).flatMap((s) => s.columns.map((c) => c.header)));
