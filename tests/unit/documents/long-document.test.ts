// A 12-page 审议意见书 with red header, headings 一、（一）1., punctuation-heavy generated paragraphs,
// signature and 版记, read back from the PDF: Chinese line-breaking rules on every line, the red
// header, the signature block with the last lines on page 13 and the 版记 at the foot of page 14, the
// back of that leaf (GB/T 9704-2012 7.4.1: the 版记 on the last face, an even page).
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFonts } from '../../../src-main/documents/fonts';
import { renderPdf } from '../../../src-main/documents/pdf';
import { mmToPt, pdfPages, pdfRaster, pdfRows, ptToMm, savePdf, savePng, type PdfRow } from '../../helpers/pdf';
import { reviewOpinion } from './sample-docs';

const LEFT = 28;
const RIGHT = 28 + 156;
const TOP = 37;
const BOTTOM = 37 + 225;
const LINE = 225 / 22;
const CHAR = 156 / 28;
const NO_START = '，。、；：？！）》」』〕】”’…';
const NO_END = '（《「『〔【“‘';
const isPageNumber = (r: PdfRow): boolean => /^—\s*\d+\s*—$/.test(r.text);
const isRed = ([r, g, b]: [number, number, number]): boolean => r > 180 && g < 90 && b < 90;
const isDark = ([r, g, b]: [number, number, number]): boolean => r < 110 && g < 110 && b < 110;

let pdf: Buffer;
let rows: PdfRow[];
let pages: number;

beforeAll(async () => {
  pdf = await renderPdf(reviewOpinion(), { fonts: resolveFonts({ preferBundled: true }) });
  const file = savePdf('layout-12-page-review-opinion.pdf', pdf);
  savePng(file, 1);
  const read = pdfPages(pdf);
  pages = read.length;
  rows = pdfRows(read);
});

