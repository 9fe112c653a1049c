// The fonts of one PDF: puts each role's fonts into pdfkit (parsed once per process, see
// font-files.ts; a system font that cannot be read gives way to the next), picks a font per character
// along the role's chain (its own font, then the bundled fonts of the role, down to Noto Serif CJK SC,
// which covers all 8105 通用规范汉字 and CJK Extensions A–F), stops the render naming a character no
// font has, measures text (shaped strings shared across documents, layout-cache.ts), embeds its
// subsets through font-programs.ts and remembers which faces the document really used.
import path from 'node:path';
import type PDFDocument from 'pdfkit';
import { faceDisplayName, parsedFace } from './font-files';
import { fontChain, isInvisible, missingCharacter } from './coverage';
import { FONT_ROLES, ROLE_NAMES, type FontRole, type ResolvedFont, type ResolvedFonts } from './fonts';
import { embedOnce } from './font-programs';
import { shareLayoutCache } from './layout-cache';

type Doc = InstanceType<typeof PDFDocument>;

/** The parts of pdfkit's embedded-font object the layout needs (not in @types/pdfkit). */
interface PdfkitFont {
  id: string;
  ascender: number;
  descender: number;
  font?: {
    unitsPerEm: number;
    hasGlyphForCodePoint(cp: number): boolean;
    glyphForCodePoint(cp: number): { bbox: { minX: number; minY: number; maxX: number; maxY: number } };
  };
}

/** A glyph's ink box in ems (y up from the baseline). */
export interface Ink {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface Face {
  /** Name registered with pdfkit. */
  key: string;
  font: ResolvedFont;
  /** The face's own name, e.g. "FandolFang R", "仿宋 (FangSong)". */
  name: string;
  /** Ascender and descender per point of font size (descent is negative), as written to the PDF. */
  ascent: number;
  descent: number;
  has(cp: number): boolean;
  /** Ink box of the glyph for cp, or null when the font cannot tell. */
  ink(cp: number): Ink | null;
}

export interface Segment {
  face: Face;
  text: string;
}

export class FontBook {
  private readonly faces = new Map<string, Face | null>();
  private readonly chains = new Map<FontRole, ResolvedFont[]>();
  private readonly primaries = new Map<FontRole, Face>();
  /** Per role, the face that draws each character. */
  private readonly faceCache = new Map<FontRole, Map<string, Face>>();
  /** Per face and size, the widths of strings of one or two characters. */
  private readonly widthCache = new Map<Face, Map<number, Map<string, number>>>();
  /** Faces that drew at least one character, with the roles they served (as the role's own font or as a fallback). */
  readonly used = new Map<Face, { own: Set<FontRole>; fallback: Set<FontRole> }>();

  constructor(
    private readonly doc: Doc,
    readonly fonts: ResolvedFonts,
  ) {
  }

  /** The role's fonts, best first: its own, then the bundled chain of the role (see coverage.ts). */
  private chain(role: FontRole): ResolvedFont[] {
    let chain = this.chains.get(role);
    if (!chain) this.chains.set(role, (chain = fontChain(this.fonts, role)));
    return chain;
  }

  private load(font: ResolvedFont): Face | null {
    const id = `${font.path}#${font.postscriptName ?? ''}`;
    if (this.faces.has(id)) return this.faces.get(id)!;
    const key = `F${this.faces.size + 1}`;
    let face: Face | null;
    const parsed = parsedFace(font.path, font.postscriptName);
    if (!parsed) {
      this.faces.set(id, null); // unreadable or unsupported font file: the next font in the chain takes over
      return null;
    }
    try {
      this.doc.registerFont(key, parsed as never);
      this.doc.font(key);
      const pf = (this.doc as unknown as { _font: PdfkitFont })._font;
      embedOnce(pf as never);
      shareLayoutCache(pf as never, parsed);
      const glyphs = pf.font;
      face = {
        key,
        font,
        name: faceDisplayName(parsed),
        ascent: pf.ascender / 1000,
        descent: pf.descender / 1000,
        has: (cp) => (glyphs ? glyphs.hasGlyphForCodePoint(cp) : cp < 0x80),
        ink: (cp) => {
          if (!glyphs?.hasGlyphForCodePoint(cp)) return null;
          const b = glyphs.glyphForCodePoint(cp).bbox;
          const em = glyphs.unitsPerEm;
          return b.maxX > b.minX ? { xMin: b.minX / em, xMax: b.maxX / em, yMin: b.minY / em, yMax: b.maxY / em } : null;
        },
      };
    } catch {
      face = null; // unreadable or unsupported font file: the next font in the chain takes over
    }
    this.faces.set(id, face);
    return face;
  }

