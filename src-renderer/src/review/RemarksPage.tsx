// 审议发言: the remarks of a session by agenda item and review group, refreshed as members submit
// them on their terminals; the secretary records spoken remarks, edits or removes remarks, and sets
// up the review groups (分组审议). From here a report item goes on to its review opinion.
import { useEffect, useState } from 'react';
import { call, type CommandOutput } from '../api';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorNote } from '../components/Notice';
import { go } from '../console/route';
import { useAction, useQuery } from '../console/useCommand';
import { hhmm } from '../live/labels';
import { GroupsDialog } from './GroupsDialog';
import { RemarkDialog } from './RemarkDialog';
import { SessionSelect, useRefreshTick, useSessionChoice } from './SessionChoice';
import './review.css';

type RemarksList = CommandOutput<'remarks.list'>;
export type ItemRemarks = RemarksList['items'][number];
export type Remark = ItemRemarks['groups'][number]['remarks'][number];

function clock(iso: string): string {
  const d = new Date(iso);
  return `${d.getMonth() + 1}月${d.getDate()}日 ${hhmm(d)}`;
}

export function RemarksPage({ route }: { route: string[] }) {
  const { sessions, sessionId } = useSessionChoice('remarks', route[0]);
  const tick = useRefreshTick();
  const q = useQuery('remarks.list', { sessionId: sessionId ?? 0 });
  const members = useQuery('members.list', {});
  const action = useAction();
  const [adding, setAdding] = useState<ItemRemarks | null>(null);
  const [editing, setEditing] = useState<Remark | null>(null);
  const [removing, setRemoving] = useState<Remark | null>(null);
  const [groupsOpen, setGroupsOpen] = useState(false);
  const { reload } = q;
  useEffect(() => {
    if (tick > 0) reload();
  }, [tick, reload]);

  const session = sessions.find((s) => s.id === sessionId);
  const data = sessionId ? q.data : undefined;
  const total = data?.items.reduce((a, i) => a + i.count, 0) ?? 0;
  const remove = async () => {
    if (!removing) return;
    const ok = await action.run(() => call('remarks.delete', { id: removing.id }));
    if (ok) {
      setRemoving(null);
      reload();
    }
  };

  return (
    <section aria-labelledby="rv-remarks-title" className="rv">
      <div className="page-head">
        <h1 id="rv-remarks-title">审议发言</h1>
        <p className="page-sub">组成人员在终端提交的书面发言和会务人员记录的口头发言，按议程项和审议组排列，随时更新。</p>
      </div>
      <div className="toolbar">
        <SessionSelect section="remarks" sessions={sessions} sessionId={sessionId} />
        {session && (
          <button type="button" className="btn" onClick={() => setGroupsOpen(true)} disabled={session.status === 'closed'}>
            审议分组{data && data.groups.length > 0 ? `（${data.groups.length}组）` : ''}
          </button>
        )}
        <span className="muted" data-testid="remark-total">
          共{total}条发言
        </span>
      </div>
      <ErrorNote error={q.error ?? action.error} />
      {data && data.groups.length > 0 && (
        <p className="muted small rv-groups-line">
          {data.groups.map((g) => `${g.name}（${g.memberIds.length}人${g.convener ? `，召集人${g.convener}` : ''}）`).join('；')}
        </p>
      )}
      {data?.items.length === 0 && <p className="empty-panel">本次会议没有需要审议的议程项。</p>}
      {data?.items.map((item) => (
        <article key={item.itemId} className="panel rv-item" data-testid="remarks-item" data-item-id={item.itemId} aria-label={item.title}>
          <div className="rv-item-head">
            <h2>
              <span className="rv-pos">第{item.position}项</span> {item.title}
            </h2>
            <span className="chip chip-muted">{item.count}条</span>
            <div className="rv-item-actions">
              <button type="button" className="btn btn-small" onClick={() => setAdding(item)} disabled={session?.status === 'draft'}>
                记录口头发言
              </button>
              {item.kind === 'report' && item.count > 0 && (
                <button type="button" className="btn btn-small btn-primary" onClick={() => go('opinions', sessionId!)}>
                  起草审议意见
                </button>
              )}
            </div>
          </div>
          {item.groups.length === 0 && <p className="muted">尚无发言。</p>}
          {item.groups.map((g) => (
            <div key={g.groupId ?? 'plenary'} className="rv-group" data-testid="remarks-group">
              <h3>
                {g.groupName} <span className="muted small">{g.remarks.length}条</span>
              </h3>
              <ol className="rv-remarks">
                {g.remarks.map((r) => (
                  <li key={r.id} data-testid="remark">
                    <div className="rv-remark-meta">
                      <strong className="rv-speaker">{r.speaker}</strong>
                      <span className={`chip ${r.mode === 'written' ? 'chip-ok' : 'chip-kind'}`}>{r.mode === 'written' ? '终端书面' : '口头'}</span>
                      <span className="muted small">{clock(r.createdAt)}</span>
                      <span className="rv-remark-actions">
                        <button type="button" className="btn btn-link" onClick={() => setEditing(r)}>
                          修改
                        </button>
                        <button type="button" className="btn btn-link danger" onClick={() => setRemoving(r)}>
                          删除
                        </button>
                      </span>
                    </div>
                    <p className="rv-remark-text">{r.text}</p>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </article>
      ))}
      {(adding || editing) && data && (
        <RemarkDialog
          item={adding}
          remark={editing}
          groups={data.groups}
          members={members.data ?? []}
          onClose={() => {
            setAdding(null);
            setEditing(null);
          }}
          onSaved={() => {
            setAdding(null);
            setEditing(null);
            reload();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog title="删除发言" confirmLabel="删除" danger busy={action.busy} error={action.error} onConfirm={() => void remove()} onClose={() => setRemoving(null)}>
          <p>
            删除{removing.speaker}的这条发言？删除会记入审计日志。
          </p>
        </ConfirmDialog>
      )}
      {groupsOpen && sessionId && (
        <GroupsDialog
          sessionId={sessionId}
          groups={data?.groups ?? []}
          members={members.data ?? []}
          onClose={() => setGroupsOpen(false)}
          onSaved={() => {
            setGroupsOpen(false);
            reload();
          }}
        />
      )}
    </section>
  );
}
