// Which characters the documents can print: every role's chain of fonts (its own font, then the
// bundled fonts of the role, see fonts.ts), the characters that need no glyph, and the error that
// names a character no font of a chain has. The PDF renderer (pdf-fonts.ts) picks its faces from
// these chains; printProblem asks the same chains when a name is entered, so a name the documents
// cannot print is refused where it is typed or imported, not when a document is printed mid-session.
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

/** Per set of fonts: code point → the first role whose chain lacks it, or null when every role prints it. */
const verdicts = new WeakMap<ResolvedFonts, Map<number, FontRole | null>>();

/**
 * The first role whose fonts cannot print the code point, or null. A chain prints a character when
 * any of its fonts has it (the renderer takes the first that does); the chain is asked from its end,
 * the face every bundled chain shares, so an ordinary character reads that one font only. Asking
 * keeps no font file parsed (font-files.ts faceCoverage): a live session checks every name it is
 * given long before, or without, printing anything.
 */
function roleLacking(fonts: ResolvedFonts, cp: number): FontRole | null {
  let known = verdicts.get(fonts);
  if (!known) verdicts.set(fonts, (known = new Map()));
  const hit = known.get(cp);
  if (hit !== undefined) return hit;
  const lacking = isInvisible(cp) ? undefined : FONT_ROLES.find((role) => !fontChain(fonts, role).reverse().some((f) => faceHasGlyph(f.path, f.postscriptName, cp)));
  known.set(cp, lacking ?? null);
  return lacking ?? null;
}

/** The first character of text that some role's fonts cannot print, with its role. */
export function unprintableCharacter(text: string, fonts: ResolvedFonts = resolveFonts()): { character: string; codePoint: string; role: FontRole } | null {
  for (const ch of text) {
    const role = roleLacking(fonts, ch.codePointAt(0)!);
    if (role) return { character: ch, codePoint: hex(ch), role };
  }
  return null;
}

/**
 * Why a name (or other text that the documents print) cannot be taken, as a Chinese sentence naming
 * the character and its code (the field's name goes before it), or null when every document prints it.
 */
export function printProblem(text: string, fonts?: ResolvedFonts): string | null {
  const u = unprintableCharacter(text, fonts);
  if (!u) return null;
  return `“${u.character}”（${u.codePoint}）在打印文件所用的字体中没有字形，含有它的名单和文件都无法打印。请先安装含有该字的字体，或按办公室打印时的写法录入`;
}
