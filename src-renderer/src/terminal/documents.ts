// Where a terminal reads an agenda document: /files/<id>?token=<seat token> on the meeting machine.
import type { LiveDocument } from '../live/protocol';
import { loadTerminalToken } from '../live/terminal-token';

export function fileUrl(doc: LiveDocument): string {
  return `/files/${doc.id}?token=${encodeURIComponent(loadTerminalToken() ?? '')}`;
}

export type DocumentShape = 'pdf' | 'image' | 'other';

export function shapeOf(doc: LiveDocument): DocumentShape {
  if (doc.mime === 'application/pdf' || /\.pdf$/i.test(doc.fileName)) return 'pdf';
  if (/^image\/(png|jpe?g|gif|webp|bmp)$/.test(doc.mime)) return 'image';
  return 'other';
}
