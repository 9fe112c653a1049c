// The font programs a document embeds (documents/font-programs.ts): a face's subset is encoded and
// deflated once per distinct subset in a process, a document printed again (after another) is the
// same PDF as its first print, each face embedded once, and the programs kept per face are bounded.
import { describe, expect, it, vi } from 'vitest';
import { parsedFace } from '../../../src-main/documents/font-files';
import { keptPrograms, PROGRAMS_PER_FACE } from '../../../src-main/documents/font-programs';
import { resolveFonts } from '../../../src-main/documents/fonts';
import { renderPdf } from '../../../src-main/documents/pdf';
import { pdfFonts, pdfText, printed } from '../../helpers/pdf';
import { reviewOpinion } from './sample-docs';

const fonts = resolveFonts({ preferBundled: true });
const body = () => parsedFace(fonts.fangsong.path, fonts.fangsong.postscriptName)! as unknown as { createSubset(): object };

describe('font programs', () => {
  it('subsets and deflates a face once per distinct subset: a document printed again, after another, is the same PDF', async () => {
    const encode = vi.spyOn(Object.getPrototypeOf(body().createSubset()) as { encode(): Uint8Array }, 'encode');
    const b = await renderPdf(reviewOpinion(7, 2), { fonts });
    const ofB = encode.mock.calls.length;
    expect(ofB).toBeGreaterThan(0);
    const a = await renderPdf(reviewOpinion(8, 2), { fonts });
    const ofBoth = encode.mock.calls.length;
    expect(ofBoth).toBeGreaterThan(ofB); // another document, other subsets
    const a2 = await renderPdf(reviewOpinion(8, 2), { fonts });
    const b2 = await renderPdf(reviewOpinion(7, 2), { fonts });
    expect(encode.mock.calls.length).toBe(ofBoth); // nothing subset again
    encode.mockRestore();
    expect(printed(b2)).toBe(printed(b));
    expect(printed(a2)).toBe(printed(a));
    expect(printed(a)).not.toBe(printed(b));
    expect(pdfText(b2)).toBe(pdfText(b));
    const names = pdfFonts(b2).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names.length).toBeGreaterThan(1);
    expect(new Set(names).size).toBe(names.length); // each face embedded once
  });

  it('keeps the last few programs of a face', async () => {
    for (let seed = 20; seed < 20 + PROGRAMS_PER_FACE + 2; seed++) await renderPdf(reviewOpinion(seed, 1), { fonts });
    expect(keptPrograms(body())).toBe(PROGRAMS_PER_FACE);
  });
});
