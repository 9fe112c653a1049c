// The terminal's reading area: attendance line, the current agenda item with its documents (and its
// 暂不付表决 / 撤回 line as the big screen shows it, domain/item-disposition.ts), and the
// whole agenda with the current item marked. Any item of the session opens to show its materials
// (terminal.itemDocuments), so a member can read an earlier or a later item's documents.
import { useEffect, useState } from 'react';
import type { LiveCmd } from '../live/client';
import type { LiveDocument, TerminalState } from '../live/protocol';
import { itemPosition } from '../live/labels';
import { DocumentList } from './DocumentList';

export type OpenDocument = (doc: LiveDocument, itemId: number | null) => void;

export function AgendaCard({ state, onOpen, cmd }: { state: TerminalState; onOpen: OpenDocument; cmd: LiveCmd }) {
  const { currentItem: item, agenda, attendance, session } = state;
  const [expanded, setExpanded] = useState<number | null>(null);
  return (
    <>
      <section className="term-card term-item" data-testid="current-item" data-item-id={item?.id ?? ''}>
        {attendance && (
          <p className="term-attendance" data-testid="attendance">
            {attendance.announcement}
          </p>
        )}
        {item ? (
          <>
            <div className="term-item-kind">
              <span className="term-item-pos">{itemPosition(item.position)}</span>
              <span className="tag">{item.kindLabel}</span>
            </div>
            <h2 className="term-item-title" data-testid="current-item-title">
              {item.title}
            </h2>
            {item.presenter && <p className="term-item-presenter">报告人／说明人：{item.presenter}</p>}
            {item.disposition && (
              <p className="term-item-disposition" data-testid="terminal-disposition" data-kind={item.disposition.kind}>
                {item.disposition.line}
              </p>
            )}
            <h3 className="term-subhead">会议材料</h3>
            <DocumentList documents={item.documents} onOpen={(d) => onOpen(d, item.id)} />
          </>
        ) : (
          <h2 className="term-item-title term-muted">{session?.businessStarted ? '请等待主持人宣布下一项议程' : '会议即将开始'}</h2>
        )}
      </section>
      {agenda.length > 0 && (
        <section className="term-card term-agenda">
          <h3 className="term-subhead">会议议程</h3>
          <ol className="term-agenda-list" data-testid="agenda-list">
            {agenda.map((a) => (
              <li key={a.id} className={a.id === item?.id ? 'is-current' : ''} aria-current={a.id === item?.id ? 'step' : undefined} data-testid={`agenda-item-${a.id}`}>
                <button
                  type="button"
                  className="term-agenda-open"
                  aria-expanded={expanded === a.id}
                  onClick={() => setExpanded(expanded === a.id ? null : a.id)}
                  data-testid={`agenda-open-${a.id}`}
                >
                  <span className="term-agenda-pos">{a.position}</span>
                  <span>{a.title}</span>
                </button>
                {expanded === a.id && <ItemDocuments itemId={a.id} title={a.title} cmd={cmd} onOpen={onOpen} />}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function ItemDocuments({ itemId, title, cmd, onOpen }: { itemId: number; title: string; cmd: LiveCmd; onOpen: OpenDocument }) {
  const [docs, setDocs] = useState<LiveDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void cmd('terminal.itemDocuments', { itemId }).then((r) => {
      if (!live) return;
      if (r.ok) setDocs(r.value.documents);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [cmd, itemId, title]);
  return (
    <div className="term-agenda-docs" data-testid={`agenda-docs-${itemId}`}>
      {error ? <p className="term-error">{error}</p> : docs === null ? <p className="term-muted">正在读取材料…</p> : <DocumentList documents={docs} onOpen={(d) => onOpen(d, itemId)} />}
    </div>
  );
}
