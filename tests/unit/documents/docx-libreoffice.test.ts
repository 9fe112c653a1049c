// The DOCX holds its layout in LibreOffice (7.4, the office suite of many 信创 machines): documents
// written as DOCX, converted by LibreOffice headless with the bundled fonts, and measured with the
// same checks as the app's own PDF of the same document.
// - A 20-page 审议意见书: the same page count, 22 lines a page on the 225/22 mm pitch from the 37 mm
//   top margin, 28 characters on a full line from the 28 mm left margin, 26 after a paragraph's
//   two-character indent, the red issuer mark on one line, the title broken into the same lines,
//   the page numbers 7 mm below the type area (LibreOffice printed them 2.5 mm lower before).
// - The 版记 at the foot of the last page, with the document's last lines, never alone: its rules
//   (found in a rendering of the page) on the last grid lines of the type area, 0.35 mm thick at the
//   top and at the foot of the type area, a 0.25 mm one above the 印发 line, its text between them,
//   the page count unchanged — in a 1-page 决议, the 20-page opinion, and an opinion whose 版记 does
//   not fit under its last lines and takes them along to a new page, as the app's PDF does (the PDF
//   takes the last two lines; LibreOffice 7.4, whose keep-with-next moves a paragraph whole, takes
//   the whole last paragraph: its last page holds at least what the PDF's does).
// Also reports the render time of the app's PDF beside LibreOffice's conversion.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src-main/documents-docx/docx';
import { resolveFonts } from '../../../src-main/documents/fonts';
import type { DocModel } from '../../../src-main/documents/model';
import { renderPdf } from '../../../src-main/documents/pdf';
import { saveDocx } from '../../helpers/docx';
import { libreOfficePdf } from '../../helpers/libreoffice';
import { horizontalRules, pdfPages, pdfRows, ptToMm, savePdf, type PdfRow, type Rule } from '../../helpers/pdf';
import { paragraphText, plainText, reviewOpinion, rng } from './sample-docs';

const LEFT = 28;
const RIGHT = 28 + 156;
const TOP = 37;
const BOTTOM = TOP + 225;
const LINE = 225 / 22;
const CHAR = 156 / 28;
const isPageNumber = (r: PdfRow): boolean => /^—\s*\d+\s*—$/.test(r.text.replace(/\s+/g, ''));
const flat = (s: string) => s.replace(/\s+/g, '');
/** Grid cells a printed line takes: a wide character one, a digit or Latin letter half. */
const cells = (s: string) => Array.from(flat(s)).reduce((a, ch) => a + (ch.codePointAt(0)! >= 0x2e80 || '“”‘’—…'.includes(ch) ? 1 : 0.5), 0);

interface Layout {
  pdf: Buffer;
  pages: number;
  rows: PdfRow[];
}

function layoutOf(pdf: Buffer): Layout {
  const read = pdfPages(pdf);
  return { pdf, pages: read.length, rows: pdfRows(read) };
}

const SIGNATURE = { issuer: '示例区人民代表大会常务委员会', date: '2026年9月22日' };

/** A one-page 决议 (no signature: its date is in the subtitle) whose 抄送 takes three lines. */
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

/**
 * An opinion whose page 1 ends with its signature on the last two grid lines: title, blank,
 * addressee, 16 lines of text (two paragraphs of eight, ideographs only, so that every program breaks
 * them alike), blank, issuer, date. Its 版记 (two lines) does not fit under them.
 */
const carried: DocModel = {
  kind: 'review-opinion',
  fileTitle: '关于区级决算的审议意见',
  title: '关于示例区2025年区级决算的审议意见',
  addressee: '区人民政府：',
  blocks: [
    { type: 'paragraph', text: plainText(26 + 28 * 6 + 14) },
    { type: 'paragraph', text: plainText(26 + 28 * 6 + 14, 9) },
  ],
  signature: SIGNATURE,
  footer: { cc: '区委办公室，区监察委员会', printedBy: '示例区人大常委会办公室', printedDate: '2026年9月23日' },
};

const opinion = reviewOpinion(1, 7);

/** The documents, their names under test-results/documents/, and the 版记's grid lines. */
const DOCS = [
  { name: '1-page-resolution', model: resolution, footerLines: 4 },
  { name: '20-page-opinion', model: opinion, footerLines: 3 },
  { name: 'opinion-whose-版记-takes-its-last-lines-to-page-2', model: carried, footerLines: 2 },
] as const;

const printed = new Map<string, { app: Layout; office: Layout }>();

