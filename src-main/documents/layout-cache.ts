// Shaped strings shared by every document of the process, one cache per parsed face. pdfkit shapes
// every string it measures or draws with fontkit and caches the result per document; the result
// depends only on the face and the string, so one cache per face serves every document (shaping was
// most of a render's time once the fonts were parsed once). Two things keep it small in a process
// that prints all day: a run keeps the glyphs' positions as one shared object per glyph wherever
// nothing moves the glyph (nearly every CJK glyph: pdfkit's own run holds a fresh object per glyph,
// ~100 bytes each, about 0.7 MB per 8-page document), and the cache holds at most two generations of
// `limit` strings: when the newer is full, the older is dropped and what is used again is carried
// over, so a document printed again soon is still found whole.

/** A glyph's placement as pdfkit reads it (in its 1000-unit em), advanceWidth added by pdfkit. */
export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** What pdfkit's layout() reads of a shaped run. */
export interface ShapedRun {
  glyphs: readonly { id: number }[];
  positions: readonly Position[];
  advanceWidth: number;
}

/** Strings per face and generation; a 20-page opinion uses about 600 in its body face. */
export const LAYOUT_CACHE_STRINGS = 5000;

export class LayoutCache {
  private newer = new Map<string, ShapedRun>();
  private older = new Map<string, ShapedRun>();
  /** Per glyph id, its position when nothing moves it: one frozen object shared by every run. */
  private readonly plain = new Map<number, Position>();

  constructor(readonly limit = LAYOUT_CACHE_STRINGS) {}

  /** How many strings are kept (both generations). */
  get size(): number {
    return this.newer.size + this.older.size;
  }

  /** Every run kept (for the tests). */
  runs(): ShapedRun[] {
    return [...this.newer.values(), ...this.older.values()];
  }

  get(text: string): ShapedRun | undefined {
    const hit = this.newer.get(text);
    if (hit) return hit;
    const old = this.older.get(text);
    if (old) this.put(text, old);
    return old;
  }

  /** Keeps a freshly shaped run (its positions interned) and returns what is kept. */
  add(text: string, run: ShapedRun): ShapedRun {
    const kept: ShapedRun = { glyphs: run.glyphs, positions: run.positions.map((p, i) => this.intern(run.glyphs[i]!.id, p)), advanceWidth: run.advanceWidth };
    this.put(text, kept);
    return kept;
  }

  private put(text: string, run: ShapedRun): void {
    if (this.newer.size >= this.limit) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(text, run);
  }

  private intern(glyph: number, p: Position): Position {
    if (p.xOffset !== 0 || p.yOffset !== 0 || p.yAdvance !== 0 || p.xAdvance !== p.advanceWidth) return p;
    const shared = this.plain.get(glyph);
    if (shared) return shared.advanceWidth === p.advanceWidth ? shared : p;
    const frozen = Object.freeze({ xAdvance: p.xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: p.advanceWidth });
    this.plain.set(glyph, frozen);
    return frozen;
  }
}

const caches = new WeakMap<object, LayoutCache>();

/** The shared cache of a parsed face (made on first use). */
export function layoutCacheOf(face: object): LayoutCache {
  let cache = caches.get(face);
  if (!cache) caches.set(face, (cache = new LayoutCache()));
  return cache;
}

/** The parts of pdfkit's embedded font this replaces: its per-document cache of shaped strings. */
interface PdfkitShaper {
  layoutCache?: Record<string, unknown>;
  layoutRun(text: string): ShapedRun;
  layoutCached?: (text: string) => ShapedRun;
}

/** Makes one of pdfkit's fonts (of one document) shape through the face's shared cache. */
export function shareLayoutCache(pf: PdfkitShaper, face: object): void {
  if (!pf.layoutCache) return; // the document turned the cache off
  const cache = layoutCacheOf(face);
  pf.layoutCache = undefined; // never filled: the shared cache holds the runs
  pf.layoutCached = (text) => cache.get(text) ?? cache.add(text, pf.layoutRun(text));
}