  /** The first loadable font of the role (its metrics position the role's lines). */
  primary(role: FontRole): Face {
    const known = this.primaries.get(role);
    if (known) return known;
    for (const f of this.chain(role)) {
      const face = this.load(f);
      if (face) {
        this.primaries.set(role, face);
        return face;
      }
    }
    throw new Error(`无法加载${ROLE_NAMES[role]}字体：${this.fonts[role].path}`);
  }

  /**
   * The font that draws character ch for the role: the first of the role's chain that has it. A
   * character no font of the chain has stops the render with an error naming it (never a blank).
   */
  faceFor(role: FontRole, ch: string): Face {
    let faces = this.faceCache.get(role);
    if (!faces) this.faceCache.set(role, (faces = new Map()));
    const hit = faces.get(ch);
    if (hit) return hit;
    const cp = ch.codePointAt(0)!;
    let chosen = this.primary(role);
    if (!isInvisible(cp) && !chosen.has(cp)) {
      // the first of the chain that has it; the fonts after it are not loaded (each holds its whole file)
      let found: Face | null = null;
      for (const f of this.chain(role)) if ((found = this.load(f))?.has(cp)) break;
      if (!found?.has(cp)) throw missingCharacter(ch, role);
      chosen = found;
    }
    faces.set(ch, chosen);
    return chosen;
  }

  /** Splits text into runs drawn by the same font. */
  segments(role: FontRole, text: string): Segment[] {
    const out: Segment[] = [];
    for (const ch of Array.from(text)) {
      const face = this.faceFor(role, ch);
      const last = out.at(-1);
      if (last && last.face === face) last.text += ch;
      else out.push({ face, text: ch });
    }
    return out;
  }

  /** Advance width of text in a given face, in points. */
  width(face: Face, text: string, size: number): number {
    if (text.length > 2) return this.doc.font(face.key).fontSize(size).widthOfString(text);
    let sizes = this.widthCache.get(face);
    if (!sizes) this.widthCache.set(face, (sizes = new Map()));
    let widths = sizes.get(size);
    if (!widths) sizes.set(size, (widths = new Map()));
    let w = widths.get(text);
    if (w === undefined) widths.set(text, (w = this.doc.font(face.key).fontSize(size).widthOfString(text)));
    return w;
  }

  /** Advance width of text set in the role's fonts, in points. */
  measure(role: FontRole, text: string, size: number): number {
    return this.segments(role, text).reduce((a, s) => a + this.width(s.face, s.text, size), 0);
  }

  /** Selects the face in pdfkit and records its use. */
  use(face: Face, role: FontRole, size: number): void {
    this.doc.font(face.key).fontSize(size);
    let roles = this.used.get(face);
    if (!roles) this.used.set(face, (roles = { own: new Set(), fallback: new Set() }));
    (face === this.primary(role) ? roles.own : roles.fallback).add(role);
  }

  /** The faces used, by their own names ("FandolFang R", "Noto Serif CJK SC", …). */
  usedNames(): string[] {
    return [...new Set([...this.used.keys()].map((f) => f.name))];
  }

  /**
   * "仿宋=FandolFang R (bundled, FandolFang-Regular.otf); 仿宋补字/黑体补字=Noto Serif CJK SC (…)" for
   * the document info: each face used, by its own name, with the roles it served ("补字" where it
   * stood in for characters the role's own font lacks).
   */
  describeUsed(): string {
    const parts: string[] = [];
    for (const [face, roles] of this.used) {
      const own = FONT_ROLES.filter((r) => roles.own.has(r)).map((r) => ROLE_NAMES[r]);
      const fallback = FONT_ROLES.filter((r) => roles.fallback.has(r) && !roles.own.has(r)).map((r) => `${ROLE_NAMES[r]}补字`);
      parts.push(`${[...own, ...fallback].join('/')}=${face.name} (${face.font.source}, ${path.basename(face.font.path)})`);
    }
    return parts.join('; ');
  }
}
