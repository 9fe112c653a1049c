// The 20-page 审议意见书 for `npm run bench`: drafted on a report item of the bench's session through
// the real commands, its body grown until the PDF has exactly 20 pages, then rendered by the running
// server (`opinions.document`, as a secretary's reprint does) and, for the goal's reference, the same
// document's DOCX converted by LibreOffice (`libreoffice --headless --convert-to pdf`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chineseText, TOPICS } from './bench-seed';

export interface PdfBench {
  pdf_20_pages_ms: number;
  pdf_20_pages_bytes: number;
  pdf_pages: number;
  /** One render after an edit that brings characters new to the document: every face subset and compressed afresh. */
  pdf_20_pages_edited_ms: number;
  pdf_edited_pages: number;
  libreoffice_docx_ms: number | null;
}

type Admin = (name: string, input?: unknown) => Promise<any>;

export const pdfPageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

function body(paragraphs: number): { kind: 'h1' | 'h2' | 'p'; text: string }[] {
  const t = chineseText(912);
  const blocks: { kind: 'h1' | 'h2' | 'p'; text: string }[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 12 === 0) blocks.push({ kind: 'h1', text: `关于${TOPICS[(i / 12) % TOPICS.length]}工作的意见和建议` });
    else if (i % 4 === 0) blocks.push({ kind: 'h2', text: `加强${t.pick(TOPICS)}监督` });
    blocks.push({ kind: 'p', text: t.paragraph(t.pick(TOPICS), 5) });
  }
  return blocks;
}

async function render(admin: Admin, id: number): Promise<{ ms: number; pdf: Buffer }> {
  const t0 = performance.now();
  const file = await admin('opinions.document', { id, format: 'pdf' });
  const ms = performance.now() - t0;
  return { ms, pdf: Buffer.from(file.base64, 'base64') };
}

function libreofficeMs(docx: Buffer): number | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-lo-'));
  try {
    const input = path.join(dir, 'opinion.docx');
    fs.writeFileSync(input, docx);
    const run = () => {
      const t0 = performance.now();
      execFileSync('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'ignore', timeout: 120_000 });
      return performance.now() - t0;
    };
    run(); // the first start creates LibreOffice's profile: not part of a conversion
    const ms = Math.min(run(), run());
    return fs.existsSync(path.join(dir, 'opinion.pdf')) ? Math.round(ms) : null;
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Drafts a 审议意见书 on a new report item of the session, its body grown until its PDF has `pages` pages; its id. */
export async function draftOpinionOfPages(admin: Admin, sessionId: number, pages = 20): Promise<number> {
  return (await draftOpinion(admin, sessionId, pages)).id;
}

/** The draft, and a way to save it again with a sentence added to its last paragraph (an edit before a print). */
async function draftOpinion(admin: Admin, sessionId: number, pages: number): Promise<{ id: number; saveWithTail: (tail: string) => Promise<void> }> {
  const item = await admin('agenda.add', { sessionId, kind: 'report', title: '听取和审议区人民政府关于财政预算执行情况的报告', presenter: '区财政局局长' });
  const draft = await admin('opinions.createDraft', { itemId: item.id });
  const fields = (n: number, tail = '') => ({
    id: draft.id,
    title: draft.title,
    reportTitle: draft.reportTitle,
    addressee: draft.addressee,
    opening: draft.opening,
    body: withTail(body(n), tail),
    handlingRequest: draft.handlingRequest,
    deadlineMonths: draft.deadlineMonths,
    docPrefix: draft.docPrefix,
    docDate: '2026-11-23',
    issuer: draft.issuer,
    cc: '区委办公室，区人大常委会各工作机构',
    printedBy: draft.printedBy || '区人大常委会办公室',
  });
  // Grow or shrink the body until the document has the pages asked for.
  let n = pages * 3;
  for (let tries = 0; tries < 8; tries++) {
    await admin('opinions.update', fields(n));
    const got = pdfPageCount((await render(admin, draft.id)).pdf);
    if (got === pages) break;
    n = Math.max(1, got > pages ? n - Math.max(1, Math.round(((got - pages) * n) / got / 2)) : n + Math.max(1, Math.round(((pages - got) * n) / Math.max(got, 1) / 2)));
  }
  return { id: draft.id, saveWithTail: async (tail) => void (await admin('opinions.update', fields(n, tail))) };
}

function withTail(blocks: ReturnType<typeof body>, tail: string): ReturnType<typeof body> {
  if (!tail) return blocks;
  const last = blocks[blocks.length - 1]!;
  return [...blocks.slice(0, -1), { ...last, text: last.text + tail }];
}

/**
 * Characters the drafted text never uses: a sentence of them added before a print makes every face's
 * subset new, so that render builds and compresses its font programs afresh (a reprint finds them kept:
 * documents/font-programs.ts).
 */
const EDIT_TAIL = '（本意见书由鑫淼、磊犇两位同志校核。）';

export async function benchPdf(admin: Admin, sessionId: number, pages = 20): Promise<PdfBench> {
  const draft = await draftOpinion(admin, sessionId, pages);
  const first = await render(admin, draft.id);
  const runs = [first, await render(admin, draft.id), await render(admin, draft.id)];
  const docx = Buffer.from((await admin('opinions.document', { id: draft.id, format: 'docx' })).base64, 'base64');
  const sorted = runs.map((x) => x.ms).sort((a, b) => a - b);
  await draft.saveWithTail(EDIT_TAIL);
  const edited = await render(admin, draft.id);
  return {
    pdf_20_pages_ms: Math.round(sorted[1]!),
    pdf_20_pages_edited_ms: Math.round(edited.ms),
    pdf_edited_pages: pdfPageCount(edited.pdf),
    pdf_20_pages_bytes: first.pdf.length,
    pdf_pages: pdfPageCount(first.pdf),
    libreoffice_docx_ms: libreofficeMs(docx),
  };
}
