// 会议文件: every document of the session — during it, after 闭会, at any later date — each as PDF and
// DOCX, from the one server-side catalogue (documents.catalogue) and render command (documents.render).
// In Electron a PDF can also go straight to the print window.
import { useState } from 'react';
import { call, downloadBase64, type CommandOutput } from '../../api';
import { ErrorNote, OkNote } from '../../components/Notice';
import { useAction, useQuery } from '../useCommand';

type Entry = CommandOutput<'documents.catalogue'>[number];

const FORMAT_LABELS = { pdf: 'PDF', docx: 'Word' } as const;

export function SessionDocumentsPanel({ sessionId }: { sessionId: number }) {
  const catalogue = useQuery('documents.catalogue', { sessionId });
  const action = useAction();
  const [done, setDone] = useState('');
  const canPrint = typeof window !== 'undefined' && !!window.yishi?.print;

  const fetchFile = async (e: Entry, format: 'pdf' | 'docx') => {
    setDone('');
    return action.run(() => call('documents.render', { sessionId, id: e.id, format }));
  };
  const download = async (e: Entry, format: 'pdf' | 'docx') => {
    const f = await fetchFile(e, format);
    if (!f) return;
    downloadBase64(f.fileName, f.mime, f.base64);
    setDone(`已生成：${f.fileName}`);
  };
  const print = async (e: Entry) => {
    const f = await fetchFile(e, 'pdf');
    if (f) await window.yishi?.print?.(f.base64, f.fileName);
  };

  const groups = new Map<string, Entry[]>();
  for (const e of catalogue.data ?? []) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);

  return (
    <div className="panel" role="region" aria-labelledby="session-documents-title">
      <h2 id="session-documents-title">会议文件</h2>
      <p className="muted small">本次会议的全部文件，会议结束后仍可随时下载、重新打印。文件按会议当时的数据生成。</p>
      <ErrorNote error={catalogue.error ?? action.error} />
      <OkNote>{done}</OkNote>
      {catalogue.loading && !catalogue.data && <p className="muted">正在读取文件目录…</p>}
      <table className="data-table compact" aria-label="会议文件">
        <tbody>
          {[...groups].map(([group, entries]) =>
            entries.map((e, i) => (
              <tr key={e.id} data-document-id={e.id}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={entries.length}>
                    {group}
                  </th>
                )}
                <td>{e.title}</td>
                <td className="actions">
                  {e.formats.map((format) => (
                    <button
                      key={format}
                      type="button"
                      className="btn btn-link"
                      disabled={action.busy}
                      onClick={() => void download(e, format)}
                      aria-label={`下载${FORMAT_LABELS[format]}：${e.title}`}
                    >
                      {FORMAT_LABELS[format]}
                    </button>
                  ))}
                  {canPrint && (
                    <button type="button" className="btn btn-link" disabled={action.busy} onClick={() => void print(e)} aria-label={`打印：${e.title}`}>
                      打印
                    </button>
                  )}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
