// Importing and exporting the roster, attendees and officials: the shared fixtures in every encoding,
// XLSX round trips, and the command layer (preview changes nothing; commit is all-or-nothing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { anyCommandTable } from '../../src-main/api/commands';
import { createDispatcher } from '../../src-main/api/dispatch';
import type { FilePayload } from '../../src-main/api/command';
import type { Member } from '../../src-main/domain/people';
import { parseRosterFile } from '../../src-main/roster-io/parse';
import type { ImportPreview } from '../../src-main/roster-io/preview';
import { Store } from '../../src-main/store/store';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));
const ADMIN = { kind: 'admin', source: 'test' } as const;

const opened: { store: Store; dir: string }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.store.close();
    fs.rmSync(o.dir, { recursive: true, force: true });
  }
});

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-import-'));
  const store = Store.open(dir);
  opened.push({ store, dir });
  const dispatch = createDispatcher(anyCommandTable, store, {});
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(name, input, ADMIN);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const file = (kind: string, fileName: string, bytes: Buffer) => ({ kind, fileName, data: bytes.toString('base64') });
  const members = () => (store.db.prepare('SELECT * FROM members ORDER BY id').all() as Record<string, unknown>[]).map(({ id: _id, ...rest }) => rest);
  return { store, dispatch, call, file, members };
}

/** Fields of the member list without the database ids. */
const withoutIds = (list: Member[]) => list.map(({ id: _id, ...f }) => f);

