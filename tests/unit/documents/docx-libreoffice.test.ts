// The DOCX holds its layout in LibreOffice (7.4, the office suite of many 信创 machines): a 20-page
// 审议意见书 written as DOCX, converted by LibreOffice headless with the bundled fonts, and measured with
// the same geometry checks as the app's own PDF — the same page count, 22 lines a page on the
// 225/22 mm pitch from the 37 mm top margin, 28 characters on a full line from the 28 mm left margin,
// 26 after a paragraph's two-character indent, the red issuer mark on one line, the 版记 at the foot
// of the last page. Also reports the render time of the app's PDF beside LibreOffice's conversion.
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
  pages: number;
  rows: PdfRow[];
}

function layoutOf(pdf: Buffer): Layout {
  const read = pdfPages(pdf);
  return { pages: read.length, rows: pdfRows(read) };
}

const model = reviewOpinion(1, 7);
let app: Layout;
let office: Layout;

beforeAll(async () => {
  const fonts = resolveFonts({ preferBundled: true });
  await renderPdf(model, { fonts }); // the fonts are parsed once per process: time the second render
  const t0 = performance.now();
  const pdf = await renderPdf(model, { fonts });
  const appMs = performance.now() - t0;
  savePdf('docx-libreoffice-20-page-opinion-app.pdf', pdf);
  const docx = await renderDocx(model);
  saveDocx('docx-libreoffice-20-page-opinion', docx);
  const lo = libreOfficePdf(docx);
  savePdf('docx-libreoffice-20-page-opinion-converted-by-libreoffice.pdf', lo.pdf);
  app = layoutOf(pdf);
  office = layoutOf(lo.pdf);
  console.log(`20-page opinion: app PDF ${appMs.toFixed(0)} ms, ${pdf.length} bytes; LibreOffice conversion of the DOCX ${lo.ms.toFixed(0)} ms`);
}, 240_000);

/** The geometry checks, for the app's PDF and LibreOffice's alike. */
function checks(name: string, get: () => Layout, footAtBottom: boolean) {
  describe(name, () => {
    it('has 20 pages', () => {
      expect(get().pages).toBe(20);
    });

    it('puts 22 lines on a full page, on the 225/22 mm pitch from the 37 mm top margin', () => {
      const { rows, pages } = get();
      let full = 0;
      for (let p = 2; p < pages; p++) {
        const body = rows.filter((r) => r.page === p && !isPageNumber(r));
        if (body.length !== 22) continue;
        full++;
        body.forEach((r, i) => expect(Math.abs(ptToMm(r.centre) - (TOP + (i + 0.5) * LINE)), `p${p} line ${i + 1}`).toBeLessThan(2));
      }
      expect(full).toBeGreaterThanOrEqual(12);
    });

    it('puts 28 characters on a full line from the 28 mm left margin, 26 after the indent', () => {
      const { rows } = get();
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

    it(`prints the red issuer mark on one line and the 版记 on the last page with the signature${footAtBottom ? ', at its foot' : ''}`, () => {
      const { rows, pages } = get();
      expect(rows.filter((r) => r.page === 1).map((r) => flat(r.text))[0]).toBe('示例区人民代表大会常务委员会');
      const printed = rows.filter((r) => r.page === pages && flat(r.text).endsWith('印发')).at(-1)!;
      expect(printed).toBeDefined();
      const date = rows.find((r) => r.page === pages && flat(r.text) === '2026年9月22日')!;
      expect(date).toBeDefined();
      expect(printed.centre).toBeGreaterThan(date.centre);
      // LibreOffice 7.4 does not float the 版记 table to the foot (Word and WPS do): it follows the signature
      if (footAtBottom) expect(Math.abs(ptToMm(printed.centre) - (TOP + 21.5 * LINE))).toBeLessThan(3);
    });
  });
}

checks('the app’s PDF of a 20-page opinion', () => app, true);
checks('its DOCX converted by LibreOffice', () => office, false);

describe('the DOCX against the PDF', () => {
  it('breaks the title into the same lines', () => {
    const title = (l: Layout) => l.rows.filter((r) => r.page === 1 && /审议意见|关于/.test(r.text)).map((r) => flat(r.text));
    expect(title(office)).toEqual(title(app));
  });
});
