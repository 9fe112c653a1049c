// The 版记 on the last face of a document printed on both sides (GB/T 9704-2012 7.4.1: its last rule
// on the foot of the type area of the document's last face, the back of the last leaf, an even page;
// 7.5: "公文的版记页前有空白页的，空白页和版记页均不编排页码"), in the app's PDF and in LibreOffice's
// conversion of the DOCX (with the blank pages it inserts, as it prints them):
// - a 1-page 决议 and an opinion whose page 1 is full: the 版记 alone at the foot of page 2, numbered
//   "— 2 —", page 1 keeping all its lines and the signature (before, the PDF printed the resolution's
//   版记 on page 1, a front face, and took the opinion's last lines to page 2 with it);
// - a 2-page opinion with room on page 2: the 版记 under its last lines there;
// - a 20-page opinion ending on page 20 with room: the same;
// - a 2-page opinion whose page 2 is full: page 3 blank, the 版记 on page 4, neither numbered.
// The 版记 itself: its rules on the last grid lines of the type area, thick at the top and at the foot,
// thin above the 印发 line, its text a line per grid line between them.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src-main/documents-docx/docx';
import { footerPlacement } from '../../../src-main/documents/footer-text';
import { resolveFonts } from '../../../src-main/documents/fonts';
import type { DocModel } from '../../../src-main/documents/model';
import { renderPdf } from '../../../src-main/documents/pdf';
import { saveDocx } from '../../helpers/docx';
import { libreOfficePdf } from '../../helpers/libreoffice';
import { horizontalRules, pdfPages, pdfRows, ptToMm, savePdf, type PdfRow } from '../../helpers/pdf';
import { paragraphText, plainText, reviewOpinion, rng } from './sample-docs';

const TOP = 37;
const BOTTOM = TOP + 225;
const LINE = 225 / 22;
const flat = (s: string) => s.replace(/\s+/g, '');
const isPageNumber = (r: PdfRow): boolean => /^—\d+—$/.test(flat(r.text));
const SIGNATURE = { issuer: '示例区人民代表大会常务委员会', date: '2026年9月22日' };
const FOOTER = { cc: '区委办公室，区监察委员会', printedBy: '示例区人大常委会办公室', printedDate: '2026年9月23日' };

const opinion = (blocks: DocModel['blocks']): DocModel => ({
  kind: 'review-opinion',
  fileTitle: '关于区级决算的审议意见',
  title: '关于示例区2025年区级决算的审议意见',
  addressee: '区人民政府：',
  blocks,
  signature: SIGNATURE,
  footer: FOOTER,
});
/** Paragraphs of ideographs only (every program breaks them alike) of these many lines. */
const paragraphs = (...lines: number[]): DocModel['blocks'] => lines.map((n, i) => ({ type: 'paragraph', text: plainText(26 + 28 * (n - 1), i * 5) }));

/** A one-page 决议 (its date in the subtitle, no signature) whose 抄送 takes three lines. */
const resolution: DocModel = (() => {
  const r = rng(2026);
  return {
    kind: 'resolution',
    fileTitle: '关于批准2025年区级决算的决议',
    title: '示例区人民代表大会常务委员会\n关于批准2025年区级决算的决议',
    subtitle: '（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）',
    blocks: [
      { type: 'paragraph', text: paragraphText(r, 3) },
      { type: 'paragraph', text: paragraphText(r, 2) },
    ],
    footer: { cc: '区委办公室，区人民政府办公室，区人大常委会各工作机构，区监察委员会，区人民法院，区人民检察院', printedBy: '示例区人大常委会办公室', printedDate: '2026年9月23日' },
  };
})();

// page 1: title, blank, addressee, then the text; the signature (blank, issuer, date) after it
const DOCS = [
  { name: '1-page-resolution', model: resolution, pages: 2, footerLines: 4, alone: true, unnumbered: [] as number[] },
  { name: 'opinion-with-a-full-page-1', model: opinion(paragraphs(8, 8)), pages: 2, footerLines: 2, alone: true, unnumbered: [] },
  { name: '2-page-opinion-with-room-on-page-2', model: opinion(paragraphs(8, 8, 3, 12, 3)), pages: 2, footerLines: 2, alone: false, unnumbered: [] },
  { name: '20-page-opinion', model: reviewOpinion(1, 7), pages: 20, footerLines: 3, alone: false, unnumbered: [] },
  { name: 'opinion-with-a-full-page-2', model: opinion(paragraphs(8, 8, 3, 16, 3)), pages: 4, footerLines: 2, alone: true, unnumbered: [3, 4] },
] as const;

interface Printed {
  pdf: Buffer;
  pages: number;
  rows: PdfRow[];
}
const printed = new Map<string, { app: Printed; office: Printed }>();
const read = (pdf: Buffer): Printed => {
  const pages = pdfPages(pdf);
  return { pdf, pages: pages.length, rows: pdfRows(pages) };
};