describe('12-page review opinion', () => {
  it('has 14 pages, each numbered (no widows: a paragraph never leaves one line alone at a page top)', () => {
    expect(pages).toBe(14);
    expect(rows.filter(isPageNumber).map((r) => r.page)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('takes the last lines of the text along with the signature to page 13; page 14 holds only the 版记', () => {
    const last = rows.filter((r) => r.page === pages - 1 && !isPageNumber(r));
    const issuer = last.findIndex((r) => r.text === '示例区人民代表大会常务委员会');
    expect(issuer).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.page === pages && !isPageNumber(r)).map((r) => r.text)[0]).toMatch(/^抄送：/);
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    const text = rows.filter((r) => !isPageNumber(r));
    expect(text.length).toBeGreaterThan(200);
    const badStart = text.filter((r) => NO_START.includes(Array.from(r.text)[0]!));
    const badEnd = text.filter((r) => NO_END.includes(Array.from(r.text).at(-1)!));
    expect(badStart.map((r) => `p${r.page}: ${r.text}`)).toEqual([]);
    expect(badEnd.map((r) => `p${r.page}: ${r.text}`)).toEqual([]);
  });

  it('keeps every line inside the type area (no hanging punctuation was needed)', () => {
    for (const r of rows.filter((x) => !isPageNumber(x))) {
      expect(ptToMm(r.xMin), r.text).toBeGreaterThan(LEFT - 0.5);
      expect(ptToMm(r.xMax), r.text).toBeLessThan(RIGHT + 0.5);
      expect(ptToMm(r.centre), r.text).toBeLessThan(BOTTOM);
    }
  });

  it('justifies every line that its paragraph continues after to both edges of the type area', () => {
    const text = rows.filter((r) => !isPageNumber(r));
    const start = text.findIndex((r) => r.text === '区人民政府：');
    let checked = 0;
    for (let i = start; i < text.length - 1; i++) {
      const next = text[i + 1]!;
      if (Math.abs(ptToMm(next.xMin) - LEFT) > 0.5) continue; // next line indented: a new paragraph or heading
      expect(Math.abs(ptToMm(text[i]!.xMax) - RIGHT), `p${text[i]!.page}: ${text[i]!.text}`).toBeLessThan(0.5);
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('prints the red issuer mark 35 mm below the top of the type area, the number below it and a red rule', () => {
    const first = rows.filter((r) => r.page === 1);
    const mark = first.find((r) => r.text === '示例区人民代表大会常务委员会')!;
    const number = first.find((r) => r.text === '示人常〔2026〕12号')!;
    expect(mark).toBeDefined();
    expect(number).toBeDefined();
    expect(Math.abs(ptToMm((mark.xMin + mark.xMax) / 2) - (LEFT + 78))).toBeLessThan(1);
    expect(Math.abs(ptToMm((number.xMin + number.xMax) / 2) - (LEFT + 78))).toBeLessThan(1);
    expect(ptToMm(mark.xMax - mark.xMin)).toBeLessThanOrEqual(156.5);
    expect(number.centre).toBeGreaterThan(mark.yMax);
    const raster = pdfRaster(pdf, 1, 150);
    // the mark is red: scan its middle line for red ink
    let redInk = 0;
    for (let x = mark.xMin; x < mark.xMax; x += 0.5) if (isRed(raster.at(x, mark.centre))) redInk++;
    expect(redInk).toBeGreaterThan(20);
    // its glyphs start just below 37 + 35 mm: no red above that, red within the first 3 mm of it
    const markTop = mmToPt(TOP + 35);
    const redRows = (from: number, to: number): number[] => {
      const ys: number[] = [];
      for (let y = from; y < to; y += 0.5) {
        for (let x = mark.xMin; x < mark.xMax; x += 1) {
          if (isRed(raster.at(x, y))) {
            ys.push(y);
            break;
          }
        }
      }
      return ys;
    };
    const firstRed = redRows(mmToPt(TOP), mark.yMax)[0]!;
    expect(ptToMm(firstRed)).toBeGreaterThan(TOP + 35 - 0.5);
    expect(ptToMm(firstRed)).toBeLessThan(ptToMm(markTop) + 3);
    // a red rule as wide as the type area below the number
    const title = first.find((r) => r.text.startsWith('示例区人民代表大会常务委员会') && r.centre > number.centre)!;
    let ruleY = NaN;
    for (let y = number.yMax; y < title.yMin && Number.isNaN(ruleY); y += 0.25) if (isRed(raster.at(mmToPt(105), y))) ruleY = y;
    expect(Number.isNaN(ruleY)).toBe(false);
    for (let x = LEFT + 1; x < RIGHT - 1; x += 5) expect(isRed(raster.at(mmToPt(x), ruleY + 0.3)), `rule at ${x} mm`).toBe(true);
    expect(isRed(raster.at(mmToPt(LEFT - 2), ruleY + 0.3))).toBe(false);
    expect(isRed(raster.at(mmToPt(RIGHT + 2), ruleY + 0.3))).toBe(false);
  });

  it('starts the body with the addressee flush left and indents the headings two characters', () => {
    const addressee = rows.find((r) => r.text === '区人民政府：')!;
    expect(Math.abs(ptToMm(addressee.xMin) - LEFT)).toBeLessThan(1);
    for (const h of rows.filter((r) => /^(一|二|三|四)、/.test(r.text) || /^（[一二三]）/.test(r.text))) {
      expect(Math.abs(ptToMm(h.xMin) - (LEFT + 2 * CHAR)), h.text).toBeLessThan(1);
    }
  });

  it('signs two characters in from the right, the date two characters right of the issuer', () => {
    const last = rows.filter((r) => r.page === pages - 1);
    const issuer = last.filter((r) => r.text === '示例区人民代表大会常务委员会').at(-1)!;
    const date = last.find((r) => r.text === '2026年9月22日')!;
    expect(Math.abs(ptToMm(issuer.xMax) - (RIGHT - 2 * CHAR))).toBeLessThan(1);
    expect(Math.abs(ptToMm(date.xMin - issuer.xMin) - 2 * CHAR)).toBeLessThan(1);
    expect(ptToMm(date.centre - issuer.centre)).toBeCloseTo(LINE, 0);
  });

  it('puts the 版记 at the foot of the last page between full-width rules', () => {
    const last = rows.filter((r) => r.page === pages && !isPageNumber(r));
    const printed = last.at(-1)!;
    expect(printed.text).toBe('示例区人大常委会办公室2026年9月23日印发');
    expect(Math.abs(ptToMm(printed.centre) - (TOP + 21.5 * LINE))).toBeLessThan(1.5);
    const inset = 14 / (72 / 25.4);
    expect(Math.abs(ptToMm(printed.xMin) - (LEFT + inset))).toBeLessThan(1);
    expect(Math.abs(ptToMm(printed.xMax) - (RIGHT - inset))).toBeLessThan(1);
    const cc = last.filter((r) => r.centre < printed.centre && r.centre > printed.centre - 3 * mmToPt(LINE));
    expect(cc.map((r) => r.text).join('')).toBe('抄送：区委办公室，区人大常委会各工作机构，区监察委员会，区人民法院，区人民检察院。');
    // continuation lines of 抄送 align with the first character after the colon
    if (cc.length > 1) expect(Math.abs(cc[1]!.xMin - (cc[0]!.xMin + 3 * 14))).toBeLessThan(1);
    // 14 pt (四号): height of its box relative to the 16 pt body on the same page
    const body = rows.find((r) => r.page === pages - 1 && r.text.length > 10)!;
    expect((printed.yMax - printed.yMin) / (body.yMax - body.yMin)).toBeCloseTo(14 / 16, 2);
    // rules: the bottom one on the bottom edge of the type area, one above 抄送, one between
    const raster = pdfRaster(pdf, pages, 150);
    const darkAcross = (y: number): boolean => [LEFT + 0.5, 60, 105, 150, RIGHT - 0.5].every((x) => isDark(raster.at(mmToPt(x), y)));
    const ruleYs: number[] = [];
    for (let y = cc[0]!.centre - mmToPt(LINE) / 2 - 3; y <= mmToPt(BOTTOM) + 3; y += 0.25) {
      if (darkAcross(y) && (ruleYs.length === 0 || y - ruleYs.at(-1)! > 3)) ruleYs.push(y);
    }
    expect(ruleYs).toHaveLength(3);
    expect(Math.abs(ptToMm(ruleYs[2]!) - BOTTOM)).toBeLessThan(0.5);
    expect(ruleYs[1]!).toBeGreaterThan(cc.at(-1)!.centre);
    expect(ruleYs[1]!).toBeLessThan(printed.centre);
    expect(isDark(raster.at(mmToPt(LEFT - 1.5), ruleYs[2]! + 0.2))).toBe(false);
  });
});
