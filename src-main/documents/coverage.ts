// Which characters the documents can print: every role's chain of fonts (its own font, then the
// bundled fonts of the role, see fonts.ts), the characters that need no glyph, and the error that
// names a character no font of a chain has. The PDF renderer (pdf-fonts.ts) picks its faces from
// these chains; printProblem asks the same chains when a text is entered (every text a command stores
// for the documents: api/printable.ts; roster rows), so a text the documents cannot print is refused
// where it is typed or imported, not when a document is printed mid-session.
import { AppError } from '../shared/result';
import { faceHasGlyph } from './font-files';
import { bundledChain, FONT_ROLES, resolveFonts, ROLE_NAMES, type FontRole, type ResolvedFont, type ResolvedFonts } from './fonts';

/** The role's fonts, best first: its own, then the bundled chain of the role (no duplicates). */
export function fontChain(fonts: ResolvedFonts, role: FontRole): ResolvedFont[] {
  let bundled: ResolvedFont[];
  try {
    bundled = bundledChain(role);
  } catch {
    bundled = []; // no resources/fonts: only the role's own font
  }
  const seen = new Set<string>();
  return [fonts[role], ...bundled].filter((f) => {
    const id = `${f.path}#${f.postscriptName ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Spaces, controls and format characters print nothing: no font needs a glyph for them. */
export function isInvisible(cp: number): boolean {
  return cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || (cp >= 0x200b && cp <= 0x200f) || cp === 0x3000 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);
}

const hex = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The render's error for a character no font of the role's chain has. */
export function missingCharacter(ch: string, role: FontRole): AppError {
  const cp = hex(ch);
  return new AppError('BAD_INPUT', `字符“${ch}”（${cp}）在${ROLE_NAMES[role]}及其补字字体中都没有字形，无法打印。请安装含有该字的字体，或改用其他写法。`, {
    character: ch,
    codePoint: cp,
  });
}

/**
 * Per set of fonts: each role's chain (asked from its end, the face every bundled chain shares, so an
 * ordinary character reads that one font's characters only) and, per code point, the first role whose
 * chain lacks it (null when every role prints it). Built once per set of fonts, filled as characters
 * are asked: a check at entry looks each character up once, never a font file or the disk again.
 * Asking keeps no font file parsed (font-files.ts faceCoverage): a live session checks every text it
 * is given long before, or without, printing anything.
 */
interface Coverage {
  chains: { role: FontRole; fonts: ResolvedFont[] }[];
  verdicts: Map<number, FontRole | null>;
}
const coverages = new WeakMap<ResolvedFonts, Coverage>();

function coverageOf(fonts: ResolvedFonts): Coverage {
  let c = coverages.get(fonts);
  if (!c) coverages.set(fonts, (c = { chains: FONT_ROLES.map((role) => ({ role, fonts: fontChain(fonts, role).reverse() })), verdicts: new Map() }));
  return c;
}

/** The first role whose fonts cannot print the code point, or null. A chain prints a character when any of its fonts has it (the renderer takes the first that does). */
function roleLacking(c: Coverage, cp: number): FontRole | null {
  const hit = c.verdicts.get(cp);
  if (hit !== undefined) return hit;
  const lacking = isInvisible(cp) ? undefined : c.chains.find((chain) => !chain.fonts.some((f) => faceHasGlyph(f.path, f.postscriptName, cp)));
  c.verdicts.set(cp, lacking?.role ?? null);
  return lacking?.role ?? null;
}

/** The first character of text that some role's fonts cannot print, with its role. */
export function unprintableCharacter(text: string, fonts: ResolvedFonts = resolveFonts()): { character: string; codePoint: string; role: FontRole } | null {
  const c = coverageOf(fonts);
  for (const ch of text) {
    const role = roleLacking(c, ch.codePointAt(0)!);
    if (role) return { character: ch, codePoint: hex(ch), role };
  }
  return null;
}

/**
 * Why a text that the documents print (a name, a title, a remark…) cannot be taken, as a Chinese
 * sentence naming the character and its code (the field's name goes before it), or null when every
 * document prints it. `who`: the secretary is told how to get the character printed; a member at a
 * terminal, to write it otherwise.
 */
export function printProblem(text: string, fonts?: ResolvedFonts, who: 'secretary' | 'member' = 'secretary'): string | null {
  const u = unprintableCharacter(text, fonts);
  return u ? unprintableWords(u, who) : null;
}

/** The sentence of printProblem for a character already found. */
export function unprintableWords(u: { character: string; codePoint: string }, who: 'secretary' | 'member' = 'secretary'): string {
  const what = `“${u.character}”（${u.codePoint}）在打印文件所用的字体中没有字形，`;
  return who === 'member' ? `${what}会议记录无法打印，请改用其他写法后重新提交` : `${what}含有它的文件都无法打印。请先安装含有该字的字体，或按办公室打印时的写法录入`;
}
