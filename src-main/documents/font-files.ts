// Font files parsed once per process: every document render shares the parsed fontkit faces (pdfkit
// embeds a fresh subset of them per document), so a render never re-reads or re-parses a font file.
// Also reads a face's own names (family, full name, its Chinese name where the font has one) and
// which characters it has, for the name checks, without keeping the file.
import fs from 'node:fs';
import * as fontkit from 'fontkit';

/** The parts of a parsed fontkit face the layout uses. */
export interface ParsedFace {
  postscriptName: string;
  familyName: string;
  fullName: string;
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
  /** Every code point the face's cmap maps. */
  characterSet: number[];
  glyphForCodePoint(cp: number): { bbox: { minX: number; minY: number; maxX: number; maxY: number } };
  /** fontkit's layout(): pdfkit takes a face with it as an already-parsed font. */
  layout: (...args: never[]) => unknown;
  name?: { records?: Record<string, Record<string, string>> };
}

const cache = new Map<string, ParsedFace | null>();

const key = (file: string, postscriptName?: string): string => `${file}#${postscriptName ?? ''}`;

/**
 * The parsed face of a font file (a .ttc collection's face by PostScript name, else its first face),
 * or null when the file cannot be read or parsed. Parsed once per process.
 */
export function parsedFace(file: string, postscriptName?: string): ParsedFace | null {
  const k = key(file, postscriptName);
  if (cache.has(k)) return cache.get(k)!;
  const face = openFace(file, postscriptName);
  cache.set(k, face);
  return face;
}

function openFace(file: string, postscriptName?: string): ParsedFace | null {
  try {
    const data = fs.readFileSync(file);
    const opened = fontkit.create(data, postscriptName) as unknown as ParsedFace & { fonts?: ParsedFace[] };
    // a collection opened without a PostScript name: its first face
    const face = opened.fonts ? (opened.fonts[0] ?? null) : opened;
    return face && typeof face.hasGlyphForCodePoint === 'function' ? face : null;
  } catch {
    return null;
  }
}

/** How many font files this process has parsed (for the speed test: each is parsed once). */
export function parsedFaceCount(): number {
  return [...cache.values()].filter(Boolean).length;
}

/** The face's name in Chinese (the zh-CN/zh-Hans name record), if it has one. */
function chineseName(face: ParsedFace): string | undefined {
  const rec = face.name?.records;
  for (const id of ['preferredFamily', 'fontFamily', 'fullName']) {
    const names = rec?.[id];
    if (!names) continue;
    const zh = names['zh'] ?? names['zh-CN'] ?? names['zh-Hans'] ?? names['zh-SG'];
    if (zh && /[\u3400-\u9fff]/.test(zh)) return zh;
  }
  return undefined;
}

/**
 * The face's own name for people: its full name, with its Chinese name first where the font has one,
 * e.g. "仿宋 (FangSong)", "FandolFang R", "Noto Serif CJK SC".
 */
export function faceDisplayName(face: ParsedFace): string {
  const own = face.fullName || face.familyName || face.postscriptName;
  const zh = chineseName(face);
  return zh && zh !== own ? `${zh} (${own})` : own;
}

const ownNames = new Map<string, string | null>();

/**
 * A font file's own name, e.g. "FandolFang R"; the label given when the file cannot be read. Asking
 * (system.info, the console's settings) does not keep the file parsed: a parsed face holds the whole
 * file (the four bundled faces ≈ 54 MB), which only a document render needs. The name is kept.
 */
export function fontOwnName(file: string, postscriptName: string | undefined, fallback: string): string {
  const k = key(file, postscriptName);
  const parsed = cache.get(k);
  if (parsed !== undefined) return parsed ? faceDisplayName(parsed) : fallback;
  if (!ownNames.has(k)) {
    const face = openFace(file, postscriptName);
    ownNames.set(k, face ? faceDisplayName(face) : null);
  }
  return ownNames.get(k) ?? fallback;
}

/** A face's code points, one bit each (136 KB for all of Unicode). */
export interface Coverage {
  has(cp: number): boolean;
}

const coverages = new Map<string, Coverage | null>();
const UNICODE = 0x110000;

/**
 * Which characters a face has, read once from its cmap; null when the file cannot be read or
 * parsed. The face is not kept: a parsed face holds its whole file (Noto Serif CJK SC: 11 MB and
 * about 4 MB of parsed tables), which checking the names typed (coverage.ts) does not need.
 */
export function faceCoverage(file: string, postscriptName?: string): Coverage | null {
  const k = key(file, postscriptName);
  if (!coverages.has(k)) {
    const face = cache.get(k) ?? openFace(file, postscriptName);
    let coverage: Coverage | null = null;
    if (face) {
      const bits = new Uint8Array(UNICODE >> 3);
      for (const cp of face.characterSet) if (cp < UNICODE && face.hasGlyphForCodePoint(cp)) bits[cp >> 3]! |= 1 << (cp & 7);
      coverage = { has: (cp) => cp >= 0 && cp < UNICODE && (bits[cp >> 3]! & (1 << (cp & 7))) !== 0 };
    }
    coverages.set(k, coverage);
  }
  return coverages.get(k)!;
}

/**
 * Whether the face has a glyph for the code point (false when its file cannot be read): the parsed
 * face where a render holds it, else its coverage (faceCoverage), so asking parses nothing to keep.
 */
export function faceHasGlyph(file: string, postscriptName: string | undefined, cp: number): boolean {
  const parsed = cache.get(key(file, postscriptName));
  if (parsed !== undefined) return parsed?.hasGlyphForCodePoint(cp) ?? false;
  return faceCoverage(file, postscriptName)?.has(cp) ?? false;
}
