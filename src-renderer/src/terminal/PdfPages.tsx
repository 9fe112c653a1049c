// The pages of one PDF, rendered by pdf.js into canvases as they scroll into view (so a 200-page
// report opens at once on a tablet), sharp on high-density screens.
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from './pdf-loader';

export function PdfPages({ url, zoom, onPages }: { url: string; zoom: number; onPages?: (n: number) => void }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [ratio, setRatio] = useState(Math.SQRT2); // A4 until the first page says otherwise
  const [error, setError] = useState<string | null>(null);
  const [width, setWidth] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const onPagesRef = useRef(onPages); // told once per document, whatever callback the parent passes now
  onPagesRef.current = onPages;

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | null = null;
    setDoc(null);
    setError(null);
    import('./pdf-loader')
      .then(async ({ openPdf }) => {
        const task = openPdf(url);
        destroy = () => void task.destroy();
        const d = await task.promise;
        const first = await d.getPage(1);
        const vp = first.getViewport({ scale: 1 });
        if (cancelled) return;
        setRatio(vp.height / vp.width);
        setDoc(d);
        onPagesRef.current?.(d.numPages);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(pdfErrorText(e));
      });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [url]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  const pageWidth = Math.max(200, Math.floor((width - 24) * zoom));
  return (
    <div className="pdf-pages" ref={box} data-testid="pdf-pages" data-pages={doc?.numPages ?? 0}>
      {error && <p className="term-error">{error}</p>}
      {!doc && !error && <p className="term-muted pdf-loading">正在打开文件…</p>}
      {doc &&
        width > 0 &&
        Array.from({ length: doc.numPages }, (_, i) => <PdfPage key={i} doc={doc} pageNumber={i + 1} width={pageWidth} ratio={ratio} />)}
    </div>
  );
}

function pdfErrorText(e: unknown): string {
  const name = (e as { name?: string })?.name;
  if (name === 'InvalidPDFException') return '文件已损坏或不是有效的 PDF，无法打开';
  if (name === 'PasswordException') return '该 PDF 设有密码，无法在终端上打开';
  if (name === 'ResponseException' || name === 'MissingPDFException') return '无法从会议主机读取该文件，请稍后重试';
  return `无法打开文件：${(e as Error)?.message ?? String(e)}`;
}

function PdfPage({ doc, pageNumber, width, ratio }: { doc: PDFDocumentProxy; pageNumber: number; width: number; ratio: number }) {
  const holder = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(pageNumber <= 2);
  const [pageRatio, setPageRatio] = useState(ratio);
  const height = Math.round(width * pageRatio);

  // Only pages near the viewport keep a canvas: a long report must not exhaust a tablet's memory.
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { rootMargin: '1200px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!near || !c) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    void doc.getPage(pageNumber).then((page) => {
      if (cancelled) return;
      const base = page.getViewport({ scale: 1 });
      const dpr = Math.min(window.devicePixelRatio || 1, 2);
      const vp = page.getViewport({ scale: (width / base.width) * dpr });
      c.width = Math.floor(vp.width);
      c.height = Math.floor(vp.height);
      c.style.width = `${width}px`;
      c.style.height = `${Math.floor(vp.height / dpr)}px`;
      setPageRatio(base.height / base.width);
      task = page.render({ canvas: c, viewport: vp });
      task.promise.catch(() => {
        /* cancelled by a newer render */
      });
    });
    return () => {
      cancelled = true;
      task?.cancel();
      c.width = 0; // frees the bitmap
      c.height = 0;
    };
  }, [doc, pageNumber, width, near]);

  return (
    <div className="pdf-page" ref={holder} style={{ width, height }} data-page={pageNumber} data-rendered={near ? 'true' : 'false'}>
      <canvas ref={canvas} />
      <span className="pdf-page-no">— {pageNumber} —</span>
    </div>
  );
}
