// 意见台账: every review opinion with its 文号, sent date, deadline and status, overdue ones first, and
// its handling reports (each session that heard one, with the result). From here the secretary links
// a handling-report agenda item to its opinion, records a decision where no assessment is held,
// extends a deadline, registers an earlier opinion, and exports the register to XLSX.
import { useState } from 'react';
import { call, type CommandOutput } from '../api';
import { ErrorNote } from '../components/Notice';
import { linkTo } from '../console/route';
import { useAction, useQuery } from '../console/useCommand';
import { localToday } from '../../../src-main/domain/review';
import { download } from './files';
import { DeadlineDialog, DecideDialog, LinkDialog, RegisterEarlierDialog } from './RegisterDialogs';
import './review.css';

export type RegisterRow = CommandOutput<'register.list'>[number];
type Open = { kind: 'register' } | { kind: 'link'; row: RegisterRow } | { kind: 'decide'; row: RegisterRow; itemId: number } | { kind: 'deadline'; row: RegisterRow };

export function RegisterPage() {
  const q = useQuery('register.list', {});
  const action = useAction();
  const [open, setOpen] = useState<Open | null>(null);
  const rows = q.data ?? [];
  const done = () => {
    setOpen(null);
    q.reload();
  };
  const exportXlsx = async () => {
    const file = await action.run(() => call('register.export', {}));
    if (file) download(file);
  };
  const markHandling = async (row: RegisterRow) => {
    if (await action.run(() => call('opinions.markHandling', { id: row.id, since: localToday() }))) q.reload();
  };
  const overdue = rows.filter((r) => r.overdue).length;

  return (
    <section aria-labelledby="rv-register-title" className="rv">
      <div className="page-head">
        <h1 id="rv-register-title">审议意见台账</h1>
        <p className="page-sub">每份审议意见的交办、办理期限和办理情况报告。逾期未报告的排在最前。</p>
      </div>
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => setOpen({ kind: 'register' })}>
          登记既往审议意见
        </button>
        <button type="button" className="btn" onClick={() => void exportXlsx()} disabled={action.busy}>
          导出Excel
        </button>
        {overdue > 0 && (
          <span className="chip chip-error" data-testid="overdue-count">
            {overdue}份逾期
          </span>
        )}
      </div>
      <ErrorNote error={q.error ?? action.error} />
      <table className="data-table rv-register" aria-label="审议意见台账">
        <thead>
          <tr>
            <th>文号</th>
            <th>审议意见</th>
            <th>主送</th>
            <th>交办日期</th>
            <th>办理期限</th>
            <th>状态</th>
            <th>办理情况报告</th>
            <th className="actions">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.overdue ? 'rv-overdue' : ''} data-testid="register-row">
              <td className="rv-nowrap">{r.docNumber ?? <span className="muted">未编号</span>}</td>
              <td className="name">
                {r.origin === 'drafted' && r.sessionId ? <a href={linkTo('opinions', r.sessionId, r.id)}>{r.title}</a> : r.title}
                {r.sessionTitle && <div className="muted small">{r.sessionTitle}</div>}
              </td>
              <td>{r.addressee}</td>
              <td className="rv-nowrap">{r.sentAt ?? ''}</td>
              <td className="rv-nowrap">
                {r.deadline ?? ''}
                {r.overdue && <div className="rv-overdue-note">逾期{r.overdueDays}天</div>}
                {r.daysLeft !== null && <div className="muted small">剩余{r.daysLeft}天</div>}
              </td>
              <td>
                <span className={`chip rv-status-${r.status}`}>{r.statusLabel}</span>
              </td>
              <td>
                <ul className="rv-handlings">
                  {r.handlings.map((h) => (
                    <li key={h.id}>
                      第{h.round}次：{h.sessionTitle ? `${h.sessionTitle}（${h.sessionDate}）` : h.itemTitle}
                      {'，'}
                      {h.result ? `${h.result}${h.decidedBy === 'secretary' ? '（会务记录）' : ''}` : h.heardAt ? '已听取，待测评' : '待听取'}
                      {h.outcome === null && (
                        <button type="button" className="btn btn-link" onClick={() => setOpen({ kind: 'decide', row: r, itemId: h.itemId })}>
                          记录结果
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="actions">
                {['sent', 'handling', 'report_again'].includes(r.status) && (
                  <button type="button" className="btn btn-small" onClick={() => setOpen({ kind: 'link', row: r })}>
                    关联办理报告
                  </button>
                )}
                {r.status === 'sent' && (
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => void markHandling(r)}>
                    标记办理中
                  </button>
                )}
                {r.sentAt && !['assessed'].includes(r.status) && (
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => setOpen({ kind: 'deadline', row: r })}>
                    调整期限
                  </button>
                )}
              </td>
            </tr>
          ))}
          {!q.loading && rows.length === 0 && (
            <tr>
              <td colSpan={8} className="empty">
                还没有审议意见。会议听取审议报告后，在“审议意见”中起草；以前的审议意见可在此登记。
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {open?.kind === 'register' && <RegisterEarlierDialog onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'link' && <LinkDialog row={open.row} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'decide' && <DecideDialog row={open.row} itemId={open.itemId} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'deadline' && <DeadlineDialog row={open.row} onClose={() => setOpen(null)} onDone={done} />}
    </section>
  );
}
