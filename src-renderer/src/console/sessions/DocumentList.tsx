// The documents attached to one agenda item: size and a short SHA-256 to compare copies by eye;
// attach (PDF, Word, images), download, remove.
import { useId, useState } from 'react';
import { call, downloadBase64, fileToBase64 } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/Notice';
import { formatSize, shortHash } from '../format';
import { useAction } from '../useCommand';
import type { AgendaItem } from './SessionEditor';

type Doc = AgendaItem['documents'][number];

function docType(mime: string): string {
  if (mime === 'application/pdf') return 'PDF';
  if (mime.startsWith('image/')) return '图片';
  return 'Word';
}

const ACCEPT = '.pdf,.docx,.doc,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

export function DocumentList({ item, editable, onChanged }: { item: AgendaItem; editable: boolean; onChanged: () => void }) {
  const inputId = useId();
  const action = useAction();
  const [removing, setRemoving] = useState<Doc | null>(null);

  const attach = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      const data = await fileToBase64(f);
      const r = await action.run(() => call('documents.attach', { itemId: item.id, fileName: f.name, data }));
      if (!r) break;
    }
    onChanged();
  };
  const download = async (d: Doc) => {
    const file = await action.run(() => call('documents.download', { id: d.id }));
    if (file) downloadBase64(file.fileName, file.mime, file.base64);
  };

  return (
    <div className="documents">
      {item.documents.length > 0 && (
        <ul className="document-list" aria-label={`“${item.title}”的附件`}>
          {item.documents.map((d) => (
            <li key={d.id}>
              <span className="attach-type">{docType(d.mime)}</span>
              <span className="attach-name">{d.fileName}</span>
              <span className="muted small">{formatSize(d.size)}</span>
              <code className="attach-hash" title={`SHA-256：${d.sha256}`}>
                SHA-256 {shortHash(d.sha256)}
              </code>
              <button type="button" className="btn btn-link" onClick={() => void download(d)} disabled={action.busy} aria-label={`下载 ${d.fileName}`}>
                下载
              </button>
              {editable && (
                <button type="button" className="btn btn-link danger" onClick={() => setRemoving(d)} disabled={action.busy} aria-label={`移除 ${d.fileName}`}>
                  移除
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="attach">
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            multiple
            accept={ACCEPT}
            disabled={action.busy}
            aria-label={`为“${item.title}”附加材料`}
            onChange={(e) => {
              void attach(e.target.files);
              e.target.value = '';
            }}
          />
          <label htmlFor={inputId} className={`btn btn-small btn-file${action.busy ? ' disabled' : ''}`}>
            {action.busy ? '正在处理…' : '附加材料…'}
          </label>
          <span className="muted small">PDF、Word 或图片</span>
        </div>
      )}
      <ErrorNote error={action.error} />
      {removing && (
        <RemoveDocumentDialog
          doc={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function RemoveDocumentDialog({ doc, onClose, onRemoved }: { doc: Doc; onClose: () => void; onRemoved: () => void }) {
  const action = useAction();
  const confirm = async () => {
    if (await action.run(() => call('documents.remove', { id: doc.id }))) onRemoved();
  };
  return (
    <ConfirmDialog title="移除附件" confirmLabel="确认移除" danger busy={action.busy} error={action.error} onConfirm={confirm} onClose={onClose}>
      <p>将从议程项中移除“{doc.fileName}”（{formatSize(doc.size)}）。</p>
    </ConfirmDialog>
  );
}