beforeAll(async () => {
  const fonts = resolveFonts({ preferBundled: true });
  await renderPdf(opinion, { fonts }); // the fonts are parsed once per process: time the second render
  for (const { name, model } of DOCS) {
    const t0 = performance.now();
    const pdf = await renderPdf(model, { fonts });
    const appMs = performance.now() - t0;
    savePdf(`docx-libreoffice-${name}-app.pdf`, pdf);
    const docx = await renderDocx(model);
    saveDocx(`docx-libreoffice-${name}`, docx);
    const lo = libreOfficePdf(docx);
    savePdf(`docx-libreoffice-${name}-converted-by-libreoffice.pdf`, lo.pdf);
    printed.set(name, { app: layoutOf(pdf), office: layoutOf(lo.pdf) });
    if (model === opinion) console.log(`20-page opinion: app PDF ${appMs.toFixed(0)} ms, ${pdf.length} bytes; LibreOffice conversion of the DOCX ${lo.ms.toFixed(0)} ms`);
  }
}, 300_000);

const get = (name: string, who: 'app' | 'office') => () => printed.get(name)![who];

/** The geometry checks of the 20-page opinion, for the app's PDF and LibreOffice's alike. */
function gridChecks(name: string, layout: () => Layout) {
  describe(name, () => {
    it('has 20 pages', () => {
      expect(layout().pages).toBe(20);
    });

    it('puts 22 lines on a full page, on the 225/22 mm pitch from the 37 mm top margin', () => {
      const { rows, pages } = layout();
      let full = 0;
      for (let p = 2; p < pages; p++) {
        const body = rows.filter((r) => r.page === p && !isPageNumber(r));
        if (body.length !== 22) continue;
        full++;
        body.forEach((r, i) => expect(Math.abs(ptToMm(r.centre) - (TOP + (i + 0.5) * LINE)), `p${p} line ${i + 1}`).toBeLessThan(2));
      }
      // the others end a line or two early: a heading or a paragraph's last lines go on with what follows
      expect(full).toBeGreaterThanOrEqual(10);
    });

    it('puts 28 characters on a full line from the 28 mm left margin, 26 after the indent', () => {
      const { rows } = layout();
      const body = rows.filter((r) => r.page > 1 && !isPageNumber(r) && ptToMm(r.centre) > TOP && ptToMm(r.centre) < BOTTOM);
      const full = body.filter((r) => Math.abs(ptToMm(r.xMin) - LEFT) < 1 && Math.abs(ptToMm(r.xMax) - RIGHT) < 1.5);
      const indented = body.filter((r) => Math.abs(ptToMm(r.xMin) - (LEFT + 2 * CHAR)) < 1 && Math.abs(ptToMm(r.xMax) - RIGHT) < 1.5);
      expect(full.length).toBeGreaterThan(200);
      // lines of wide characters only (digits and Latin keep their own widths): 28 on a full line,
      // 27 where punctuation was pulled down to the next line (that line is justified); 26 after the indent
      const wide = (r: PdfRow) => !/[\x21-\x7e]/.test(flat(r.text));
      const counts = full.filter(wide).map((r) => cells(r.text));
      expect(counts.length).toBeGreaterThan(60);
      expect(counts.filter((c) => c > 28)).toEqual([]);
      expect(counts.filter((c) => c === 28).length / counts.length).toBeGreaterThan(0.7);
      expect(counts.filter((c) => c < 24)).toEqual([]);
      const first = indented.filter(wide).map((r) => cells(r.text));
      expect(first.filter((c) => c > 26)).toEqual([]);
      expect(first.filter((c) => c === 26).length / first.length).toBeGreaterThan(0.7);
      // and nothing wider than the line anywhere
      expect(body.filter((r) => !flat(r.text).startsWith('抄送')).map((r) => cells(r.text)).filter((c) => c > 28.5)).toEqual([]); // the 四号 版记 holds 30
    });

    it('numbers every page "— n —" 7 mm below the type area, odd pages right and even pages left, one 四号 character in', () => {
      const { rows, pages } = layout();
      const numbers = rows.filter(isPageNumber);
      expect(numbers.map((r) => Number(/\d+/.exec(r.text)![0]))).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
      const inset = ptToMm(14);
      for (const r of numbers) {
        expect(Math.abs(ptToMm(r.centre) - (BOTTOM + 7)), `page ${r.page} at ${ptToMm(r.centre).toFixed(2)} mm`).toBeLessThan(1.5);
        if (r.page % 2 === 1) expect(Math.abs(ptToMm(r.xMax) - (RIGHT - inset)), `page ${r.page} right edge`).toBeLessThan(1);
        else expect(Math.abs(ptToMm(r.xMin) - (LEFT + inset)), `page ${r.page} left edge`).toBeLessThan(1);
      }
    });

    it('prints the red issuer mark on one line', () => {
      expect(layout().rows.filter((r) => r.page === 1).map((r) => flat(r.text))[0]).toBe('示例区人民代表大会常务委员会');
    });
  });
}

gridChecks('the app’s PDF of a 20-page opinion', get('20-page-opinion', 'app'));
gridChecks('its DOCX converted by LibreOffice', get('20-page-opinion', 'office'));

