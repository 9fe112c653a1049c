// A paragraph the PDF sets on one line stays on one line in LibreOffice: LibreOffice 7.4 ignores
// w:autoSpaceDE/DN on import and puts its extra space (about a quarter of an em) wherever ideographs
// meet digits or Latin letters, so a line such as "会议时间：2026年9月22日 09:00　地点：区人大常委会会议室",
// one line in the PDF, Word and WPS, broke its last character onto a second line there (and the 签到表
// under it onto a third page). Such a paragraph gets a slightly tighter character spacing, just
// enough for that extra space; Word and WPS, which add none, set it a little narrower than the PDF.
import { AREA } from '../documents/geometry';
import { tokenize } from '../documents/linebreak';
import type { FontRole } from '../documents/fonts';
import type { FontBook } from '../documents/pdf-fonts';
import { bodyStyle, tokenizeOptions, wrap } from '../documents/typeset';
import { DOCX_PAGE } from './runs';

/** LibreOffice's extra space where an ideograph meets a digit or a Latin letter, in ems (measured ≈ 0.24; a little more for safety). */
const AUTOSPACE_EM = 0.27;
const SIZE = 16;

/**
 * The character spacing (twentieths of a point) for the 三号 runs of a paragraph, or undefined for
 * the grid's own (DOCX_PAGE.charSpacing): tighter only where the PDF sets the text on one line and
 * LibreOffice's extra spaces would not let it fit there. `indent`: the first line's indent, in points.
 */
export function oneLineSpacing(book: FontBook, text: string, role: FontRole, indent: number): number | undefined {
  const style = bodyStyle(role);
  const width = AREA.width - indent;
  if (text.includes('\n') || wrap(book, style, text, width, AREA.width).length !== 1) return undefined;
  const units = tokenize(text, tokenizeOptions(book, style));
  const grid = DOCX_PAGE.charSpacing / 20;
  let chars = 0;
  let office = 0;
  units.forEach((u, i) => {
    const n = Array.from(u.text).length;
    chars += n;
    office += u.kind === 'wide' ? u.cells * (DOCX_PAGE.charPitch / 20) : u.width + n * grid;
    const prev = units[i - 1];
    if (prev && (prev.kind === 'wide') !== (u.kind === 'wide')) office += AUTOSPACE_EM * SIZE;
  });
  const over = office - width;
  if (over <= 0 || chars === 0) return undefined;
  return DOCX_PAGE.charSpacing - Math.ceil((over / chars) * 20);
}
