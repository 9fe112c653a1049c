// The console's settings and system.info name the fonts formal documents are printed with. Naming
// them reads each file's own name but does not keep the file parsed (documents/font-files.ts): a
// parsed face holds its whole file (the bundled faces ≈ 54 MB), which only a document render needs,
// and the meeting machine's memory during a session must not carry it for a settings page.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsedFace, parsedFaceCount } from '../../../src-main/documents/font-files';
import { bundledFonts, documentFontsInUse, FONT_ROLES } from '../../../src-main/documents/fonts';

describe('naming the fonts in use', () => {
  it('gives each role its font file’s own name and keeps no font file parsed', () => {
    const fonts = bundledFonts();
    expect(parsedFaceCount()).toBe(0);
    const named = documentFontsInUse(fonts);
    expect(parsedFaceCount()).toBe(0);
    expect(named).toHaveLength(FONT_ROLES.length);
    for (const [i, role] of FONT_ROLES.entries()) {
      // The same name a render's parsed face gives (parsed here only to compare, afterwards).
      expect(named[i]!.file).toBe(path.basename(fonts[role].path));
      expect(named[i]!.family).toMatch(/Fandol|Noto|AR PL|UKai/i);
    }
    const first = fonts[FONT_ROLES[0]!];
    const face = parsedFace(first.path, first.postscriptName)!;
    expect(named[0]!.family).toContain(face.fullName || face.familyName);
    // Named again once parsed: the same answer.
    expect(documentFontsInUse(fonts)[0]!.family).toBe(named[0]!.family);
  });
});
