// The shaped strings every document shares (documents/layout-cache.ts): a process that prints all
// day keeps a bounded number of them per face (before, every string of 200 documents: about 0.7 MB
// per 8-page document), a glyph's plain position is one object shared by every run, and a warm
// cache changes nothing in the PDF.
import { describe, expect, it } from 'vitest';
import { parsedFace } from '../../../src-main/documents/font-files';
import { resolveFonts } from '../../../src-main/documents/fonts';
import { LayoutCache, layoutCacheOf, type Position, type ShapedRun } from '../../../src-main/documents/layout-cache';
import { renderPdf } from '../../../src-main/documents/pdf';
import { pdfText, pdfWords } from '../../helpers/pdf';
import { reviewOpinion } from './sample-docs';

const fonts = resolveFonts({ preferBundled: true });
const body = () => parsedFace(fonts.fangsong.path, fonts.fangsong.postscriptName)!;

const plain = (adv: number): Position => ({ xAdvance: adv, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: adv });
const run = (ids: number[], adv = 1000): ShapedRun => ({ glyphs: ids.map((id) => ({ id })), positions: ids.map(() => plain(adv)), advanceWidth: ids.length * adv });

describe('the shared cache of shaped strings', () => {
  it('keeps at most two generations of its limit, and what is used again is carried over', () => {
    const cache = new LayoutCache(100);
    cache.add('常用', run([1, 2]));
    for (let i = 0; i < 1000; i++) {
      cache.add(`第${i}行`, run([3, 4, 5]));
      if (i % 50 === 0) expect(cache.get('常用')).toBeDefined();
      expect(cache.size).toBeLessThanOrEqual(200);
    }
    expect(cache.get('常用')?.advanceWidth).toBe(2000);
    expect(cache.get('第0行')).toBeUndefined(); // long dropped
    expect(cache.get('第999行')).toBeDefined();
  });

  it('shares one frozen position per glyph where nothing moves it, and keeps a moved one as it is', () => {
    const cache = new LayoutCache();
    const a = cache.add('甲乙', run([7, 8]));
    const b = cache.add('乙甲', run([8, 7]));
    expect(b.positions[1]).toBe(a.positions[0]);
    expect(b.positions[0]).toBe(a.positions[1]);
    expect(Object.isFrozen(a.positions[0])).toBe(true);
    const kerned: ShapedRun = { glyphs: [{ id: 7 }, { id: 9 }], positions: [{ ...plain(1000), xAdvance: 940 }, { ...plain(500), yOffset: 20 }], advanceWidth: 1440 };
    const k = cache.add('AV', kerned);
    expect(k.positions[0]).toEqual({ ...plain(1000), xAdvance: 940 });
    expect(k.positions[0]).not.toBe(a.positions[0]);
    expect(k.positions[1]!.yOffset).toBe(20);
  });

  it('is what the renderer shapes through: the strings of every document, each glyph placed plainly by one shared position', async () => {
    const first = await renderPdf(reviewOpinion(1, 2), { fonts });
    const cache = layoutCacheOf(body());
    expect(cache.size).toBeGreaterThan(0);
    for (let seed = 2; seed <= 12; seed++) await renderPdf(reviewOpinion(seed, 2), { fonts });
    expect(cache.size).toBeGreaterThan(1000); // every document's strings, shared
    // every glyph placed plainly has one position object, whichever string of whichever document it is in
    const byGlyph = new Map<number, Set<Position>>();
    for (const r of cache.runs())
      r.positions.forEach((p, i) => {
        if (p.xOffset || p.yOffset || p.xAdvance !== p.advanceWidth) return;
        const id = r.glyphs[i]!.id;
        byGlyph.set(id, (byGlyph.get(id) ?? new Set()).add(p));
      });
    expect(byGlyph.size).toBeGreaterThan(200);
    expect([...byGlyph.values()].filter((s) => s.size > 1)).toEqual([]);
    // a warm cache places every word where a cold one did
    const again = await renderPdf(reviewOpinion(1, 2), { fonts });
    expect(pdfWords(again)).toEqual(pdfWords(first));
    expect(pdfText(again)).toBe(pdfText(first));
  });
});
