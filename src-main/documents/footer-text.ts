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
