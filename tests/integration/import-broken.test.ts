// Broken spreadsheets: every one must give the right row, column and reason, and change nothing
// (members, attendees, officials and the audit log are compared before and after).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { anyCommandTable } from '../../src-main/api/commands';
import { createDispatcher } from '../../src-main/api/dispatch';
import { MAX_XLSX_INFLATED_BYTES } from '../../src-main/roster-io/decode';
import { ENCODING_HINT, parseRosterFile, type RowError } from '../../src-main/roster-io/parse';
import { Store } from '../../src-main/store/store';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const ROSTER = fs.readFileSync(path.join(FIXTURES, 'roster.csv'), 'utf8').replace(/^\ufeff/, '');
const ADMIN = { kind: 'admin', source: 'test' } as const;

/** The roster's CSV lines (header first) with `edit` applied to the cells of each line. */
function roster(edit: (cells: string[], line: number) => string[] | null = (c) => c): Buffer {
  const lines = ROSTER.split('\r\n').filter((l) => l !== '');
  const out = lines.map((l, i) => edit(l.split(','), i)).filter((c): c is string[] => c !== null);
  return Buffer.from(`\ufeff${out.map((c) => c.join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** Changes one column (by header) on the lines given (line 0 is the header = spreadsheet row 1). */
const setCell = (column: number, at: Record<number, string>) => (cells: string[], line: number) =>
  line in at ? cells.map((c, i) => (i === column ? at[line]! : c)) : cells;
const NAME = 1;
const ROLE = 3;
const SEAT = 4;

const opened: { store: Store; dir: string }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.store.close();
    fs.rmSync(o.dir, { recursive: true, force: true });
  }
});

/** A store that already holds the roster, the attendees and the officials. */
async function populated() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-import-broken-'));
  const store = Store.open(dir);
  opened.push({ store, dir });
  const dispatch = createDispatcher(anyCommandTable, store, {});
  const file = (kind: string, fileName: string, bytes: Buffer) => ({ kind, fileName, data: bytes.toString('base64') });
  for (const [kind, name] of [
    ['members', 'roster.csv'],
    ['attendees', 'attendees.csv'],
    ['officials', 'officials.csv'],
  ]) {
    const r = await dispatch('import.commit', file(kind!, name!, fs.readFileSync(path.join(FIXTURES, name!))), ADMIN);
    expect(r.ok).toBe(true);
  }
  const snapshot = () => ({
    members: store.db.prepare('SELECT * FROM members ORDER BY id').all(),
    attendees: store.db.prepare('SELECT * FROM attendees ORDER BY id').all(),
    officials: store.db.prepare('SELECT * FROM officials ORDER BY id').all(),
    audit: (store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  });
  return { store, dispatch, file, snapshot };
}

/**
 * Preview reports exactly `expected`; commit fails with IMPORT_INVALID, the errors in details, a
 * message that starts with the summary, and the database is exactly as before.
 */
async function expectRefused(kind: 'members' | 'attendees' | 'officials', fileName: string, bytes: Buffer, expected: RowError[]) {
  const parsed = await parseRosterFile(kind, fileName, bytes);
  expect(parsed.errors).toEqual(expected);
  expect(parsed.rows.length).toBeLessThan(34);

  const { dispatch, file, snapshot } = await populated();
  const before = snapshot();
  const preview = await dispatch('import.preview', file(kind, fileName, bytes), ADMIN);
  if (preview.ok) expect((preview.value as { errors: RowError[] }).errors).toEqual(expected);
  else expect(preview.error).toMatchObject({ code: 'IMPORT_INVALID', details: expected });
  const commit = await dispatch('import.commit', file(kind, fileName, bytes), ADMIN);
  expect(commit.ok).toBe(false);
  if (commit.ok) return;
  expect(commit.error.code).toBe('IMPORT_INVALID');
  expect(commit.error.details).toEqual(expected);
  expect(commit.error.message).toMatch(/^导入失败，/);
  expect(commit.error.message).toContain('未导入任何数据');
  expect(snapshot()).toEqual(before);
  return commit.error.message;
}

describe('bad rows and columns', () => {
  it('a missing 职务 column is named on row 1', async () => {
    const bytes = roster((c) => c.filter((_, i) => i !== ROLE));
    const message = await expectRefused('members', 'no-role.csv', bytes, [
      { row: 1, column: '职务', reason: '找不到必需的列“职务”（组成人员名单的表头应为：序号、姓名、性别、职务、座位号、备注）' },
    ]);
    expect(message).toBe('导入失败，共1处错误，未导入任何数据：第1行“职务”：找不到必需的列“职务”（组成人员名单的表头应为：序号、姓名、性别、职务、座位号、备注）');
  });

  it('a duplicate seat names both rows', async () => {
    await expectRefused('members', 'seat.csv', roster(setCell(SEAT, { 10: '5' })), [
      { row: 11, column: '座位号', reason: '座位号5与第6行（谭云）重复' },
    ]);
  });

  it('an empty name and an unknown role are reported with their rows', async () => {
    await expectRefused('members', 'name.csv', roster(setCell(NAME, { 3: '  ' })), [{ row: 4, column: '姓名', reason: '姓名不能为空' }]);
    const message = await expectRefused('members', 'role.csv', roster(setCell(ROLE, { 20: '处长' })), [
      { row: 21, column: '职务', reason: '职务“处长”不是主任、副主任、秘书长或委员' },
    ]);
    expect(message).toBe('导入失败，共1处错误，未导入任何数据：第21行“职务”：职务“处长”不是主任、副主任、秘书长或委员');
  });

  it('reports every bad row at once: gender, seat, dates, duplicate names', async () => {
    const bytes = Buffer.from(
      [
        '序号,姓名,性别,职务,座位号,备注,任职日期,离任日期',
        '1,甲,男,主任,41,,2021-09-28,',
        '2,乙,不详,委员,0,,2021/9/28,',
        '3,丙,女,委员,1.5,,2021-02-30,',
        '',
        '4,甲,男,委员,a,,,2020-01-01',
        'x,丁,,,47,,2022-01-01,2021-12-31',
      ].join('\n'),
    );
    const expected: RowError[] = [
      { row: 3, column: '性别', reason: '性别“不详”应为男或女（也可留空）' },
      { row: 3, column: '座位号', reason: '座位号“0”应为正整数' },
      { row: 4, column: '座位号', reason: '座位号“1.5”应为正整数' },
      { row: 4, column: '任职日期', reason: '任职日期“2021-02-30”不是有效日期（应为 YYYY-MM-DD，如 2026-09-22）' },
      { row: 6, column: '座位号', reason: '座位号“a”应为正整数' },
      { row: 6, column: '姓名', reason: '姓名“甲”与第2行重复' },
      { row: 7, column: '序号', reason: '序号“x”应为不大于100000的非负整数（也可留空，按行的顺序排列）' },
      { row: 7, column: '职务', reason: '职务不能为空（应为主任、副主任、秘书长或委员）' },
      { row: 7, column: '离任日期', reason: '离任日期2021-12-31早于任职日期2022-01-01' },
    ];
    const message = await expectRefused('members', 'many.csv', bytes, expected);
    expect(message).toContain('导入失败，共9处错误，未导入任何数据：第3行“性别”：性别“不详”应为男或女（也可留空）；第3行“座位号”');
  });

  it('a seat held by a current member who is not in the file is refused; seats may move between listed members', async () => {
    const bytes = Buffer.from('姓名,职务,座位号\r\n新委员,委员,5\r\n', 'utf8');
    const { dispatch, file, snapshot } = await populated();
    const before = snapshot();
    const r = await dispatch('import.commit', file('members', 'new.csv', bytes), ADMIN);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_INVALID', details: [{ row: 2, column: '座位号', reason: '座位号5已由现任组成人员谭云使用，而谭云不在本次导入的名单中' }] },
    });
    expect(snapshot()).toEqual(before);

    const swap = Buffer.from('姓名,职务,座位号\r\n谭云,副主任,6\r\n邹鹏文,秘书长,5\r\n新委员,委员,34\r\n', 'utf8');
    expect(await dispatch('import.commit', file('members', 'swap.csv', swap), ADMIN)).toEqual({ ok: true, value: { added: 1, updated: 2, unchanged: 0, retired: 0 } });
    const { store } = opened.at(-1)!;
    expect(store.db.prepare("SELECT name, seat FROM members WHERE name IN ('谭云', '邹鹏文', '新委员') ORDER BY seat").all()).toEqual([
      { name: '邹鹏文', seat: 5 },
      { name: '谭云', seat: 6 },
      { name: '新委员', seat: 34 },
    ]);
  });

  it('one bad row among 33 good ones imports nothing, even into an empty store', async () => {
    const bytes = roster(setCell(ROLE, { 33: '主任委员' }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-import-broken-'));
    const store = Store.open(dir);
    opened.push({ store, dir });
    const r = await createDispatcher(anyCommandTable, store, {})('import.commit', { kind: 'members', fileName: 'r.csv', data: bytes.toString('base64') }, ADMIN);
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID', details: [{ row: 34, column: '职务' }] } });
    expect(store.db.prepare('SELECT (SELECT count(*) FROM members) AS m, (SELECT count(*) FROM audit_log) AS a').get()).toEqual({ m: 0, a: 0 });
  });

  it('names with control or direction characters are refused on their rows, in the file and through the command', async () => {
    const reason = '姓名中含有控制字符、方向控制符或无法识别的字符（常见于从其他软件复制或编码有误的文字），请重新输入姓名';
    const bytes = Buffer.from('\ufeff姓名,职务\r\n丙\u202e丁,委员\r\n甲\u0007,委员\r\n乙\ufffd,委员\r\n', 'utf8');
    await expectRefused('members', 'odd.csv', bytes, [
      { row: 2, column: '姓名', reason },
      { row: 3, column: '姓名', reason },
      { row: 4, column: '姓名', reason },
    ]);
    const { dispatch, snapshot } = await populated();
    const before = snapshot();
    for (const name of ['丙\u202e丁', '\u0007\b\u000b', '\ud800乙']) {
      const member = await dispatch('members.create', { sort: 90, name, gender: '', role: '委员', seat: 90, inOfficeFrom: null, inOfficeTo: null, note: '' }, ADMIN);
      expect(member).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: `输入有误：姓名：${reason}` } });
      const official = await dispatch('officials.create', { sort: 1, name, unit: '区教育局', post: '局长', category: '' }, ADMIN);
      expect(official.ok).toBe(false);
    }
    expect(snapshot()).toEqual(before);
  });

  it('units, posts and notes are under the text rule too: a direction override or a control character is refused on its row; a note keeps its line breaks', async () => {
    const problem = '含有控制字符、方向控制符或无法识别的字符（常见于从其他软件复制或编码有误的文字），请删去这些字符后重新输入';
    await expectRefused('attendees', 'a.csv', Buffer.from('序号,姓名,单位,职务\r\n1,沈勇,示例区\u202e人民政府,副区长\r\n2,李平,示例区人民法院,副院长\u0007\r\n'), [
      { row: 2, column: '单位', reason: `单位${problem}` },
      { row: 3, column: '职务', reason: `职务${problem}` },
    ]);
    const parsed = await parseRosterFile('members', 'n.csv', Buffer.from('姓名,职务,备注\r\n甲,委员,"第一行\n第二行"\r\n'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ name: '甲', note: '第一行\n第二行' });
  });

  it('attendees and officials: missing 姓名 column, duplicates by name and unit', async () => {
    await expectRefused('attendees', 'a.csv', Buffer.from('序号,名字,单位,职务\r\n1,沈勇,示例区人民政府,副区长\r\n'), [
      { row: 1, column: '姓名', reason: '找不到必需的列“姓名”（列席人员名单的表头应为：序号、姓名、单位、职务）' },
    ]);
    await expectRefused('officials', 'o.csv', Buffer.from('姓名,单位,职务,类别\r\n曾杰,教育局,局长,\r\n曾杰,民政局,局长,\r\n曾杰,教育局,副局长,\r\n,教育局,,\r\n'), [
      { row: 4, column: '姓名', reason: '“曾杰”（单位“教育局”）与第2行重复' },
      { row: 5, column: '姓名', reason: '姓名不能为空' },
    ]);
  });

  it('a header without data, and a file of blank lines', async () => {
    await expectRefused('members', 'h.csv', Buffer.from('序号,姓名,性别,职务,座位号,备注\r\n\r\n,,,,,\r\n'), [
      { row: null, column: null, reason: '表格中只有表头，没有任何组成人员' },
    ]);
    await expectRefused('members', 'blank.csv', Buffer.from('\r\n , \r\n,,,\r\n'), [{ row: null, column: null, reason: '表格是空的：没有表头，也没有数据' }]);
  });
});

describe('wrong encodings', () => {
  for (const encoding of ['big5', 'shift_jis']) {
    it(`the roster saved as ${encoding} is refused as undecodable`, async () => {
      const bytes = iconv.encode(ROSTER, encoding);
      const message = await expectRefused('members', `roster-${encoding}.csv`, bytes, [
        { row: null, column: null, reason: ENCODING_HINT },
        { row: 1, column: '姓名', reason: '找不到必需的列“姓名”（组成人员名单的表头应为：序号、姓名、性别、职务、座位号、备注）' },
        { row: 1, column: '职务', reason: '找不到必需的列“职务”（组成人员名单的表头应为：序号、姓名、性别、职务、座位号、备注）' },
      ]);
      expect(message).toContain('文件编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV，或 XLSX');
    });
  }
});

/** Deterministic noise (mulberry32), so the test never depends on luck. */
function noise(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let a = seed;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

/** A real ZIP archive (stored, one entry). */
function zipOf(name: string, content: string): Buffer {
  const empty = Buffer.alloc(22);
  empty.writeUInt32LE(0x06054b50, 0);
  return withEntry(empty, name, Buffer.from(content), 0);
}

/** `zip` with one more entry (0 stored, 8 deflated) after its others, and a new central directory. */
function withEntry(zip: Buffer, name: string, content: Buffer, method: 0 | 8): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  const fileName = Buffer.from(name);
  const data = method === 8 ? zlib.deflateRawSync(content, { level: 9 }) : content;
  const crc = zlib.crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(directoryOffset, 42);
  const added = Buffer.concat([local, fileName, data]);
  const directory = Buffer.concat([zip.subarray(directoryOffset, directoryOffset + directorySize), central, fileName]);
  const tail = Buffer.alloc(22);
  tail.writeUInt32LE(0x06054b50, 0);
  tail.writeUInt16LE(entries + 1, 8);
  tail.writeUInt16LE(entries + 1, 10);
  tail.writeUInt32LE(directory.length, 12);
  tail.writeUInt32LE(directoryOffset + added.length, 16);
  return Buffer.concat([zip.subarray(0, directoryOffset), added, directory, tail]);
}

/** A workbook of `n` members under the headers 姓名 and 职务. */
async function membersWorkbook(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  sheet.addRow(['姓名', '职务']);
  for (let i = 1; i <= n; i++) sheet.addRow([`委员${i}`, '委员']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('files that are not spreadsheets', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(200, 1)]);
  const cases: [string, Buffer, string][] = [
    ['x.png', PNG, '文件“x.png”不是 CSV 或 XLSX 表格（看起来是 PNG 图片），请选择 CSV 或 XLSX 格式的名单'],
    ['名单.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1'), '文件“名单.pdf”不是 CSV 或 XLSX 表格（看起来是 PDF 文档），请选择 CSV 或 XLSX 格式的名单'],
    ['random.csv', noise(4096, 42), '文件“random.csv”不是 CSV 或 XLSX 表格，请选择 CSV 或 XLSX 格式的名单'],
    ['notes.zip', zipOf('notes.txt', '序号,姓名\r\n'), '文件“notes.zip”不是 CSV 或 XLSX 表格（看起来是 ZIP 压缩包），请选择 CSV 或 XLSX 格式的名单'],
    ['report.docx', zipOf('word/document.xml', '<w:document/>'), '文件“report.docx”不是 CSV 或 XLSX 表格（看起来是 Word 文档），请选择 CSV 或 XLSX 格式的名单'],
    ['empty.csv', Buffer.alloc(0), '文件“empty.csv”是空文件'],
    ['bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a]), '文件“bom-only.csv”是空文件'],
    [
      'old.xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(504, 3)]),
      '文件“old.xls”是 Excel 97-2003（.xls）或 WPS（.et）格式，或者设置了打开密码，无法直接读取。请在 Excel/WPS 中另存为不加密的 .xlsx 或 CSV 后再导入',
    ],
  ];
  for (const [name, bytes, reason] of cases) {
    it(`${name} is refused with a message naming the problem`, async () => {
      const message = await expectRefused('members', name, bytes, [{ row: null, column: null, reason }]);
      expect(message).toBe(`导入失败，未导入任何数据：${reason}`);
    });
  }

  it('a truncated XLSX is refused as damaged', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['姓名', '职务']);
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const parsed = await parseRosterFile('members', 'cut.xlsx', cut);
    expect(parsed.format).toBeNull();
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.reason).toMatch(/^文件“cut\.xlsx”看起来是 XLSX 工作簿，但已损坏或不完整/);
  });

  it('a damaged XLSX is refused in Chinese only: what zlib or exceljs said stays in the log', async () => {
    const whole = await membersWorkbook(200);
    const garbled = Buffer.from(whole);
    for (let k = 0; k < 40; k++) garbled[Math.floor(whole.length * 0.2) + k]! ^= 0x5a;
    const files: [string, Buffer][] = [
      ['garbled.xlsx', garbled],
      ['bad-xml.xlsx', zipOf('xl/workbook.xml', '<?xml version="1.0"?><a><b></a>')],
    ];
    for (const [name, bytes] of files) {
      const parsed = await parseRosterFile('members', name, bytes);
      expect(parsed.errors).toHaveLength(1);
      const reason = parsed.errors[0]!.reason;
      expect(reason).toMatch(new RegExp(`^文件“${name.replace('.', '\\.')}”看起来是 XLSX 工作簿，但已损坏或不完整，无法读取（.+）。请在 Excel/WPS 中打开检查，另存为 \\.xlsx 或 CSV 后再导入$`));
      expect(reason.replace(name, '').replace(/XLSX|xlsx|Excel|WPS|CSV|ZIP/g, ''), reason).not.toMatch(/[A-Za-z]/);
    }
  });

  it('an XLSX that inflates far beyond a list (a zip bomb) is refused before it is read', async () => {
    // A real roster workbook with one more entry of 64 MB that deflates to some 60 KB: exceljs would
    // inflate and hold it all (a few such files took the server gigabytes and minutes); it is
    // measured against the budget first and the file is refused.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名单');
    sheet.addRow(['序号', '姓名', '性别', '职务', '座位号']);
    sheet.addRow([1, '邱东竹', '男', '主任', 1]);
    const workbook = Buffer.from(await wb.xlsx.writeBuffer());
    const bomb = withEntry(workbook, 'xl/padding.xml', Buffer.alloc(64 * 1024 * 1024, '<x/>'), 8);
    expect(bomb.length).toBeLessThan(workbook.length + 200 * 1024);
    const reason = `文件“bomb.xlsx”解压后超过${MAX_XLSX_INFLATED_BYTES / 1024 / 1024}MB，远大于一份名单表格（5000人的名单解压后也只有几MB），可能已损坏或被改动过，未读取；请在 Excel/WPS 中打开检查，或另存为 CSV 后再导入`;
    const message = await expectRefused('members', 'bomb.xlsx', bomb, [{ row: null, column: null, reason }]);
    expect(message).toBe(`导入失败，未导入任何数据：${reason}`);
    // The same workbook without the padding imports (the budget is far above a real list).
    expect((await parseRosterFile('members', 'ok.xlsx', withEntry(workbook, 'xl/padding.xml', Buffer.alloc(1024 * 1024, '<x/>'), 8))).errors).toEqual([]);
  });

  it('an XLSX with more rows than a list may have says so, not that it is damaged', async () => {
    const bytes = await membersWorkbook(5100);
    const reason = '文件“many.xlsx”的工作表“名单”行数过多（5101行），一次最多导入5000行';
    await expectRefused('members', 'many.xlsx', bytes, [{ row: null, column: null, reason }]);
  });

  it('an unclosed quote names its row', async () => {
    const bytes = Buffer.from('姓名,职务,备注\r\n甲,委员,ok\r\n乙,委员,"说明\r\n丙,委员,\r\n');
    await expectRefused('members', 'q.csv', bytes, [{ row: 3, column: null, reason: '第3行的引号（"）没有闭合，请检查该行的内容' }]);
  });
});
