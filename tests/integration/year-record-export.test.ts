// The officials' year records export (assessment/year-records-xlsx.ts) keeps the dates of the pledge
// (承诺日期) and of the feedback (反馈日期), read back from a real XLSX.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import { anyCommandTable } from '../../src-main/api/commands';
import { createDispatcher } from '../../src-main/api/dispatch';
import { Store } from '../../src-main/store/store';

let dir = '';
let store: Store | null = null;
afterEach(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('the year-record export keeps 承诺日期 and 反馈日期', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-yearx-'));
  store = Store.open(dir);
  const dispatch = createDispatcher(anyCommandTable, store, {});
  const must = async (name: string, input: unknown): Promise<any> => {
    const r = await dispatch(name, input, { kind: 'admin', source: 'test' });
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  const o = await must('officials.create', { sort: 1, name: '顾文', unit: '示例区人民法院', post: '副院长', category: '法院' });
  await must('officialYears.save', { officialId: o.id, year: 2026, pledgeText: '全年审结案件1200件', pledgeDate: '2026-02-15', followUp: '已反馈区委', followUpDate: '2026-12-30' });
  const f = await must('officialYears.exportXlsx', { year: 2026 });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const sheet = wb.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const row = (sheet.getRow(2).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(['承诺日期', '反馈日期']));
  expect(row[header.indexOf('承诺日期')]).toBe('2026-02-15');
  expect(row[header.indexOf('反馈日期')]).toBe('2026-12-30');
  expect(row[header.indexOf('履职承诺')]).toBe('全年审结案件1200件');
});
