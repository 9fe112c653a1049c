// The fonts of one PDF: loads each role's font into pdfkit (falling back to the bundled font when a
// system font cannot be read), picks a font per character (a character missing from the role's font
// is taken from the bundled font of that role, then from the bundled serif, which also covers CJK
// Extension A), measures text and remembers which fonts the document really used.
import path from 'node:path';
import type PDFDocument from 'pdfkit';
import { bundledFonts, FONT_ROLES, ROLE_NAMES, type FontRole, type ResolvedFont, type ResolvedFonts } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;

/** The parts of pdfkit's embedded-font object the layout needs (not in @types/pdfkit). */
interface PdfkitFont {
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
  private readonly faceCache = new Map<string, Face>();
  private readonly widthCache = new Map<string, number>();
  private bundled: ResolvedFonts | null | undefined;
  /** Faces that drew at least one character, with the roles they served (as the role's own font or as a fallback). */
  readonly used = new Map<Face, { own: Set<FontRole>; fallback: Set<FontRole> }>();

  constructor(
    private readonly doc: Doc,
    readonly fonts: ResolvedFonts,
  ) {
    for (const role of FONT_ROLES) this.chains.set(role, [fonts[role]]);
  }

  private bundledSet(): ResolvedFonts | null {
    if (this.bundled === undefined) {
      try {
        this.bundled = bundledFonts();
      } catch {
        this.bundled = null;
      }
    }
    return this.bundled;
  }

  /** The role's fonts, best first: its own, the bundled one for the role, the bundled serif. */
  private chain(role: FontRole): ResolvedFont[] {
    const chain = this.chains.get(role)!;
    if (chain.length === 1) {
      const b = this.bundledSet();
      if (b) chain.push(b[role], b.fangsong);
    }
    return chain;
  }

  private load(font: ResolvedFont): Face | null {
    const id = `${font.path}#${font.postscriptName ?? ''}`;
    if (this.faces.has(id)) return this.faces.get(id)!;
    const key = `F${this.faces.size + 1}`;
    let face: Face | null;
    try {
      if (font.postscriptName) this.doc.registerFont(key, font.path, font.postscriptName);
      else this.doc.registerFont(key, font.path);
      this.doc.font(key);
      const pf = (this.doc as unknown as { _font: PdfkitFont })._font;
      const glyphs = pf.font;
      face = {
        key,
        font,
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
    for (const f of this.chain(role)) {
      const face = this.load(f);
      if (face) return face;
    }
    throw new Error(`无法加载${ROLE_NAMES[role]}字体：${this.fonts[role].path}`);
  }

  /** The font that draws character ch for the role. */
  faceFor(role: FontRole, ch: string): Face {
    const cacheKey = `${role}\u0000${ch}`;
    const hit = this.faceCache.get(cacheKey);
    if (hit) return hit;
    const cp = ch.codePointAt(0)!;
    let chosen = this.primary(role);
    if (cp > 0x20 && !chosen.has(cp)) {
      for (const f of this.chain(role)) {
        const face = this.load(f);
        if (face?.has(cp)) {
          chosen = face;
          break;
        }
      }
    }
    this.faceCache.set(cacheKey, chosen);
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
    const k = `${face.key}\u0000${size}\u0000${text}`;
    let w = this.widthCache.get(k);
    if (w === undefined) {
      w = this.doc.font(face.key).fontSize(size).widthOfString(text);
      if (text.length <= 2) this.widthCache.set(k, w);
    }
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

  /**
   * "仿宋/宋体=Noto Serif CJK SC (bundled, NotoSerifCJKsc-Regular.subset.otf); 黑体补字=…" for the
   * document info: each font used, with the roles it served ("补字" where it stood in for characters
   * the role's own font lacks).
   */
  describeUsed(): string {
    const parts: string[] = [];
    for (const [face, roles] of this.used) {
      const own = FONT_ROLES.filter((r) => roles.own.has(r)).map((r) => ROLE_NAMES[r]);
      const fallback = FONT_ROLES.filter((r) => roles.fallback.has(r) && !roles.own.has(r)).map((r) => `${ROLE_NAMES[r]}补字`);
      parts.push(`${[...own, ...fallback].join('/')}=${face.font.family} (${face.font.source}, ${path.basename(face.font.path)})`);
    }
    return parts.join('; ');
  }
}
