// Renders a DocModel as a GB/T 9704-2012 PDF: A4, the 156 × 225 mm type area on a 22 × 28 grid,
// fonts embedded as subsets. Layout happens first (compose.ts builds a display list per page), then
// every page is drawn with pdfkit.
import PDFDocument from 'pdfkit';
import { composeDocument } from './compose';
import { resolveFonts, type ResolvedFonts } from './fonts';
import { PAGE } from './geometry';
import type { DocModel } from './model';
import { FontBook } from './pdf-fonts';
import type { Op, PageOps } from './typeset';

type Doc = InstanceType<typeof PDFDocument>;

export interface RenderPdfOptions {
  /** Fonts to use; default resolveFonts() (official fonts where installed, else the bundled ones). */
  fonts?: ResolvedFonts;
  /** Print the red header (版头) when the model has one; default true. */
  redHeader?: boolean;
}

function drawOp(doc: Doc, book: FontBook, op: Op): void {
  if (op.type === 'line') {
    doc
      .save()
      .moveTo(op.x1, op.y1)
      .lineTo(op.x2, op.y2)
      .lineWidth(op.width)
      .strokeColor(op.color ?? '#000000')
      .stroke()
      .restore();
    return;
  }
  book.use(op.face, op.role, op.size);
  doc.fillColor(op.color ?? '#000000');
  const options: PDFKit.Mixins.TextOptions & { horizontalScaling?: number } = { lineBreak: false, baseline: 'alphabetic' };
  if (op.charSpacing) options.characterSpacing = op.charSpacing;
  if (op.hScale) options.horizontalScaling = op.hScale;
  doc.text(op.text, op.x, op.baseline, options);
}

function drawPages(doc: Doc, book: FontBook, pages: PageOps[]): void {
  for (const page of pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    for (const op of page.ops) drawOp(doc, book, op);
  }
}

/** Renders the document to PDF bytes. */
export async function renderPdf(model: DocModel, opts: RenderPdfOptions = {}): Promise<Buffer> {
  const fonts = opts.fonts ?? resolveFonts();
  const doc: Doc = new PDFDocument({ autoFirstPage: false, size: [PAGE.width, PAGE.height], margin: 0, lang: 'zh-CN', displayTitle: true, pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const book = new FontBook(doc, fonts);
  const { pages } = composeDocument(model, book, { redHeader: opts.redHeader });
  drawPages(doc, book, pages);
  const used = book.describeUsed();
  const info = doc.info as PDFKit.DocumentInfo & Record<string, unknown>;
  info.Title = model.fileTitle;
  info.Creator = '议事';
  info.Producer = '议事 (pdfkit)';
  info.Subject = `${model.kind}：${model.fileTitle}`;
  info.Keywords = `GB/T 9704-2012; ${model.kind}; 字体 ${used}`;
  info.Fonts = used;
  doc.end();
  return done;
}

/**
 * The fonts of the PDF for measuring only (a document that is never drawn nor ended): the DOCX
 * measures its tables and follows the PDF's pagination with it.
 */
export function measuringBook(fonts: ResolvedFonts = resolveFonts()): FontBook {
  return new FontBook(new PDFDocument({ autoFirstPage: false, size: [PAGE.width, PAGE.height], margin: 0 }), fonts);
}

