// A 90-row vote-result table crossing pages, read back from the PDF: the header row repeats at the
// top of every page, no row is lost or printed twice, wrapped cells stay inside their columns.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFonts } from '../../../src-main/documents/fonts';
import { renderPdf } from '../../../src-main/documents/pdf';
import { tableColumnWidths } from '../../../src-main/documents/table-widths';
import { pdfPages, pdfRaster, pdfRows, ptToMm, savePdf, type PdfRow, type PdfWord } from '../../helpers/pdf';
import { tableDoc } from './sample-docs';

const LEFT = 28;
const RIGHT = 28 + 156;
const TOP = 37;
const BOTTOM = 37 + 225;
const HEADER = '序号姓名表决意见备注';
const isPageNumber = (r: PdfRow): boolean => /^—\s*\d+\s*—$/.test(r.text);

let pdf: Buffer;
let rows: PdfRow[];
let words: PdfWord[];
let pages: number;

beforeAll(async () => {
  pdf = await renderPdf(tableDoc(90), { fonts: resolveFonts({ preferBundled: true }) });
  savePdf('table-90-rows-across-pages.pdf', pdf);
  const read = pdfPages(pdf);
  pages = read.length;
  words = read.flatMap((p) => p.words);
  rows = pdfRows(read, 3);
});

describe('table across pages', () => {
  it('spans several pages', () => {
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('repeats the header row at the top of every page after the first', () => {
    for (let page = 2; page <= pages; page++) {
      const top = rows.filter((r) => r.page === page)[0]!;
      expect(top.text, `page ${page}`).toBe(HEADER);
      expect(ptToMm(top.yMin), `page ${page}`).toBeGreaterThan(TOP);
      expect(ptToMm(top.yMin), `page ${page}`).toBeLessThan(TOP + 5);
    }
    expect(rows.filter((r) => r.text === HEADER)).toHaveLength(pages);
  });

  it('prints every row once, in order, inside the type area', () => {
    const names = words.filter((w) => /^委员\d{3}号$/.test(w.text));
    expect(names.map((w) => w.text)).toEqual(Array.from({ length: 90 }, (_, i) => `委员${String(i + 1).padStart(3, '0')}号`));
    for (const w of words) {
      expect(ptToMm(w.xMin), w.text).toBeGreaterThan(LEFT - 0.5);
      expect(ptToMm(w.xMax), w.text).toBeLessThan(RIGHT + 0.5);
      if (!/^(—|\d+)$/.test(w.text)) expect(ptToMm(w.yMax), w.text).toBeLessThan(BOTTOM + 0.5);
    }
  });

  it('wraps long cells inside their column (the 备注 column starts right of the 表决意见 header) and keeps short ones on one line', () => {
    const opinionHeader = words.find((w) => w.text === '表决意见')!;
    const noteLeft = ptToMm(opinionHeader.xMax) + 0.5;
    // columns fit their content: the 备注 column, with the long text, gets the most room
    expect(noteLeft).toBeLessThan(LEFT + 156 * 0.5);
    for (const w of words.filter((x) => /^委员\d{3}号$/.test(x.text))) expect(ptToMm(w.xMax)).toBeLessThan(noteLeft);
    const notes = words.filter((w) => ptToMm(w.xMin) > noteLeft - 0.5 && !/^(—|\d+)$/.test(w.text) && w.text !== '备注');
    expect(notes.length).toBeGreaterThan(60);
    const wrapped = notes.filter((w) => ptToMm(w.xMax) > RIGHT - 3);
    expect(wrapped.length).toBeGreaterThan(10);
    for (const w of notes) expect(ptToMm(w.xMax), w.text).toBeLessThan(RIGHT);
  });

  it('uses 12 pt text (ideographs advance one em: width of n of them = n × size)', () => {
    for (const text of ['表决意见', '赞成', '反对']) {
      const w = words.find((x) => x.text === text)!;
      expect((w.xMax - w.xMin) / Array.from(text).length, text).toBeCloseTo(12, 1);
    }
  });

  it('rules the table: lines on its left and right edges, none outside', () => {
    const raster = pdfRaster(pdf, 2, 150);
    const header = rows.find((r) => r.page === 2 && r.text === HEADER)!;
    const darkNear = (xMm: number): boolean => {
      const x = (xMm * 72) / 25.4;
      for (let dx = -1; dx <= 1; dx += 0.25) if (raster.at(x + dx, header.centre).every((c) => c < 160)) return true;
      return false;
    };
    expect(darkNear(LEFT)).toBe(true);
    expect(darkNear(RIGHT)).toBe(true);
    expect(darkNear(LEFT - 2)).toBe(false);
    expect(darkNear(RIGHT + 2)).toBe(false);
  });

  it('continues the text after the table on the grid', () => {
    const after = rows.find((r) => r.text === '以上表决结果经计票人核对无误。')!;
    const line = 225 / 22;
    const k = (ptToMm(after.centre) - TOP) / line - 0.5;
    expect(Math.abs(k - Math.round(k)) * line).toBeLessThan(1.5);
    expect(isPageNumber(after)).toBe(false);
  });
});

describe('column widths where the headers do not fit on one line', () => {
  // CJK one em, a digit half an em, "%" 0.83 em, "." 0.28 em (FandolFang's advances), at 10 pt
  const advance = (ch: string) => (ch.codePointAt(0)! >= 0x2e80 ? 1 : ch === '%' ? 0.833 : ch === '.' ? 0.278 : 0.5);
  const measure = (_role: string, t: string, size: number) => Array.from(t).reduce((a, ch) => a + advance(ch) * size, 0);
  const columns = [
    { header: '类别', width: 60 },
    { header: '综合满意率', width: 45, align: 'center' as const },
    ...['满意', '基本满意', '不满意'].map((l) => ({ header: `评为${l}（人）`, width: 35, align: 'center' as const })),
    ...['满意', '基本满意', '不满意', '未评'].map((l) => ({ header: `${l}票数合计`, width: 50, align: 'center' as const })),
  ];
  const block = { type: 'table' as const, fontSize: 10, columns, rows: [['政府工作部门负责人', '100.00%', '19', '1', '0', '600', '40', '20', '0']] };

  it('keep every column as wide as its widest piece that may not break ("（人）", "100.00%"), the rest in the model’s proportions', () => {
    const widths = tableColumnWidths(block, 442, measure);
    const pad = 2 * 4 + 0.5;
    expect(widths.reduce((a, w) => a + w, 0)).toBeCloseTo(442, 6);
    for (const i of [2, 3, 4]) expect(widths[i]!, columns[i]!.header).toBeGreaterThanOrEqual(30 + pad - 1e-9); // （人） is three ems
    expect(widths[1]!).toBeGreaterThanOrEqual(measure('', '100.00%', 10) + pad - 1e-9);
    // the columns above their floor keep the model's proportions to one another
    expect(widths[5]! / widths[0]!).toBeCloseTo(50 / 60, 6);
  });
});