beforeAll(async () => {
  const fonts = resolveFonts({ preferBundled: true });
  for (const { name, model } of DOCS) {
    const pdf = await renderPdf(model, { fonts });
    savePdf(`footer-page-${name}-app.pdf`, pdf);
    const docx = await renderDocx(model, { fonts });
    saveDocx(`footer-page-${name}`, docx);
    const lo = libreOfficePdf(docx, { blankPages: true });
    savePdf(`footer-page-${name}-converted-by-libreoffice.pdf`, lo.pdf);
    printed.set(name, { app: read(pdf), office: read(lo.pdf) });
  }
}, 300_000);

describe('footerPlacement (GB/T 9704-2012 7.4.1, 7.5)', () => {
  it('puts the 版记 on an even page: under the last lines, on the back of an odd page, or after an unnumbered blank page', () => {
    expect(footerPlacement(2, true)).toEqual({ newPages: 0, numbered: true });
    expect(footerPlacement(1, true)).toEqual({ newPages: 1, numbered: true });
    expect(footerPlacement(3, false)).toEqual({ newPages: 1, numbered: true });
    expect(footerPlacement(2, false)).toEqual({ newPages: 2, numbered: false });
  });
});

for (const { name, pages, footerLines, alone, unnumbered } of DOCS) {
  const footerTop = BOTTOM - footerLines * LINE;
  describe(`the 版记 of the ${name}`, () => {
    for (const who of ['app', 'office'] as const) {
      const label = who === 'app' ? 'in the app’s PDF' : 'in LibreOffice’s conversion of the DOCX';
      it(`${label}: ${pages} pages, the 版记 on the last, an even page, on its last ${footerLines} grid lines between its rules`, () => {
        const l = printed.get(name)![who];
        expect(l.pages).toBe(pages);
        expect(l.pages % 2).toBe(0);
        const rules = horizontalRules(l.pdf, l.pages);
        expect(rules).toHaveLength(3);
        const [first, thin, foot] = rules;
        expect(Math.abs(first!.y - footerTop), `top rule at ${first!.y.toFixed(2)} mm`).toBeLessThan(0.8);
        expect(Math.abs(thin!.y - (BOTTOM - LINE)), `thin rule at ${thin!.y.toFixed(2)} mm`).toBeLessThan(0.8);
        expect(Math.abs(foot!.y - BOTTOM), `bottom rule at ${foot!.y.toFixed(2)} mm`).toBeLessThan(0.8);
        expect(first!.thickness).toBeGreaterThan(thin!.thickness);
        expect(foot!.thickness).toBeGreaterThan(thin!.thickness);
        const last = l.rows.filter((r) => r.page === l.pages && !isPageNumber(r));
        const footer = last.filter((r) => ptToMm(r.centre) > footerTop);
        const text = footer.map((r) => flat(r.text));
        expect(text[0]).toMatch(/^抄送：/);
        expect(text.at(-1)).toBe('示例区人大常委会办公室2026年9月23日印发');
        expect(footer).toHaveLength(footerLines);
        footer.forEach((r, i) => expect(Math.abs(ptToMm(r.centre) - (footerTop + (i + 0.5) * LINE)), text[i]).toBeLessThan(2.5));
        // alone on its page, or under the document's last lines with the signature last
        const above = last.filter((r) => ptToMm(r.centre) < footerTop).map((r) => flat(r.text));
        if (alone) expect(above).toEqual([]);
        else expect(above.slice(-2)).toEqual([SIGNATURE.issuer, SIGNATURE.date]);
      });

      it(`${label}: every page numbered "— n —" but ${unnumbered.length ? `the blank page and the 版记 page (${unnumbered.join(', ')})` : 'none left out'}`, () => {
        const l = printed.get(name)![who];
        const numbers = l.rows.filter(isPageNumber);
        const expected = Array.from({ length: l.pages }, (_, i) => i + 1).filter((n) => !(unnumbered as readonly number[]).includes(n));
        expect(numbers.map((r) => r.page)).toEqual(expected);
        expect(numbers.map((r) => Number(/\d+/.exec(r.text)![0]))).toEqual(expected);
        for (const n of unnumbered.slice(0, -1)) expect(l.rows.filter((r) => r.page === n), `page ${n} is blank`).toEqual([]);
      });
    }
  });
}

describe('a document whose last page is odd', () => {
  it('keeps its last lines and the signature on that page: the 版记 does not take them along', () => {
    for (const who of ['app', 'office'] as const) {
      const l = printed.get('opinion-with-a-full-page-1')![who];
      const page1 = l.rows.filter((r) => r.page === 1 && !isPageNumber(r)).map((r) => flat(r.text));
      expect(page1.slice(-2), who).toEqual([SIGNATURE.issuer, SIGNATURE.date]);
      expect(page1, who).toHaveLength(20); // title, addressee, 16 lines, issuer, date (the blank lines hold no words)
    }
  });
});
