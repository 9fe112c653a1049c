// Text that the PDF keeps whole stays whole in LibreOffice's conversion of the DOCX (7.4, bundled fonts):
// - the 分类汇总表 of a 满意度测评 (three levels, 10 pt) and of a 称职测评 (four levels, 9 pt), with the
//   columns of categorySummaryDoc: its headers "评为满意（人）" break between characters but never
//   inside "（人）", its rates ("93.33%", "100.00%") are never broken. The columns are measured by
//   the fonts' real advances in both (table-widths.ts); before, the DOCX counted characters and
//   LibreOffice printed "（人" over "）".
// - the 第十六次会议 签到表 of 37 members: 2 pages in both, its line "会议时间：…　地点：…" on one line
//   (LibreOffice put its last character on a second line and the sheet on 3 pages before: it adds
//   space where ideographs meet digits, see documents-docx/fit-line.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { summaryColumns } from '../../../src-main/documents-assessment/category-summary';
import { renderDocx } from '../../../src-main/documents-docx/docx';
import { resolveFonts } from '../../../src-main/documents/fonts';
import type { DocModel } from '../../../src-main/documents/model';
import { renderPdf } from '../../../src-main/documents/pdf';
import { saveDocx } from '../../helpers/docx';
import { libreOfficePdf } from '../../helpers/libreoffice';
import { pdfPages, pdfRows, savePdf, type PdfPage } from '../../helpers/pdf';
import { signInSheet } from './sample-docs';

const flat = (s: string) => s.replace(/\s+/g, '');

/** The summary table of a 分类汇总表 with categorySummaryDoc's columns. */
function categorySummary(labels: string[], rateLabel: string, size: number, rows: string[][]): DocModel {
  return {
    kind: 'assessment-categories',
    fileTitle: '测评结果分类汇总表',
    title: '测评结果分类汇总表',
    subtitle: '（示例区第二届人民代表大会常务委员会第四十四次会议）',
    blocks: [
      {
        type: 'table',
        fontSize: size,
        columns: summaryColumns(labels, rateLabel, size),
        rows,
      },
    ],
    signature: { issuer: '示例区人民代表大会常务委员会', date: '2027年1月20日' },
  };
}

const three = categorySummary(['满意', '基本满意', '不满意'], '满意率', 10, [
  ['政府工作部门负责人', '20', '600', '40', '20', '0', '96.97%', '19', '1', '0'],
  ['法院', '5', '150', '10', '5', '0', '93.33%', '5', '0', '0'],
  ['检察院', '4', '120', '8', '4', '0', '100.00%', '4', '0', '0'],
]);
const four = categorySummary(['优秀', '称职', '基本称职', '不称职'], '称职率', 9, [
  ['政府工作部门负责人', '20', '300', '260', '60', '40', '0', '93.94%', '8', '11', '1', '0'],
  ['法院', '5', '100', '50', '15', '0', '0', '100.00%', '3', '2', '0', '0'],
]);

const INFO = '会议时间：2026年9月22日 09:00　地点：区人大常委会会议室';
const signIn: DocModel = {
  ...signInSheet(
    [INFO, '应出席常委会组成人员37人，签到34人。'],
    Array.from({ length: 37 }, (_, i) => [String(i + 1), '张三丰', i < 3 ? '副主任' : '委员', i % 11 === 4 ? '请假' : '出席', i % 11 === 4 ? '' : `08:5${i % 10}`]),
  ),
  signature: { issuer: '示例区人民代表大会常务委员会', date: '2026年9月22日' },
};

const DOCS = { 'three-level-summary': three, 'four-level-summary': four, 'sign-in-16': signIn } as const;
const printed = new Map<string, { app: PdfPage[]; office: PdfPage[] }>();

beforeAll(async () => {
  const fonts = resolveFonts({ preferBundled: true });
  for (const [name, model] of Object.entries(DOCS)) {
    const pdf = await renderPdf(model, { fonts });
    savePdf(`docx-text-fit-${name}-app.pdf`, pdf);
    const docx = await renderDocx(model, { fonts });
    saveDocx(`docx-text-fit-${name}`, docx);
    const lo = libreOfficePdf(docx).pdf;
    savePdf(`docx-text-fit-${name}-converted-by-libreoffice.pdf`, lo);
    printed.set(name, { app: pdfPages(pdf), office: pdfPages(lo) });
  }
}, 300_000);

const WHO = [
  ['app', 'in the app’s PDF'],
  ['office', 'in LibreOffice’s conversion of the DOCX'],
] as const;

for (const [name, model, levels] of [
  ['three-level-summary', three, 3],
  ['four-level-summary', four, 4],
] as const) {
  describe(`the ${name} of a 分类汇总表`, () => {
    for (const [who, label] of WHO) {
      it(`${label}: "（人）" whole in every header, no line starting with a closing bracket, every rate unbroken`, () => {
        const words = printed.get(name)![who].flatMap((p) => p.words).map((w) => w.text);
        expect(words.filter((w) => w.includes('（人）'))).toHaveLength(levels);
        expect(words.filter((w) => /^[）%]/.test(w) || /（$/.test(w))).toEqual([]);
        const table = model.blocks[0] as Extract<DocModel['blocks'][number], { type: 'table' }>;
        for (const rate of table.rows.map((r) => r.find((c) => c.endsWith('%'))!)) expect(words, rate).toContain(rate);
      });
    }
  });
}

describe('the 第十六次会议 签到表 of 37 members', () => {
  for (const [who, label] of WHO) {
    it(`${label}: 2 pages, "会议时间：…　地点：…" on one line`, () => {
      const pages = printed.get('sign-in-16')![who];
      expect(pages).toHaveLength(2);
      const rows = pdfRows(pages).map((r) => flat(r.text));
      expect(rows).toContain(flat(INFO));
    });
  }
});