describe('the 20-page opinion’s DOCX against its PDF', () => {
  it('breaks the title into the same lines', () => {
    const { app, office } = printed.get('20-page-opinion')!;
    const title = (l: Layout) => l.rows.filter((r) => r.page === 1 && /审议意见|关于/.test(r.text)).map((r) => flat(r.text));
    expect(title(office)).toEqual(title(app));
  });
});

/** The 版记 on a printed last page: its rules, its rows, and the text above it. */
function footerOf(l: Layout): { rules: Rule[]; footer: PdfRow[]; above: PdfRow[] } {
  const rules = horizontalRules(l.pdf, l.pages);
  const top = rules[0]?.y ?? BOTTOM;
  const last = l.rows.filter((r) => r.page === l.pages && !isPageNumber(r));
  return { rules, footer: last.filter((r) => ptToMm(r.centre) > top), above: last.filter((r) => ptToMm(r.centre) < top) };
}

for (const { name, model, footerLines } of DOCS) {
  describe(`the 版记 of the ${name}`, () => {
    const footerTop = BOTTOM - footerLines * LINE;
    for (const who of ['app', 'office'] as const) {
      it(`${who === 'app' ? 'in the app’s PDF' : 'in LibreOffice’s conversion of the DOCX'}: on the last ${footerLines} grid lines of the last page, between its rules, under the last lines`, () => {
        const l = get(name, who)();
        const { rules, footer, above } = footerOf(l);
        // thick at the top of the 版记 and at the foot of the type area, thin above the 印发 line
        expect(rules.map((r) => r.y)).toHaveLength(3);
        const [first, thin, foot] = rules;
        expect(Math.abs(first!.y - footerTop), `top rule at ${first!.y.toFixed(2)} mm`).toBeLessThan(0.8);
        expect(Math.abs(thin!.y - (BOTTOM - LINE)), `thin rule at ${thin!.y.toFixed(2)} mm`).toBeLessThan(0.8);
        expect(Math.abs(foot!.y - BOTTOM), `bottom rule at ${foot!.y.toFixed(2)} mm`).toBeLessThan(0.8);
        expect(first!.thickness).toBeGreaterThan(thin!.thickness);
        expect(foot!.thickness).toBeGreaterThan(thin!.thickness);
        // its text between the rules, a line per grid line: 抄送 above the thin rule, 印发 under it
        const text = footer.map((r) => flat(r.text));
        expect(text[0]).toMatch(/^抄送：/);
        expect(text.at(-1)).toMatch(/^示例区人大常委会办公室2026年9月23日印发$/);
        expect(footer).toHaveLength(footerLines);
        footer.forEach((r, i) => expect(Math.abs(ptToMm(r.centre) - (footerTop + (i + 0.5) * LINE)), text[i]).toBeLessThan(2.5));
        // never alone: the document's last lines are on its page, the signature last
        const body = above.filter((r) => !model.signature || ![model.signature.issuer, model.signature.date].includes(flat(r.text)));
        expect(body.length).toBeGreaterThanOrEqual(2);
        if (model.signature) expect(above.slice(-2).map((r) => flat(r.text))).toEqual([model.signature.issuer, model.signature.date]);
      });
    }

    it('LibreOffice prints as many pages as the app, the 版记’s rules within 0.8 mm of the app’s, with the last lines the app’s PDF carries', () => {
      const { app, office } = printed.get(name)!;
      expect(office.pages).toBe(app.pages);
      const a = footerOf(app);
      const o = footerOf(office);
      o.rules.forEach((r, i) => expect(Math.abs(r.y - a.rules[i]!.y), `rule ${i + 1}`).toBeLessThan(0.8));
      // the last page holds at least the lines the app's PDF puts there (LibreOffice may take more along)
      const officeText = o.above.map((r) => flat(r.text)).join('');
      for (const r of a.above) expect(officeText, flat(r.text)).toContain(flat(r.text));
    });
  });
}

describe('the opinion whose 版记 does not fit under its last lines', () => {
  it('takes the last two lines of text and the signature to page 2 in the app’s PDF', () => {
    const { app } = printed.get(DOCS[2].name)!;
    expect(app.pages).toBe(2);
    const page1 = app.rows.filter((r) => r.page === 1 && !isPageNumber(r));
    const page2 = footerOf(app).above.map((r) => flat(r.text));
    expect(page2).toHaveLength(4); // two lines of text, the issuer, the date
    expect(page2.slice(2)).toEqual([SIGNATURE.issuer, SIGNATURE.date]);
    // page 1 ends with the text before them, where the signature would have gone
    expect(flat(page1.at(-1)!.text)).not.toBe(SIGNATURE.date);
    expect(ptToMm(page1.at(-1)!.centre)).toBeLessThan(BOTTOM - 4 * LINE);
  });
});
