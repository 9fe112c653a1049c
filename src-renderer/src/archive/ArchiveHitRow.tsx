// One archive result: what it is, its status, when and in which session, a second line, the passage
// around the searched word, and where to go from it — the session (read-only once closed, with its
// documents), the opinion, or printing a formal document again.
import { useState } from 'react';
import { call, type CommandOutput } from '../api';
import { ErrorNote } from '../components/Notice';
import { linkTo } from '../console/route';
import { useAction } from '../console/useCommand';
import { DocumentButtons } from '../review/DocumentButtons';
import { download, printPdf, type FilePayload } from '../review/files';

export type Hit = CommandOutput<'archive.search'>['hits'][number];

/** The PDF a result stands for, when it has one to print again. */
function printable(hit: Hit): (() => ReturnType<typeof call<'documents.pdf'>>) | null {
  if (hit.kind === 'ballot' && (hit.status === 'adopted' || hit.status === 'rejected')) return () => call('documents.pdf', { kind: 'ballotResult', ballotId: hit.refId });
  if (hit.kind === 'assessment' && (hit.status === 'closed' || hit.status === 'announced')) return () => call('assessments.pdf', { assessmentId: hit.refId, document: 'result' });
  return null;
}

function Actions({ hit }: { hit: Hit }) {
  const action = useAction();
  const [note, setNote] = useState<string | null>(null);
  const print = printable(hit);
  const produce = (format: 'pdf' | 'docx'): Promise<FilePayload | undefined> =>
    hit.kind === 'opinion'
      ? action.run(() => call('opinions.document', { id: hit.refId, format }))
      : action.run(() => call('resolutions.document', { id: hit.refId, format }));
  return (
    <div className="archive-actions">
      {hit.sessionId !== null && (
        <a className="btn btn-small" href={linkTo('sessions', hit.sessionId)} aria-label={`打开会议：${hit.sessionTitle ?? ''}`}>
          {hit.sessionStatus === 'closed' ? '查看会议（只读）' : '打开会议'}
        </a>
      )}
      {hit.kind === 'opinion' && (
        <a className="btn btn-small" href={hit.sessionId !== null ? linkTo('opinions', hit.sessionId, hit.refId) : linkTo('register')}>
          {hit.sessionId !== null ? '打开审议意见' : '意见台账'}
        </a>
      )}
      {(hit.kind === 'opinion' || hit.kind === 'resolution') && <DocumentButtons produce={produce} disabled={action.busy} label={hit.title} />}
      {print && (
        <button
          type="button"
          className="btn btn-small"
          disabled={action.busy}
          onClick={async () => {
            const file = await action.run(print);
            if (file) setNote((await printPdf(file)) === 'printed' ? '已发送到打印' : `已打开 ${file.fileName}`);
          }}
        >
          打印结果
        </button>
      )}
      {hit.kind === 'document' && (
        <button
          type="button"
          className="btn btn-small"
          disabled={action.busy}
          aria-label={`下载 ${hit.title}`}
          onClick={async () => {
            const file = await action.run(() => call('documents.download', { id: hit.refId }));
            if (file) download(file);
          }}
        >
          下载
        </button>
      )}
      {note && (
        <span className="muted small" role="status">
          {note}
        </span>
      )}
      <ErrorNote error={action.error} />
    </div>
  );
}

export function ArchiveHitRow({ hit }: { hit: Hit }) {
  return (
    <li className="archive-hit" data-kind={hit.kind}>
      <div className="archive-hit-head">
        <span className="chip chip-muted">{hit.kindLabel}</span>
        <strong className="archive-hit-title">{hit.title}</strong>
        {hit.statusLabel && <span className={`chip archive-status-${hit.status}`}>{hit.statusLabel}</span>}
        <span className="muted small push-right">{hit.date}</span>
      </div>
      <div className="muted small">
        {[hit.kind === 'session' ? null : hit.sessionTitle, hit.detail].filter(Boolean).join(' · ')}
      </div>
      {hit.snippet && (
        <p className="archive-snippet">
          {hit.snippet.before}
          {hit.snippet.match && <mark>{hit.snippet.match}</mark>}
          {hit.snippet.after}
        </p>
      )}
      <Actions hit={hit} />
    </li>
  );
}
