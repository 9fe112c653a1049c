// Which font printed each piece of text of a PDF (pdf.js): for tests that check a line's face, e.g.
// that an article of a 决定 is set in the body 仿宋 and not in a heading face.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextFont {
  page: number;
  text: string;
  /** PostScript name of the font, without the subset tag. */
  font: string;
  /** Baseline, in points from the page's top. */
  y: number;
}

/** Text items of every page with the PostScript name of their font. */
export async function textFonts(bytes: Buffer): Promise<TextFont[]> {
  const task = getDocument({ data: new Uint8Array(bytes), fontExtraProperties: true, verbosity: 0 });
  const doc = await task.promise;
  const out: TextFont[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getOperatorList();
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const font = (page.commonObjs.get(item.fontName) as { name?: string }).name ?? '';
      out.push({ page: n, text: item.str, font: font.replace(/^[A-Z]{6}\+/, ''), y: height - item.transform[5] });
    }
  }
  await task.destroy();
  return out;
}
