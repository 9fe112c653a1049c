// How pdfkit embeds a document's font subsets, in two respects. The tag: pdfkit names every subset
// "<tag>+<font>" with a tag made from its internal font number, so every PDF has the same tags
// ("BZZZZZ+…"), a risk when several are merged or printed in one job; here the tag is a hash of the
// subset itself (the font and its glyphs in subset order). The program: subsetting a face (fontkit)
// and deflating the result was a sixth of a 20-page render, and a document printed again embeds the
// same subsets; the last few deflated programs of each face are kept, by that hash, and written as
// they are (the same bytes pdfkit would write: the same deflate, once).
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/** The parts of pdfkit's embedded font this reads or wraps (not in @types/pdfkit). */
export interface EmbeddedFont {
  id: string;
  subset?: { glyphs?: number[]; encode(): Uint8Array };
  embed?: () => unknown;
  font?: object;
  document?: { ref(data?: object): PdfRef };
}

/** pdfkit's indirect object (PDFReference): a compressed stream unless told otherwise. */
interface PdfRef {
  compress: boolean;
  data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array): void;
  finalize(): void;
}

/** Deflated font programs kept per face (a 20-page opinion's body face: about 170 KB). */
export const PROGRAMS_PER_FACE = 4;

const programs = new WeakMap<object, Map<string, Buffer>>();

/** The deflated program of a face's subset `key`, made by `make` when not kept. */
function program(face: object, key: string, make: () => Uint8Array): Buffer {
  let kept = programs.get(face);
  if (!kept) programs.set(face, (kept = new Map()));
  let bytes = kept.get(key);
  if (bytes) {
    kept.delete(key); // most recently used last
  } else {
    bytes = zlib.deflateSync(make()); // pdfkit's own deflate (default level)
    if (kept.size >= PROGRAMS_PER_FACE) kept.delete(kept.keys().next().value!);
  }
  kept.set(key, bytes);
  return bytes;
}

/** How many programs of the face are kept (for the tests). */
export function keptPrograms(face: object): number {
  return programs.get(face)?.size ?? 0;
}

const NOTHING = new Uint8Array(0);

/**
 * Wraps the font's embed (pdfkit calls it once per font when the document ends): its subset gets a
 * tag of its own, and its font program (the first object embed makes, FontFile2/FontFile3, ended
 * with the subset's encoding) is the kept deflated one, subset and deflated only when not kept.
 */
export function embedOnce(pf: EmbeddedFont): void {
  const embed = pf.embed;
  const face = pf.font as { postscriptName?: string } | undefined;
  if (!embed || !face) return;
  pf.embed = function (this: EmbeddedFont) {
    const h = createHash('sha256').update(face.postscriptName ?? '').update(JSON.stringify(this.subset?.glyphs ?? [])).digest();
    // pdfkit builds the tag from characters 1–6 of the id, each code + 17: '0' + n gives letter A + n
    const saved = this.id;
    this.id = `F${Array.from(h.subarray(0, 6), (b) => String.fromCharCode(48 + (b % 26))).join('')}`;
    const { document: doc, subset } = this;
    const ref = doc?.ref;
    const encode = subset?.encode;
    if (doc && ref && subset && encode) {
      subset.encode = () => NOTHING; // encoded below, only when not kept
      doc.ref = function (data) {
        doc.ref = ref;
        const file = ref.call(doc, data);
        file.compress = false;
        file.end = () => {
          file.write(program(face, h.toString('hex'), () => encode.call(subset)));
          file.data.Filter = 'FlateDecode'; // after Length, as pdfkit orders them
          file.finalize();
        };
        return file;
      };
    }
    try {
      return embed.call(this);
    } finally {
      this.id = saved;
      if (doc && ref) doc.ref = ref;
      if (subset && encode) subset.encode = encode;
    }
  };
}