describe('the shared fixtures', () => {
  it('roster.csv (UTF-8 with BOM) and roster-gbk.csv (GBK) give the same 33 members', async () => {
    const utf8 = await parseRosterFile('members', 'roster.csv', fixture('roster.csv'));
    const gbk = await parseRosterFile('members', 'roster-gbk.csv', fixture('roster-gbk.csv'));
    expect(utf8.errors).toEqual([]);
    expect(gbk.errors).toEqual([]);
    expect(utf8.format).toBe('csv-utf8-bom');
    expect(gbk.format).toBe('csv-gbk');
    expect(utf8.rows).toHaveLength(33);
    expect(gbk.rows).toEqual(utf8.rows);
    expect(utf8.rows[0]).toEqual({
      row: 2,
      sort: 1,
      name: '邱东竹',
      gender: '男',
      role: '主任',
      seat: 1,
      inOfficeFrom: null,
      inOfficeTo: null,
      note: '',
    });
    expect(utf8.rows.find((r) => r.name === '林涛健')).toMatchObject({ row: 32, sort: 31, seat: 31, note: '请假', role: '委员' });
    const roles = utf8.rows.map((r) => r.role);
    expect([roles.filter((r) => r === '主任').length, roles.filter((r) => r === '副主任').length]).toEqual([1, 4]);
    expect([roles.filter((r) => r === '秘书长').length, roles.filter((r) => r === '委员').length]).toEqual([1, 27]);
  });

  it('the same roster without BOM, with LF line ends, as UTF-16 and as GB18030 reads the same', async () => {
    const base = await parseRosterFile('members', 'roster.csv', fixture('roster.csv'));
    const text = fixture('roster.csv').toString('utf8').replace(/^\ufeff/, '');
    const variants: [string, Buffer, string][] = [
      ['utf8-no-bom.csv', Buffer.from(text, 'utf8'), 'csv-utf8'],
      ['lf.csv', Buffer.from(text.replace(/\r\n/g, '\n'), 'utf8'), 'csv-utf8'],
      ['utf16le-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'csv-utf16'],
      ['utf16le-nobom.csv', Buffer.from(text, 'utf16le'), 'csv-utf16'],
      ['utf16be-bom.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'csv-utf16'],
    ];
    for (const [name, bytes, format] of variants) {
      const p = await parseRosterFile('members', name, bytes);
      expect({ name, errors: p.errors, format: p.format }).toEqual({ name, errors: [], format });
      expect(p.rows).toEqual(base.rows);
    }
  });

  it('importing roster.csv and then roster-gbk.csv leaves 33 members, not 66', async () => {
    const { call, file, members, store } = setup();
    const first = await call<{ added: number; updated: number }>('import.commit', file('members', 'roster.csv', fixture('roster.csv')));
    expect(first).toEqual({ added: 33, updated: 0, unchanged: 0, retired: 0 });
    const afterFirst = members();
    const second = await call<{ added: number; updated: number }>('import.commit', file('members', 'roster-gbk.csv', fixture('roster-gbk.csv')));
    expect(second).toEqual({ added: 0, updated: 0, unchanged: 33, retired: 0 }); // same people, same data: 不变
    expect(members()).toEqual(afterFirst);
    expect(afterFirst).toHaveLength(33);
    const parsed = await parseRosterFile('members', 'roster.csv', fixture('roster.csv'));
    const listed = await call<Member[]>('members.list', {});
    expect(withoutIds(listed)).toEqual(parsed.rows.map(({ row: _row, ...f }) => f));
    const log = store.db.prepare("SELECT data FROM audit_log WHERE action = 'members.import' ORDER BY seq").all() as { data: string }[];
    expect(log.map((l) => JSON.parse(l.data))).toMatchObject([
      { fileName: 'roster.csv', format: 'csv-utf8-bom', added: 33, updated: 0 },
      { fileName: 'roster-gbk.csv', format: 'csv-gbk', added: 0, updated: 0, unchanged: 33 },
    ]);
  });

  it('attendees.csv gives 7 attendees and officials.csv 35 officials with their categories', async () => {
    const { call, file, store } = setup();
    expect(await call('import.commit', file('attendees', 'attendees.csv', fixture('attendees.csv')))).toEqual({ added: 7, updated: 0, unchanged: 0, retired: 0 });
    expect(await call('import.commit', file('officials', 'officials.csv', fixture('officials.csv')))).toEqual({ added: 35, updated: 0, unchanged: 0, retired: 0 });
    const a = store.db.prepare('SELECT sort, name, unit, title FROM attendees ORDER BY sort').all();
    expect(a).toHaveLength(7);
    expect(a[2]).toEqual({ sort: 3, name: '范建芳', unit: '示例区人民法院', title: '院长' });
    const cats = store.db.prepare('SELECT category, count(*) AS n FROM officials GROUP BY category ORDER BY n DESC').all();
    expect(cats).toEqual([
      { category: '政府工作部门负责人', n: 26 },
      { category: '法院', n: 5 },
      { category: '检察院', n: 4 },
    ]);
    expect(store.db.prepare('SELECT sort, name, unit, post, category FROM officials WHERE sort = 27').get()).toEqual({
      sort: 27,
      name: '顾文',
      unit: '示例区人民法院',
      post: '副院长',
      category: '法院',
    });
    // Importing the same file again matches everyone (same name and unit): nothing added, nothing to change.
    expect(await call('import.commit', file('officials', 'officials.csv', fixture('officials.csv')))).toEqual({ added: 0, updated: 0, unchanged: 35, retired: 0 });
    expect(store.db.prepare('SELECT count(*) AS n FROM officials').get()).toEqual({ n: 35 });
  });
});

describe('retirement dates in the roster', () => {
  it('retires a listed member, gives the freed seat to a newcomer, and keeps a former member with an old seat number', async () => {
    const { call, file, store } = setup();
    await call('import.commit', file('members', 'roster.csv', fixture('roster.csv')));
    const csv = '姓名,职务,座位号,任职日期,离任日期\r\n谭云,副主任,5,2021-09-28,2026-01-01\r\n新副主任,副主任,5,2026-01-01,\r\n老委员,委员,7,2016-09-28,2020-06-30\r\n';
    const bytes = Buffer.from(csv, 'utf8');
    const p = await call<ImportPreview<'members'>>('import.preview', file('members', 'r.csv', bytes));
    expect([p.errors, p.toAdd, p.toUpdate]).toEqual([[], 2, 1]);
    expect(await call('import.commit', file('members', 'r.csv', bytes))).toEqual({ added: 2, updated: 1, unchanged: 0, retired: 0 });
    const current = await call<Member[]>('members.list', {});
    expect(current).toHaveLength(33);
    expect(current.find((m) => m.seat === 5)?.name).toBe('新副主任');
    expect(current.find((m) => m.seat === 7)?.name).toBe('郭志');
    expect(store.db.prepare('SELECT name, seat, in_office_to FROM members WHERE in_office_to IS NOT NULL ORDER BY name').all()).toEqual([
      { name: '老委员', seat: 7, in_office_to: '2020-06-30' },
      { name: '谭云', seat: 5, in_office_to: '2026-01-01' },
    ]);
  });
});

describe('import.preview', () => {
  it('shows rows and what would be added or updated, and changes nothing', async () => {
    const { call, file, store } = setup();
    const count = () => store.db.prepare('SELECT (SELECT count(*) FROM members) AS m, (SELECT count(*) FROM audit_log) AS a').get();
    const before = count();
    const p = await call<ImportPreview<'members'>>('import.preview', file('members', 'roster-gbk.csv', fixture('roster-gbk.csv')));
    expect(p).toMatchObject({ kind: 'members', fileName: 'roster-gbk.csv', format: 'csv-gbk', errors: [], toAdd: 33, toUpdate: 0 });
    expect(p.rows).toHaveLength(33);
    expect(count()).toEqual(before);

    await call('import.commit', file('members', 'roster.csv', fixture('roster.csv')));
    const again = await call<ImportPreview<'members'>>('import.preview', file('members', 'roster.csv', fixture('roster.csv')));
    expect([again.toAdd, again.toUpdate, again.unchanged]).toEqual([0, 0, 33]);
    expect(again.rows.every((r) => r.action === 'same' && r.matchId !== null)).toBe(true);
  });

  it('refuses an unknown list kind and a body that is not base64', async () => {
    const { dispatch } = setup();
    const kind = await dispatch('import.preview', { kind: 'voters', fileName: 'a.csv', data: '' }, ADMIN);
    expect(kind).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!kind.ok && kind.error.message).toBe('输入有误：名单类型：应为以下之一：组成人员、列席人员、述职人员');
    const data = await dispatch('import.commit', { kind: 'members', fileName: 'a.csv', data: '不是base64' }, ADMIN);
    expect(data).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!data.ok && data.error.message).toContain('文件内容不是有效的 base64 编码');
  });

  it('is for the console only', async () => {
    const { dispatch, file } = setup();
    const r = await dispatch('import.preview', file('members', 'roster.csv', fixture('roster.csv')), { kind: 'display', source: 'test' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

async function workbookFromPayload(p: FilePayload): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(p.base64, 'base64') as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb.worksheets[0]!;
}

describe('export.xlsx', () => {
  it('exports the roster with the import headers and imports back into a fresh store unchanged', async () => {
    const a = setup();
    await a.call('import.commit', a.file('members', 'roster.csv', fixture('roster.csv')));
    // Dates and a retirement-free edit, so that every column takes part in the round trip.
    a.store.db.prepare("UPDATE members SET in_office_from = '2021-09-28' WHERE seat <= 6").run();
    const exported = await a.call<FilePayload>('export.xlsx', { kind: 'members' });
    expect(exported.fileName).toBe('组成人员名单.xlsx');
    expect(exported.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await workbookFromPayload(exported);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '姓名', '性别', '职务', '座位号', '备注', '任职日期', '离任日期']);
    expect(sheet.getRow(2).getCell(7).value).toBeInstanceOf(Date);

    const b = setup();
    const p = await b.call<ImportPreview<'members'>>('import.preview', b.file('members', exported.fileName, Buffer.from(exported.base64, 'base64')));
    expect(p).toMatchObject({ format: 'xlsx', errors: [], toAdd: 33 });
    expect(await b.call('import.commit', b.file('members', exported.fileName, Buffer.from(exported.base64, 'base64')))).toEqual({ added: 33, updated: 0, unchanged: 0, retired: 0 });
    expect(b.members()).toEqual(a.members());
    expect(b.members().filter((m) => m.in_office_from === '2021-09-28')).toHaveLength(6);
  });

  it('round-trips attendees and officials, and an empty list gives the blank template', async () => {
    const a = setup();
    const b = setup();
    for (const [kind, name] of [
      ['attendees', 'attendees.csv'],
      ['officials', 'officials.csv'],
    ] as const) {
      await a.call('import.commit', a.file(kind, name, fixture(name)));
      const x = await a.call<FilePayload>('export.xlsx', { kind });
      await b.call('import.commit', b.file(kind, x.fileName, Buffer.from(x.base64, 'base64')));
      const rows = (s: Store) => s.db.prepare(`SELECT * FROM ${kind} ORDER BY id`).all();
      expect(rows(b.store)).toEqual(rows(a.store));
    }
    const empty = setup();
    const template = await empty.call<FilePayload>('export.xlsx', { kind: 'officials' });
    expect(template.fileName).toBe('述职人员名单.xlsx');
    const sheet = await workbookFromPayload(template);
    expect(sheet.actualRowCount).toBe(1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '姓名', '单位', '职务', '类别']);
  });
});

describe('a hand-made XLSX', () => {
  it('imports with a title row, columns in another order, number and date cells, blank rows and padded names', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    wb.addWorksheet('说明').addRow(['这张表不会被读取']);
    ws.addRow(['示例区人大常委会组成人员名单']);
    ws.mergeCells('A1:G1');
    ws.addRow(['座位号', '姓 名', '职务', '性别', '任职日期', '备注', '联系电话']);
    ws.addRow([3, '王　芳', '副主任', '女', new Date(Date.UTC(2021, 8, 28)), '', '13800000000']);
    ws.addRow([]);
    ws.addRow([1, { richText: [{ text: '李' }, { text: '建国' }] }, '主任', '男', '2021/9/28', '召集人', null]);
    ws.addRow([null, '赵强', '委员', null, 44467, null, null]); // 44467 is Excel's serial for 2021-09-28
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const { call, file, store } = setup();
    const p = await call<ImportPreview<'members'>>('import.preview', file('members', '名单.xlsx', bytes));
    expect(p.errors).toEqual([]);
    expect(p.format).toBe('xlsx');
    expect(p.valid).toEqual([
      { row: 3, sort: 1, name: '王芳', gender: '女', role: '副主任', seat: 3, inOfficeFrom: '2021-09-28', inOfficeTo: null, note: '' },
      { row: 5, sort: 2, name: '李建国', gender: '男', role: '主任', seat: 1, inOfficeFrom: '2021-09-28', inOfficeTo: null, note: '召集人' },
      { row: 6, sort: 3, name: '赵强', gender: '', role: '委员', seat: null, inOfficeFrom: '2021-09-28', inOfficeTo: null, note: '' },
    ]);
    expect(await call('import.commit', file('members', '名单.xlsx', bytes))).toEqual({ added: 3, updated: 0, unchanged: 0, retired: 0 });
    expect(store.db.prepare('SELECT name, role, seat, in_office_from FROM members ORDER BY sort').all()).toEqual([
      { name: '王芳', role: '副主任', seat: 3, in_office_from: '2021-09-28' },
      { name: '李建国', role: '主任', seat: 1, in_office_from: '2021-09-28' },
      { name: '赵强', role: '委员', seat: null, in_office_from: '2021-09-28' },
    ]);
  });
});
