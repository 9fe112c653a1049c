// 会议: every session with its status, and the form for a new one.
import { useState } from 'react';
import type { CommandOutput } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useCommittee } from '../committeeContext';
import { go, linkTo } from '../route';
import { useQuery } from '../useCommand';
import { DeleteSessionDialog } from './DeleteSessionDialog';
import { SessionForm } from './SessionForm';

export type Session = CommandOutput<'sessions.list'>[number];

export const STATUS_LABELS: Record<Session['status'], string> = { draft: '草稿', open: '进行中', closed: '已闭会' };

export function StatusChip({ status }: { status: Session['status'] }) {
  return <span className={`chip chip-status-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function SessionsView({ route }: { route: string[] }) {
  const q = useQuery('sessions.list', {});
  const { committee } = useCommittee();
  const [deleting, setDeleting] = useState<Session | null>(null);
  const sessions = q.data ?? [];
  return (
    <section aria-labelledby="sessions-title">
      <div className="page-head">
        <h1 id="sessions-title">会议</h1>
        <p className="page-sub">常委会会议及其议程。会议在开始前为草稿，可以修改基本信息、议程和材料。</p>
      </div>
      <div className="toolbar">
        <button type="button" className="btn btn-primary" onClick={() => go('sessions', 'new')} disabled={!committee?.region}>
          新建会议
        </button>
        {!committee?.region && <span className="muted">请先在“设置”中填写行政区名称和届次。</span>}
      </div>
      <ErrorNote error={q.error} />
      <table className="data-table" aria-label="会议列表">
        <thead>
          <tr>
            <th>会议</th>
            <th>日期</th>
            <th>状态</th>
            <th className="num">议程项</th>
            <th className="actions">操作</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td className="name">
                <a href={linkTo('sessions', s.id)}>{s.title}</a>
              </td>
              <td>
                {s.date} {s.startTime}
              </td>
              <td>
                <StatusChip status={s.status} />
              </td>
              <td className="num">{s.itemCount}</td>
              <td className="actions">
                <a className="btn btn-small" href={linkTo('sessions', s.id)} aria-label={`打开 ${s.title}`}>
                  打开
                </a>
                {s.status === 'draft' && (
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => setDeleting(s)} aria-label={`删除 ${s.title}`}>
                    删除
                  </button>
                )}
              </td>
            </tr>
          ))}
          {!q.loading && sessions.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">
                还没有会议。点击“新建会议”开始准备第一次会议。
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {route[0] === 'new' && (
        <SessionForm sessions={sessions} onClose={() => go('sessions')} onSaved={(s) => go('sessions', s.id)} />
      )}
      {deleting && <DeleteSessionDialog session={deleting} onClose={() => setDeleting(null)} onDeleted={() => q.reload()} />}
    </section>
  );
}
