// A character the role's font lacks is drawn by the first font of its chain that has it
// (documents/pdf-fonts.ts faceFor), and the fonts after that one are not loaded: each parsed face
// holds its whole file (Noto Serif CJK SC: 11 MB), which the document then never draws with.
import { describe, expect, it } from 'vitest';
import { parsedFaceCount } from '../../../src-main/documents/font-files';
import { bundledFonts } from '../../../src-main/documents/fonts';
import { measuringBook, renderPdf } from '../../../src-main/documents/pdf';
import { pdfFonts, pdfText, printed } from '../../helpers/pdf';

const fonts = bundledFonts();

describe("a role's fallback fonts", () => {
  it('load up to the first that has the character, no further', () => {
    const book = measuringBook(fonts);
    expect(book.faceFor('kai', '楷').name).toMatch(/FandolKai/);
    expect(parsedFaceCount()).toBe(1);
    // 镕 is not in FandolKai; AR PL UKai, the next of the 楷体 chain, has it: Noto Serif CJK after it stays unread
    expect(book.faceFor('kai', '镕').name).toMatch(/UKai/);
    expect(parsedFaceCount()).toBe(2);
  });

  it('print the character with that font, and the same document again as the same PDF', async () => {
    const model = { kind: '审议意见', fileTitle: '测试', title: '关于测试的审议意见', blocks: [{ type: 'heading2' as const, text: '（一）朱镕基同志' }, { type: 'paragraph' as const, text: '正文。' }] };
    const pdf = await renderPdf(model, { fonts });
    expect(printed(await renderPdf(model, { fonts }))).toBe(printed(pdf));
    const names = pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names.some((n) => /FandolKai/.test(n))).toBe(true);
    expect(names.some((n) => /UKai/i.test(n))).toBe(true);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain('（一）朱镕基同志');
  });
});
