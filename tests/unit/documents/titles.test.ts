// Titles broken as GB/T 9704-2012 7.3.1 asks, measured from the PDF: every line boundary of a title
// falls between two words (Intl.Segmenter, Chinese word granularity) and never inside the name of a
// body; the lines form a trapezoid or a diamond, never an hourglass; the committee's name stands on
// its own line; the subtitle keeps "第十六次会议" whole.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFonts } from '../../../src-main/documents/fonts';
import type { DocModel } from '../../../src-main/documents/model';
import { renderPdf } from '../../../src-main/documents/pdf';
import { pdfRows, savePdf, type PdfRow } from '../../helpers/pdf';

const COMMITTEE = '示例区人民代表大会常务委员会';
const TITLES = [
  `${COMMITTEE}关于区人民政府医疗保障基金使用情况报告的审议意见`,
  '关于区人民政府2025年财政预算执行情况报告的审议意见',
  '关于区人民法院公益诉讼工作情况报告的审议意见',
  `${COMMITTEE}关于批准2025年区级财政决算的决议`,
  `${COMMITTEE}关于开展第八个五年法治宣传教育的决议`,
  `${COMMITTEE}关于设立示例区乡村振兴促进委员会的决定`,
  '关于《区人大常委会关于开发区建设情况报告的审议意见》办理情况的报告的满意度测评',
  '关于区人民政府关于2026年上半年国民经济和社会发展计划执行情况的报告的审议意见',
  '关于区人民检察院关于开展未成年人检察工作情况的报告的审议意见',
  '关于区人民政府生态环境保护和污染防治攻坚战工作情况的报告的审议意见',
  '关于区人民政府关于城市更新和老旧小区改造工作情况报告的审议意见',
  `${COMMITTEE}关于接受张三辞去示例区人民政府副区长职务的决定`,
];
const PROTECTED = ['人民代表大会常务委员会', '人民政府', '人民法院', '人民检察院', '委员会', '审议意见'];
const SUBTITLE = '（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Offsets (in UTF-16 units) where the segmenter starts a word. */
const wordStarts = (t: string) => new Set([...segmenter.segment(t)].map((s) => s.index));
const flat = (s: string) => s.replace(/\s+/g, '');

interface Read {
  title: string;
  lines: string[];
  widths: number[];
  subtitle: string[];
}
const read: Read[] = [];

beforeAll(async () => {
  const fonts = resolveFonts({ preferBundled: true });
  for (const [i, title] of TITLES.entries()) {
    const model: DocModel = { kind: 'resolution', fileTitle: title, title, subtitle: i === 3 ? SUBTITLE : undefined, blocks: [{ type: 'paragraph', text: '正文。' }] };
    const pdf = await renderPdf(model, { fonts });
    if (i < 4) savePdf(`titles-word-breaks-${i + 1}.pdf`, pdf);
    const rows = pdfRows(pdf).filter((r) => r.page === 1);
    // title rows: 22 pt lines at the top; the subtitle is 16 pt
    const height = (r: PdfRow) => r.yMax - r.yMin;
    const big = height(rows[0]!);
    const titleRows = rows.filter((r) => Math.abs(height(r) - big) < 1 && r.centre < rows.find((x) => flat(x.text) === '正文。')!.centre);
    const sub = rows.filter((r) => !titleRows.includes(r) && r.text.length > 0 && flat(r.text) !== '正文。' && !/^—/.test(r.text));
    read.push({ title, lines: titleRows.map((r) => flat(r.text)), widths: titleRows.map((r) => r.xMax - r.xMin), subtitle: sub.map((r) => flat(r.text)) });
  }
});

describe('title lines', () => {
  it('print every title whole, in the lines the renderer chose', () => {
    for (const r of read) expect(r.lines.join(''), r.title).toBe(r.title);
    expect(read.filter((r) => r.lines.length > 1).length).toBeGreaterThanOrEqual(10);
  });

  it('break only between words, never inside the name of a body', () => {
    for (const r of read) {
      const starts = wordStarts(r.title);
      let at = 0;
      for (const line of r.lines.slice(0, -1)) {
        at += line.length;
        expect(starts.has(at), `${r.title}: “${line}” / “${r.title.slice(at)}”`).toBe(true);
        for (const name of PROTECTED) {
          for (let k = r.title.indexOf(name); k >= 0; k = r.title.indexOf(name, k + 1)) {
            expect(at > k && at < k + name.length, `${r.title}: break inside ${name}`).toBe(false);
          }
        }
        expect(r.title[at], `${r.title}: a line starts with 的`).not.toBe('的');
      }
    }
  });

  it('put the committee on its own line', () => {
    for (const r of read.filter((x) => x.title.startsWith(COMMITTEE))) expect(r.lines[0], r.title).toBe(COMMITTEE);
  });

  it('shape the lines as a trapezoid or a diamond, never an hourglass', () => {
    for (const r of read) {
      const w = r.title.startsWith(COMMITTEE) ? r.widths.slice(1) : r.widths;
      for (let i = 1; i < w.length - 1; i++) expect(w[i]! < w[i - 1]! - 1 && w[i]! < w[i + 1]! - 1, `${r.title}: hourglass`).toBe(false);
    }
  });

  it('keeps the subtitle’s committee and “第十六次会议” whole', () => {
    const sub = read[3]!.subtitle;
    expect(sub.join('')).toBe(SUBTITLE);
    expect(sub.length).toBe(2);
    const at = sub[0]!.length;
    expect(wordStarts(SUBTITLE).has(at)).toBe(true);
    expect(sub.some((l) => l.includes('第十六次会议'))).toBe(true);
    expect(sub.some((l) => l.includes('示例区第二届人民代表大会常务委员会'))).toBe(true);
  });
});
