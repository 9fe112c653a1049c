// The 版记's texts as printed (GB/T 9704-2012 7.4.2–7.4.3), shared by the PDF (frame.ts) and the
// DOCX (documents-docx/footer.ts) so both print the same lines: the 抄送 list without its label and
// ending in a full stop, the 印发 date ending in 印发, and the list broken with each name whole.
import type { DocModel } from './model';

export interface FooterTexts {
  /** The 抄送 organs, "抄送：" left off, ending in "。"; null when there are none. */
  cc: string | null;
  printedBy: string;
  /** "2026年9月23日印发". */
  printedDate: string;
}

export function footerTexts(footer: NonNullable<DocModel['footer']>): FooterTexts {
  let cc = (footer.cc ?? '').trim().replace(/^抄送[：:]\s*/, '');
  if (cc && !/[。.]$/.test(cc)) cc += '。';
  const printedDate = /印发$/.test(footer.printedDate) ? footer.printedDate : `${footer.printedDate}印发`;
  return { cc: cc || null, printedBy: footer.printedBy, printedDate };
}

/**
 * A list ("甲，乙，丙。") in lines, each name whole on a line where it fits (`fits` says whether a
 * line does). A single name longer than a line gets a line of its own, for the caller to wrap.
 */
export function listLines(text: string, fits: (line: string) => boolean): string[] {
  const items = text.match(/[^，、；]+[，、；]?/g) ?? [text];
  const lines: string[] = [];
  let cur = '';
  for (const item of items) {
    if (cur && !fits(cur + item)) {
      lines.push(cur);
      cur = '';
    }
    cur += item;
  }
  if (cur) lines.push(cur);
  return lines;
}

/**
 * Where the 版记 goes, by the page the document's last lines end on (1-based) and whether the 版记
 * fits under them there (GB/T 9704-2012: documents are printed on both sides; 7.4.1 the last rule of
 * the 版记 lies on the foot of the type area of the document's last face, which is an even page, the
 * back of the last leaf; 7.5 "公文的版记页前有空白页的，空白页和版记页均不编排页码"):
 * - an even page it fits on: there, under the last lines (`newPages` 0);
 * - an odd page: the page after it, the back of the same leaf, numbered as usual (`newPages` 1);
 * - an even page it does not fit on: a blank page, then the 版记 page, both without page numbers
 *   (`newPages` 2, `numbered` false).
 * The 版记 never takes lines of text along: it may stand alone on the last face.
 */
export interface FooterPlacement {
  /** Pages started after the last lines' page; the 版记 is on the last of them. */
  newPages: 0 | 1 | 2;
  /** Whether the pages started for the 版记 carry page numbers. */
  numbered: boolean;
}

export function footerPlacement(lastPage: number, fits: boolean): FooterPlacement {
  if (lastPage % 2 === 1) return { newPages: 1, numbered: true };
  return fits ? { newPages: 0, numbered: true } : { newPages: 2, numbered: false };
}
