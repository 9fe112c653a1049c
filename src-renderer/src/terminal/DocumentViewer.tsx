// A document open full screen on the terminal: PDF pages (pdf.js) or an image, with 返回 and zoom.
// While a ballot this member can vote in is open, a banner leads back to the vote; when the session
// moves to another item, the reader stays open and a notice offers to follow.
import { useState } from 'react';
import type { LiveDocument } from '../live/protocol';
import { fileUrl, shapeOf } from './documents';
import { PdfPages } from './PdfPages';

const ZOOMS = [1, 1.25, 1.5, 2];

export interface DocumentViewerProps {
  doc: LiveDocument;
  onClose: () => void;
  voteOpen: boolean;
  /** The session has moved on to another item while this document is open: "第3项 …". */
  movedTo?: string | null;
  /** Leaves the reader for the current item. */
  onFollow?: () => void;
}

export function DocumentViewer({ doc, onClose, voteOpen, movedTo = null, onFollow = onClose }: DocumentViewerProps) {
  const [zoomIndex, setZoomIndex] = useState(0);
  const [pages, setPages] = useState<number | null>(null);
  const zoom = ZOOMS[zoomIndex] ?? 1;
  const shape = shapeOf(doc);
  return (
    <div className="viewer" role="dialog" aria-label={doc.fileName} data-testid="doc-viewer">
      <div className="viewer-bar">
        <button type="button" className="term-btn viewer-back" onClick={onClose} data-testid="doc-close">
          ‹ 返回
        </button>
        <span className="viewer-title">{doc.fileName}</span>
        {pages !== null && <span className="viewer-pages">共{pages}页</span>}
        <span className="viewer-zoom">
          <button type="button" className="term-btn" disabled={zoomIndex === 0} onClick={() => setZoomIndex(zoomIndex - 1)} aria-label="缩小">
            －
          </button>
          <span>{Math.round(zoom * 100)}%</span>
          <button type="button" className="term-btn" disabled={zoomIndex === ZOOMS.length - 1} onClick={() => setZoomIndex(zoomIndex + 1)} aria-label="放大">
            ＋
          </button>
        </span>
      </div>
      {movedTo && !voteOpen && (
        <div className="viewer-moved" role="status" data-testid="viewer-item-moved">
          <span>会议已进入{movedTo}</span>
          <button type="button" className="term-btn term-btn-primary" onClick={onFollow} data-testid="viewer-follow">
            转到当前议程 ›
          </button>
        </div>
      )}
      {voteOpen && (
        <button type="button" className="viewer-vote-banner" onClick={onClose} data-testid="viewer-go-vote">
          表决已开始，请返回表决 ›
        </button>
      )}
      <div className="viewer-body">
        {shape === 'pdf' ? (
          <PdfPages url={fileUrl(doc)} zoom={zoom} onPages={setPages} />
        ) : (
          <div className="viewer-image" style={{ width: `${zoom * 100}%` }}>
            <img src={fileUrl(doc)} alt={doc.fileName} />
          </div>
        )}
      </div>
    </div>
  );
}
