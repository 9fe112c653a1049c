// Reads DOCX files back (unzip -p) so tests check what was written: the XML parts, the paragraphs
// of word/document.xml with their text, fonts, sizes and alignment.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_DIR } from './pdf';

/** Keeps a DOCX under test-results/documents/ so a person can open it; returns its path. */
export function saveDocx(name: string, docx: Buffer): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name.endsWith('.docx') ? name : `${name}.docx`);
  fs.writeFileSync(file, docx);
  return file;
}

/** One part of the package, e.g. "word/document.xml". */
export function docxPart(docx: Buffer, part: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-docx-'));
  const file = path.join(dir, 'in.docx');
  fs.writeFileSync(file, docx);
  try {
    return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function docxParts(docx: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-docx-'));
  const file = path.join(dir, 'in.docx');
  fs.writeFileSync(file, docx);
  try {
    return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface DocxParagraph {
  xml: string;
  /** Text of its runs; a w:br is "\n". */
  text: string;
  /** East Asian fonts of its runs that carry text. */
  fonts: string[];
  /** Sizes (half-points) of its runs that carry text. */
  sizes: number[];
  align: string | null;
  inTable: boolean;
  /** In a text box (the 版记's). */
  inTextBox: boolean;
}

const unescapeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The paragraphs of a WordprocessingML part in order (those inside tables marked); the paragraphs of
 * a text box (w:txbxContent) follow the paragraph that holds it, marked inTextBox.
 */
export function docxParagraphs(xml: string, inTextBox = false): DocxParagraph[] {
  const boxes = [...xml.matchAll(/<w:txbxContent>([\s\S]*?)<\/w:txbxContent>/g)];
  if (boxes.length) {
    // the holding paragraphs without the boxes' contents, then each box's paragraphs after its holder
    const outer = docxParagraphs(xml.replace(/<w:txbxContent>[\s\S]*?<\/w:txbxContent>/g, '<w:txbxContent/>'), inTextBox);
    const inner = boxes.map((b) => docxParagraphs(b[1]!, true));
    let box = 0;
    return outer.flatMap((p) => {
      const n = (p.xml.match(/<w:txbxContent\/>/g) ?? []).length;
      const held = inner.slice(box, box + n).flat();
      box += n;
      return [p, ...held];
    });
  }
  const tables: [number, number][] = [];
  for (const m of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) tables.push([m.index!, m.index! + m[0].length]);
  const out: DocxParagraph[] = [];
  for (const m of xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const p = m[1]!;
    const runs = [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => r[1]!);
    let text = '';
    const fonts: string[] = [];
    const sizes: number[] = [];
    for (const r of runs) {
      const t = [...r.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:br\/>/g)].map((x) => (x[0] === '<w:br/>' ? '\n' : unescapeXml(x[1]!))).join('');
      text += t;
      if (t.trim()) {
        const font = /<w:rFonts [^>]*w:eastAsia="([^"]+)"/.exec(r)?.[1];
        const size = /<w:sz w:val="(\d+)"/.exec(r)?.[1];
        if (font) fonts.push(font);
        if (size) sizes.push(Number(size));
      }
    }
    const at = m.index!;
    out.push({ xml: m[0], text, fonts: [...new Set(fonts)], sizes: [...new Set(sizes)], align: /<w:jc w:val="(\w+)"/.exec(p)?.[1] ?? null, inTable: tables.some(([a, b]) => at > a && at < b), inTextBox });
  }
  return out;
}

/** An attribute of the first element with that tag, e.g. attr(xml, 'w:pgMar', 'w:top'). */
export function attr(xml: string, tag: string, name: string): string | null {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!el) return null;
  return new RegExp(`${name}="([^"]*)"`).exec(el)?.[1] ?? null;
}
