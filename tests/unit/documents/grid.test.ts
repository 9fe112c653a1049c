// GB/T 9704-2012 geometry measured from the printed PDF (pdftotext word boxes), not from the layout
// code's constants. The expected numbers come from the standard: A4, type area 156 × 225 mm starting
// 37 mm from the top and 28 mm from the left, 22 lines × 28 characters, page numbers 7 mm below.
//
// Vertical position: the 22 lines split the 225 mm type area into 22 equal bands of 225/22 mm, the
// first starting at the 37 mm top margin. pdftotext reports each word's box from the font's ascent
// and descent; the renderer centres that box in its band, so the box centre of line k (1-based) must
// be 37 + (k − ½)·225/22 mm from the top of the page. Equivalently, the band top recovered from a
// measured centre (centre − ½·225/22) must be 37 mm for the first line; tolerance ±1.5 mm.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFonts } from '../../../src-main/documents/fonts';
import { renderPdf } from '../../../src-main/documents/pdf';
import { pdfPages, pdfRows, ptToMm, savePdf, savePng, type PdfRow } from '../../helpers/pdf';
import { gridDoc } from './sample-docs';

const TOP = 37;
const LEFT = 28;
const WIDTH = 156;
const HEIGHT = 225;
const LINE = HEIGHT / 22;
const CHAR = WIDTH / 28;
const BOTTOM = TOP + HEIGHT;
const RIGHT = LEFT + WIDTH;
const chars = (s: string): number => Array.from(s).length;
const isPageNumber = (r: PdfRow): boolean => /^—\s*\d+\s*—$/.test(r.text);

let rows: PdfRow[];
let pageCount: number;
const BODY_CHARS = 250;

beforeAll(async () => {
  const pdf = await renderPdf(gridDoc(6, BODY_CHARS), { fonts: resolveFonts({ preferBundled: true }) });
  const file = savePdf('grid-resolution-3-pages.pdf', pdf);
  savePng(file, 1);
  const pages = pdfPages(pdf);
  pageCount = pages.length;
  rows = pdfRows(pages);
});

const bodyRows = (page: number): PdfRow[] => rows.filter((r) => r.page === page && !isPageNumber(r));

describe('grid: a resolution with a body of plain characters', () => {
  it('is A4 and spans three pages', async () => {
    expect(pageCount).toBe(3);
  });

  it('puts 22 lines on a full page, 225/22 mm apart, the first band starting at the 37 mm top margin', () => {
    const page2 = bodyRows(2);
    expect(page2).toHaveLength(22);
    page2.forEach((r, i) => {
      const expected = TOP + (i + 0.5) * LINE;
      expect(Math.abs(ptToMm(r.centre) - expected), `line ${i + 1}: ${ptToMm(r.centre).toFixed(2)} mm`).toBeLessThan(1.5);
    });
    const bandTop = ptToMm(page2[0]!.centre) - LINE / 2;
    expect(bandTop).toBeGreaterThan(TOP - 1.5);
    expect(bandTop).toBeLessThan(TOP + 1.5);
    // the box of the first line lies inside the type area, the last one ends above its bottom edge
    expect(ptToMm(page2[0]!.yMin)).toBeGreaterThan(TOP - 0.01);
    expect(ptToMm(page2[21]!.yMax)).toBeLessThan(BOTTOM + 0.01);
    const pitches = page2.slice(1).map((r, i) => ptToMm(r.centre - page2[i]!.centre));
    for (const p of pitches) expect(p).toBeCloseTo(LINE, 1);
  });

  it('puts 28 characters on a full line, from the 28 mm left margin to the right edge of the type area', () => {
    const full = rows.filter((r) => !isPageNumber(r) && chars(r.text) === 28 && !/[（）]/.test(r.text)); // the centred subtitle is not body text
    expect(full.length).toBeGreaterThan(30);
    for (const r of full) {
      expect(Math.abs(ptToMm(r.xMin) - LEFT), `left of "${r.text}"`).toBeLessThan(1);
      expect(Math.abs(ptToMm(r.xMax) - RIGHT), `right of "${r.text}"`).toBeLessThan(1);
    }
    // no line holds more than 28 characters
    for (const r of rows) expect(chars(r.text)).toBeLessThanOrEqual(28);
  });

  it('indents the first line of every paragraph by two characters (26 characters on it)', () => {
    const firsts = rows.filter((r) => !isPageNumber(r) && Math.abs(ptToMm(r.xMin) - (LEFT + 2 * CHAR)) < 1);
    expect(firsts).toHaveLength(6);
    for (const r of firsts) {
      expect(chars(r.text)).toBe(26);
      expect(Math.abs(ptToMm(r.xMax) - RIGHT)).toBeLessThan(1);
    }
  });

  it('prints "— n —" 7 mm below the type area: odd pages on the right, even pages on the left, one character in', () => {
    const numbers = rows.filter(isPageNumber);
    expect(numbers.map((r) => Number(/\d+/.exec(r.text)![0]))).toEqual([1, 2, 3]);
    const inset = 14 / (72 / 25.4); // one 四号 (14 pt) character, in mm
    for (const r of numbers) {
      const n = Number(/\d+/.exec(r.text)![0]);
      expect(Math.abs(ptToMm(r.centre) - (BOTTOM + 7)), `page ${n} vertical`).toBeLessThan(1.5);
      expect(ptToMm(r.yMin)).toBeGreaterThan(BOTTOM);
      if (n % 2 === 1) expect(Math.abs(ptToMm(r.xMax) - (RIGHT - inset)), `page ${n} right edge`).toBeLessThan(1);
      else expect(Math.abs(ptToMm(r.xMin) - (LEFT + inset)), `page ${n} left edge`).toBeLessThan(1);
    }
    // box height of a 14 pt number: the 宋体 face is the serif of the 22 pt title, so 14/22 of its height
    const title = bodyRows(1)[0]!;
    expect((numbers[0]!.yMax - numbers[0]!.yMin) / (title.yMax - title.yMin)).toBeCloseTo(14 / 22, 2);
  });

  it('sets the title in 22 pt (二号), centred, and the subtitle below it', () => {
    const [t1, t2, s1, s2, body] = bodyRows(1);
    expect(t1!.text + t2!.text).toBe('示例区人民代表大会常务委员会关于批准区级决算的决议');
    for (const t of [t1!, t2!]) {
      // ideographs advance one em: the width of a line of n of them is n × the font size
      expect((t.xMax - t.xMin) / chars(t.text)).toBeCloseTo(22, 1);
      expect(Math.abs(ptToMm((t.xMin + t.xMax) / 2) - (LEFT + WIDTH / 2))).toBeLessThan(0.5);
    }
    // the title sits on the grid: its first line in the first band
    expect(Math.abs(ptToMm(t1!.centre) - (TOP + LINE / 2))).toBeLessThan(1.5);
    expect(s1!.text + s2!.text).toBe('（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）');
    expect(s2!.text).toBe('第十六次会议通过）'); // broken between words: the committee and 第十六次会议 stay whole
    // one blank line between the subtitle and the body
    expect(ptToMm(body!.centre - s2!.centre)).toBeCloseTo(2 * LINE, 0);
  });
});
