// pdf.js for the terminal's document viewer, fully offline under the page's CSP:
// the worker is bundled by Vite (`?worker`, served from 'self'), and the CMaps and standard fonts
// (needed by Chinese PDFs whose fonts are not embedded) are bundled as assets and handed to pdf.js
// through its BinaryDataFactory hook, so nothing is fetched from anywhere else.
// Loaded with import() by the viewer, so the other faces never download pdf.js.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import PdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?worker';

export type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';

const cmapUrls = import.meta.glob('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fontUrls = import.meta.glob(['../../../node_modules/pdfjs-dist/standard_fonts/*.pfb', '../../../node_modules/pdfjs-dist/standard_fonts/*.ttf'], {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function byFileName(urls: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
}
const assets = { cMapUrl: byFileName(cmapUrls), standardFontDataUrl: byFileName(fontUrls) };

async function bytesOf(url: string): Promise<Uint8Array> {
  if (url.startsWith('data:')) {
    const b64 = url.slice(url.indexOf(',') + 1);
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** pdf.js asks this for a CMap or a standard font by file name; we answer from the bundled assets. */
class BundledDataFactory {
  constructor(_opts: unknown) {}
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = (assets as Record<string, Map<string, string> | undefined>)[kind]?.get(filename);
    if (!url) throw new Error(`缺少 PDF 资源：${filename}`);
    return bytesOf(url);
  }
}

let workerReady = false;

export function openPdf(url: string): pdfjs.PDFDocumentLoadingTask {
  if (!workerReady) {
    pdfjs.GlobalWorkerOptions.workerPort = new PdfWorker();
    workerReady = true;
  }
  return pdfjs.getDocument({
    url,
    BinaryDataFactory: BundledDataFactory,
    useWorkerFetch: false,
    cMapUrl: 'bundled/',
    cMapPacked: true,
    standardFontDataUrl: 'bundled/',
    // WebAssembly needs 'wasm-unsafe-eval', which the CSP does not grant.
    useWasm: false,
    enableXfa: false,
  });
}
