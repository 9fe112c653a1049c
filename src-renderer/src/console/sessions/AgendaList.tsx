// The agenda in order: each item with its kind, details and documents; reorder with ↑/↓ buttons or
// Alt+↑/Alt+↓ on a focused item; edit and delete.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/Notice';
import { APPOINTMENT_ACTION_LABELS } from '../../../../src-main/domain/agenda';
import { THRESHOLD_LABELS } from '../../../../src-main/domain/vote';
import { chineseNumeral } from '../../../../src-main/domain/numerals';
import { go } from '../route';
import { useAction } from '../useCommand';
import { DocumentList } from './DocumentList';
import type { AgendaItem } from './SessionEditor';

export interface AgendaListProps {
  sessionId: number;
  items: AgendaItem[];
  editable: boolean;
  onItems: (items: AgendaItem[]) => void;
  onChanged: () => void;
}

export function AgendaList({ sessionId, items, editable, onItems, onChanged }: AgendaListProps) {
  const action = useAction();
  const [deleting, setDeleting] = useState<AgendaItem | null>(null);
  const [focusId, setFocusId] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (focusId === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-item-id="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId, items]);

  // Moves are shown at once and sent one after another: a second Alt+↑ while the first is still being
  // saved (a busy machine) moves the item again instead of being dropped. Each request carries the
  // whole order; only the answer to the latest one is applied (an earlier one would undo it on screen).
  const sent = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(0);
  const move = (index: number, delta: -1 | 1, keepFocus: boolean) => {
    const to = index + delta;
    if (!editable || to < 0 || to >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(index, 1);
    next.splice(to, 0, moved!);
    const previous = items;
    onItems(next.map((it, i) => ({ ...it, position: i + 1 })));
    if (keepFocus) setFocusId(moved!.id);
    const mine = ++latest.current;
    const orderedIds = next.map((it) => it.id);
    sent.current = sent.current.then(async () => {
      const r = await action.run(() => call('agenda.reorder', { sessionId, orderedIds }));
      if (mine !== latest.current) return;
      if (r) onItems(r);
      else onItems(previous);
    });
  };

  const onKey = (e: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (e.target !== e.currentTarget || !e.altKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      move(index, e.key === 'ArrowUp' ? -1 : 1, true);
    }
  };

  if (items.length === 0) {
    return <p className="empty-panel">还没有议程项。点击“添加议程项”，按会议顺序逐项添加；顺序以后可以调整。</p>;
  }
  return (
    <>
      <ErrorNote error={action.error} />
      <ol className="agenda" ref={listRef} aria-label="议程">
        {items.map((it, i) => (
          <li
            key={it.id}
            className="agenda-item"
            tabIndex={0}
            data-item-id={it.id}
            aria-label={`第${i + 1}项：${it.title}`}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            onKeyDown={(e) => onKey(e, i)}
          >
            <div className="agenda-no" aria-hidden="true">
              {chineseNumeral(i + 1)}
            </div>
            <div className="agenda-main">
              <div className="agenda-line">
                <span className={`chip chip-kind kind-${it.kind}`}>{it.kindLabel}</span>
                <span className="agenda-title">{it.title}</span>
              </div>
              {it.presenter && <div className="muted small">报告人/说明人：{it.presenter}</div>}
              <ItemDetails item={it} />
              <DocumentList item={it} editable={editable} onChanged={onChanged} />
            </div>
            {editable && (
              <div className="agenda-actions">
                <button type="button" className="btn btn-small btn-icon" onClick={() => move(i, -1, false)} disabled={i === 0 || action.busy} aria-label={`上移：${it.title}`} title="上移（Alt+↑）">
                  ↑
                </button>
                <button type="button" className="btn btn-small btn-icon" onClick={() => move(i, 1, false)} disabled={i === items.length - 1 || action.busy} aria-label={`下移：${it.title}`} title="下移（Alt+↓）">
                  ↓
                </button>
                <button type="button" className="btn btn-small" onClick={() => go('sessions', sessionId, 'items', it.id)} aria-label={`编辑：${it.title}`}>
                  编辑
                </button>
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setDeleting(it)} aria-label={`删除：${it.title}`}>
                  删除
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {deleting && <DeleteItemDialog item={deleting} onClose={() => setDeleting(null)} onDeleted={onItems} />}
    </>
  );
}

function ItemDetails({ item }: { item: AgendaItem }) {
  const d = item.details;
  if (item.kind === 'appointment' && d.persons?.length) {
    const mode = d.appointmentMode === 'all' ? '合并表决' : d.appointmentMode === 'mixed' ? '分组表决' : '逐人表决';
    return (
      <div className="agenda-details persons">
        <span className="chip chip-muted">{mode}</span>
        {d.threshold && <span className="chip chip-muted">{THRESHOLD_LABELS[d.threshold]}通过</span>}
        <ul className="person-list">
          {d.persons.map((p, i) => (
            <li key={i}>
              <span className="action-word">{APPOINTMENT_ACTION_LABELS[p.action]}</span> {p.name}
              {p.post && <span className="muted">（{p.post}）</span>}
              {d.appointmentMode === 'mixed' && <span className="chip chip-muted">{p.group ? `合并第${p.group}组` : '单独表决'}</span>}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (item.kind === 'assessment' && d.subjects?.length) {
    const names = d.subjects.map((s) => s.name);
    return (
      <div className="agenda-details">
        测评对象 {d.subjects.length} 个：{names.slice(0, 8).join('、')}
        {names.length > 8 && ` 等`}
      </div>
    );
  }
  if (item.kind === 'project_ballot' && d.candidates?.length) {
    return (
      <div className="agenda-details">
        候选项目 {d.candidates.length} 个{d.chooseMax ? `，每张选票最多选 ${d.chooseMax} 项` : ''}
      </div>
    );
  }
  if (d.threshold) return <div className="agenda-details"><span className="chip chip-muted">{THRESHOLD_LABELS[d.threshold]}通过</span></div>;
  return null;
}

function DeleteItemDialog({ item, onClose, onDeleted }: { item: AgendaItem; onClose: () => void; onDeleted: (items: AgendaItem[]) => void }) {
  const action = useAction();
  const confirm = async () => {
    const r = await action.run(() => call('agenda.delete', { id: item.id }));
    if (r) {
      onDeleted(r);
      onClose();
    }
  };
  return (
    <ConfirmDialog title="删除议程项" confirmLabel="确认删除" danger busy={action.busy} error={action.error} onConfirm={confirm} onClose={onClose}>
      <p>
        将删除议程项“{item.title}”{item.documents.length > 0 && `及其 ${item.documents.length} 个附件`}，其后各项依次前移。
      </p>
    </ConfirmDialog>
  );
}
