// Reads PDFs back with poppler-utils (pdftotext -bbox-layout, pdffonts, pdfinfo, pdftoppm) so tests
// can measure what was printed rather than trusting the layout code's own numbers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'documents');

export const PT_PER_MM = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const ptToMm = (pt: number): number => pt / PT_PER_MM;

/** Keeps a PDF under test-results/documents/ so a person can open it; returns its path. */
export function savePdf(name: string, pdf: Buffer): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name.endsWith('.pdf') ? name : `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

type PdfInput = Buffer | string;

function withFile<T>(pdf: PdfInput, fn: (file: string) => T): T {
  if (typeof pdf === 'string') return fn(pdf);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-pdf-'));
  const file = path.join(dir, 'in.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** A word as pdftotext sees it: page (1-based), text and box in points from the page's top-left. */
export interface PdfWord extends Box {
  page: number;
  text: string;
}

export interface PdfPage {
  page: number;
  width: number;
  height: number;
  words: PdfWord[];
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

const num = (attrs: string, name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? NaN);

/** Pages and words from `pdftotext -bbox-layout -enc UTF-8`. */
export function pdfPages(pdf: PdfInput): PdfPage[] {
  const xhtml = withFile(pdf, (f) => run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', f, '-']));
  const pages: PdfPage[] = [];
  const re = /<page ([^>]*)>|<word ([^>]*)>([\s\S]*?)<\/word>/g;
  for (let m = re.exec(xhtml); m; m = re.exec(xhtml)) {
    if (m[1] !== undefined) {
      pages.push({ page: pages.length + 1, width: num(m[1], 'width'), height: num(m[1], 'height'), words: [] });
      continue;
    }
    const a = m[2]!;
    const page = pages.at(-1)!;
    page.words.push({ page: page.page, text: unescape(m[3]!), xMin: num(a, 'xMin'), yMin: num(a, 'yMin'), xMax: num(a, 'xMax'), yMax: num(a, 'yMax') });
  }
  return pages;
}

export function pdfWords(pdf: PdfInput): PdfWord[] {
  return pdfPages(pdf).flatMap((p) => p.words);
}

/** A printed line: the words of a page whose vertical centres lie within `tolerance` points. */
export interface PdfRow extends Box {
  page: number;
  text: string;
  /** Vertical centre of the row's boxes. */
  centre: number;
  words: PdfWord[];
}

/** Groups every page's words into rows by vertical centre, top to bottom, words left to right. */
export function pdfRows(pdf: PdfInput | PdfPage[], tolerance = 5): PdfRow[] {
  const pages = Array.isArray(pdf) ? pdf : pdfPages(pdf);
  const rows: PdfRow[] = [];
  for (const page of pages) {
    const sorted = [...page.words].sort((a, b) => (a.yMin + a.yMax) / 2 - (b.yMin + b.yMax) / 2);
    const groups: PdfWord[][] = [];
    for (const w of sorted) {
      const c = (w.yMin + w.yMax) / 2;
      const g = groups.at(-1);
      const gc = g ? g.reduce((a, x) => a + (x.yMin + x.yMax) / 2, 0) / g.length : NaN;
      if (g && Math.abs(c - gc) <= tolerance) g.push(w);
      else groups.push([w]);
    }
    for (const g of groups) {
      g.sort((a, b) => a.xMin - b.xMin);
      rows.push({
        page: page.page,
        text: g.map((w) => w.text).join(''),
        words: g,
        xMin: Math.min(...g.map((w) => w.xMin)),
        xMax: Math.max(...g.map((w) => w.xMax)),
        yMin: Math.min(...g.map((w) => w.yMin)),
        yMax: Math.max(...g.map((w) => w.yMax)),
        centre: g.reduce((a, w) => a + (w.yMin + w.yMax) / 2, 0) / g.length,
      });
    }
  }
  return rows;
}

/** The PDF without what changes from one print to the next: its dates and its file ID. */
export const printed = (pdf: Buffer): string =>
  pdf
    .toString('latin1')
    .replace(/D:\d{14}Z?/g, '')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?/g, '')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '');

/** Plain text (`pdftotext -enc UTF-8`), pages separated by form feeds. */
export function pdfText(pdf: PdfInput): string {
  return withFile(pdf, (f) => run('pdftotext', ['-enc', 'UTF-8', f, '-']));
}

export interface PdfFont {
  name: string;
  type: string;
  encoding: string;
  emb: boolean;
  sub: boolean;
  uni: boolean;
}

/** The fonts `pdffonts` lists. */
export function pdfFonts(pdf: PdfInput): PdfFont[] {
  const out = withFile(pdf, (f) => run('pdffonts', [f]));
  const lines = out.split('\n');
  const sep = lines.findIndex((l) => l.startsWith('----'));
  if (sep < 0) return [];
  // Columns are fixed-width; their widths follow the dashes of the separator line.
  const widths = lines[sep]!.split(' ').map((d) => d.length);
  const fonts: PdfFont[] = [];
  for (const line of lines.slice(sep + 1)) {
    if (!line.trim()) continue;
    const cols: string[] = [];
    let pos = 0;
    for (const w of widths) {
      cols.push(line.slice(pos, pos + w).trim());
      pos += w + 1;
    }
    fonts.push({ name: cols[0]!, type: cols[1]!, encoding: cols[2]!, emb: cols[3] === 'yes', sub: cols[4] === 'yes', uni: cols[5] === 'yes' });
  }
  return fonts;
}

/** Document info from `pdfinfo` (Title, Creator, Keywords, Pages, Page size, …). */
export function pdfInfo(pdf: PdfInput): Record<string, string> {
  const out = withFile(pdf, (f) => run('pdfinfo', ['-enc', 'UTF-8', f]));
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export interface Raster {
  width: number;
  height: number;
  /** Points per pixel. */
  scale: number;
  /** RGB of the pixel at (x, y) in points from the page's top-left. */
  at(xPt: number, yPt: number): [number, number, number];
}

/** Renders one page (1-based) with pdftoppm to an in-memory RGB raster. */
export function pdfRaster(pdf: PdfInput, page: number, dpi = 100): Raster {
  const ppm = withFile(pdf, (f) =>
    execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), f], { maxBuffer: 256 * 1024 * 1024 }),
  );
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not return a PPM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  const scale = 72 / dpi;
  return {
    width,
    height,
    scale,
    at(xPt, yPt) {
      const x = Math.min(width - 1, Math.max(0, Math.round(xPt / scale)));
      const y = Math.min(height - 1, Math.max(0, Math.round(yPt / scale)));
      const i = offset + (y * width + x) * 3;
      return [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
    },
  };
}

/** Writes a PNG of one page next to the saved PDFs (for a person to look at). */
export function savePng(pdfFile: string, page = 1, dpi = 50): string {
  const prefix = pdfFile.replace(/\.pdf$/, `-p${page}`);
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', '-singlefile', pdfFile, prefix]);
  return `${prefix}.png`;
}

/** A small real PDF to attach as a meeting document: one page per text (ASCII, standard font). */
export function samplePdf(pages: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'Test document', CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    pages.forEach((text, i) => {
      if (i > 0) doc.addPage();
      doc.fontSize(16).text(text);
    });
    doc.end();
  });
}

/** A horizontal rule found on a rendered page: its centre and thickness, in mm from the page's top. */
export interface Rule {
  y: number;
  thickness: number;
}

/**
 * Black horizontal rules on one page (1-based) that span at least `span` of the type area's width
 * (28–184 mm), found in a 300 dpi rendering by pdftoppm: text never darkens that much of a pixel row.
 * Red rules (the 版头's) are not black and are left out.
 */
export function horizontalRules(pdf: PdfInput, page: number, span = 0.9): Rule[] {
  const dpi = 300;
  const r = pdfRaster(pdf, page, dpi);
  const x0 = mmToPt(28);
  const x1 = mmToPt(28 + 156);
  const step = r.scale;
  const dark: number[] = [];
  for (let py = 0; py < r.height; py++) {
    const y = py * step;
    let hits = 0;
    let total = 0;
    for (let x = x0; x <= x1; x += 2 * step) {
      const [R, G, B] = r.at(x, y);
      total++;
      if (R < 128 && G < 128 && B < 128) hits++;
    }
    if (hits >= span * total) dark.push(py);
  }
  const rules: Rule[] = [];
  let start = -1;
  dark.forEach((py, i) => {
    if (start < 0) start = py;
    if (dark[i + 1] !== py + 1) {
      rules.push({ y: ptToMm(((start + py + 1) / 2) * step), thickness: ptToMm((py - start + 1) * step) });
      start = -1;
    }
  });
  return rules;
}

/**
 * The text of one table column, top to bottom across pages: the words below the header `header`
 * that lie between the headers left and right of it (a cell wrapped over several lines reads as one
 * run). What a test of a table's order reads.
 */
export function pdfColumnText(pdf: PdfInput, header: string): string {
  return pdfRows(pdf)
    .flatMap((row, i, rows) => {
      const h = row.words.find((w) => w.text === header);
      if (!h) return [];
      const left = Math.max(0, ...row.words.filter((w) => w.xMax <= h.xMin).map((w) => w.xMax));
      const right = Math.min(Infinity, ...row.words.filter((w) => w.xMin >= h.xMax).map((w) => w.xMin));
      const below = rows.slice(i + 1).filter((r) => r.page === row.page);
      return below.map((r) => r.words.filter((w) => w.xMin > left && w.xMax < right).map((w) => w.text).join(''));
    })
    .join('');
}
