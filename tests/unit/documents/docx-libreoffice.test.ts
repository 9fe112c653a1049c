// The DOCX holds its layout in LibreOffice (7.4, the office suite of many 信创 machines): a 20-page
// 审议意见书 written as DOCX, converted by LibreOffice headless with the bundled fonts, and measured with
// the same checks as the app's own PDF of the same document: the same page count, 22 lines a page on
// the 225/22 mm pitch from the 37 mm top margin, 28 characters on a full line from the 28 mm left
// margin, 26 after a paragraph's two-character indent, no punctuation hanging past the type area
// (LibreOffice hung closing punctuation up to 5.7 mm into the margin before), the red issuer mark on
// one line, the title broken into the same lines, the page numbers 7 mm below the type area
// (LibreOffice printed them 2.5 mm lower before). The 版记 and its page: footer-page.test.ts.
// Also reports the render time of the app's PDF beside LibreOffice's conversion.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src-main/documents-docx/docx';
import { resolveFonts } from '../../../src-main/documents/fonts';
import { renderPdf } from '../../../src-main/documents/pdf';
import { saveDocx } from '../../helpers/docx';
import { libreOfficePdf } from '../../helpers/libreoffice';
import { pdfPages, pdfRows, ptToMm, savePdf, type PdfRow } from '../../helpers/pdf';
import { reviewOpinion } from './sample-docs';

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

const opinion = reviewOpinion(1, 7);

/** The documents and their names under test-results/documents/. */
const DOCS = [{ name: '20-page-opinion', model: opinion }] as const;

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

    it('hangs no punctuation past the type area: every line ends inside its right edge', () => {
      const { rows } = layout();
      const past = rows.filter((r) => !isPageNumber(r) && ptToMm(r.xMax) > RIGHT + 0.3).map((r) => `p${r.page} ${flat(r.text).slice(-6)} +${(ptToMm(r.xMax) - RIGHT).toFixed(2)} mm`);
      expect(past).toEqual([]);
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
