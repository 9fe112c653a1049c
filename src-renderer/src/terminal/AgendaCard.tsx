// The terminal's reading area: attendance line, the current agenda item with its documents, and the
// whole agenda with the current item marked.
import type { LiveDocument, TerminalState } from '../live/protocol';
import { itemPosition } from '../live/labels';
import { DocumentList } from './DocumentList';

export function AgendaCard({ state, onOpen }: { state: TerminalState; onOpen: (doc: LiveDocument) => void }) {
  const { currentItem: item, agenda, attendance, session } = state;
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
            <h2 className="term-item-title">{item.title}</h2>
            {item.presenter && <p className="term-item-presenter">报告人／说明人：{item.presenter}</p>}
            <h3 className="term-subhead">会议材料</h3>
            <DocumentList documents={item.documents} onOpen={onOpen} />
          </>
        ) : (
          <h2 className="term-item-title term-muted">{session?.businessStarted ? '请等待主持人宣布下一项议程' : '会议即将开始'}</h2>
        )}
      </section>
      {agenda.length > 0 && (
        <section className="term-card term-agenda">
          <h3 className="term-subhead">会议议程</h3>
          <ol className="term-agenda-list">
            {agenda.map((a) => (
              <li key={a.id} className={a.id === item?.id ? 'is-current' : ''} aria-current={a.id === item?.id ? 'step' : undefined}>
                <span className="term-agenda-pos">{a.position}</span>
                <span>{a.title}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
