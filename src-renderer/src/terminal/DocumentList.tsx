// The current item's documents on the terminal: PDFs open in the viewer, images show inline
// (tap to enlarge), other files are offered for download.
import type { LiveDocument } from '../live/protocol';
import { formatSize } from '../live/labels';
import { fileUrl, shapeOf } from './documents';

export function DocumentList({ documents, onOpen }: { documents: LiveDocument[]; onOpen: (doc: LiveDocument) => void }) {
  if (documents.length === 0) return <p className="term-muted">本项没有会议材料。</p>;
  const images = documents.filter((d) => shapeOf(d) === 'image');
  const files = documents.filter((d) => shapeOf(d) !== 'image');
  return (
    <div data-testid="doc-list">
      {files.length > 0 && (
        <ul className="doc-list">
          {files.map((d) =>
            shapeOf(d) === 'pdf' ? (
              <li key={d.id}>
                <button type="button" className="doc-row" onClick={() => onOpen(d)} data-testid={`doc-open-${d.id}`}>
                  <span className="doc-badge is-pdf">PDF</span>
                  <span className="doc-name">{d.fileName}</span>
                  <span className="doc-size">{formatSize(d.size)}</span>
                  <span className="doc-action">阅读 ›</span>
                </button>
              </li>
            ) : (
              <li key={d.id}>
                <a className="doc-row" href={fileUrl(d)} download={d.fileName} data-testid={`doc-download-${d.id}`}>
                  <span className="doc-badge">{extensionOf(d.fileName)}</span>
                  <span className="doc-name">{d.fileName}</span>
                  <span className="doc-size">{formatSize(d.size)}</span>
                  <span className="doc-action">下载</span>
                </a>
              </li>
            ),
          )}
        </ul>
      )}
      {images.length > 0 && (
        <ul className="doc-thumbs">
          {images.map((d) => (
            <li key={d.id}>
              <button type="button" onClick={() => onOpen(d)} data-testid={`doc-open-${d.id}`}>
                <img src={fileUrl(d)} alt={d.fileName} loading="lazy" data-testid={`doc-image-${d.id}`} />
                <span>{d.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function extensionOf(name: string): string {
  const m = /\.([a-z0-9]{1,5})$/i.exec(name);
  return m ? m[1]!.toUpperCase() : '文件';
}
