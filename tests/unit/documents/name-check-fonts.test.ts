// The name check (documents/coverage.ts) reads which characters the fonts have without keeping a
// font file parsed: a live session checks every name it is given, and a parsed face holds its whole
// file (Noto Serif CJK SC: 11 MB and its tables) that only a render needs. What it reads is the
// face's own cmap: the same verdict as the parsed face the renderer asks, for every code point.
import { describe, expect, it } from 'vitest';
import { printProblem, unprintableCharacter } from '../../../src-main/documents/coverage';
import { faceCoverage, parsedFace, parsedFaceCount } from '../../../src-main/documents/font-files';
import { bundledFonts, FONT_ROLES, LAST_RESORT_FONT, resourcesDir } from '../../../src-main/documents/fonts';
import { renderPdf } from '../../../src-main/documents/pdf';
import path from 'node:path';

const fonts = bundledFonts();

describe('the name check and the fonts', () => {
  it('checks names, rare ones and refused ones, keeping no font file parsed', () => {
    expect(printProblem('王𬌗', fonts)).toBeNull();
    expect(printProblem('阿依古丽·买买提', fonts)).toBeNull();
    expect(unprintableCharacter('赵\u{2A6A5}', fonts)?.character).toBe('\u{2A6A5}');
    expect(parsedFaceCount()).toBe(0);
  });

  it("reads the same characters from a face's cmap as the parsed face has, over all of Unicode's planes in use", () => {
    const files = [...new Set(FONT_ROLES.map((r) => fonts[r].path)), path.join(resourcesDir(), 'fonts', LAST_RESORT_FONT.file)];
    for (const file of files) {
      const coverage = faceCoverage(file)!;
      const face = parsedFace(file)!;
      const differ: number[] = [];
      for (let cp = 0; cp < 0x40000; cp++) if (coverage.has(cp) !== face.hasGlyphForCodePoint(cp)) differ.push(cp);
      expect(differ, file).toEqual([]);
      expect(coverage.has(0x6c34), file).toBe(true); // 水
    }
  });

  it('then agrees with the renderer, which parses the faces once for both', async () => {
    await renderPdf({ kind: 'x', fileTitle: 'x', title: '名单', blocks: [{ type: 'paragraph', text: '王𬌗、张𠇔、李䶮' }] }, { fonts });
    const parsed = parsedFaceCount();
    expect(printProblem('张𠇔', fonts)).toBeNull();
    expect(unprintableCharacter('\u{2A6A5}', fonts)?.character).toBe('\u{2A6A5}');
    expect(parsedFaceCount()).toBe(parsed);
  });
});
