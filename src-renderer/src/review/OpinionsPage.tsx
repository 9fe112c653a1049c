// 审议意见: the report items of a session, how many remarks each has and its review opinion; start a
// draft from the remarks, or open one in the editor (#/console/opinions/<session>/<opinion>).
import { useState } from 'react';
import { call } from '../api';
import { ErrorNote } from '../components/Notice';
import { go, linkTo, routeId } from '../console/route';
import { useAction, useQuery } from '../console/useCommand';
import { OpinionEditor } from './OpinionEditor';
import { ReviewSettingsDialog } from './ReviewSettingsDialog';
import { SessionSelect, useSessionChoice } from './SessionChoice';
import './review.css';

export function OpinionsPage({ route }: { route: string[] }) {
  const opinionId = routeId(route[1]);
  if (opinionId !== null) return <OpinionEditor key={opinionId} id={opinionId} backTo={['opinions', route[0] ?? '']} />;
  return <OpinionList route={route} />;
}

function OpinionList({ route }: { route: string[] }) {
  const { sessions, sessionId } = useSessionChoice('opinions', route[0]);
  const q = useQuery('opinions.forSession', { sessionId: sessionId ?? 0 });
  const action = useAction();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const data = sessionId ? q.data : undefined;
  const draft = async (itemId: number) => {
    const o = await action.run(() => call('opinions.createDraft', { itemId }));
    if (o) go('opinions', sessionId!, o.id);
  };
  return (
    <section aria-labelledby="rv-opinions-title" className="rv">
      <div className="page-head">
        <h1 id="rv-opinions-title">审议意见</h1>
        <p className="page-sub">会议听取审议专项工作报告、开展专题询问或处理质询案后，根据组成人员的发言起草审议意见书（或整理质询案），编号、交办，并在意见台账中跟踪研究处理情况。</p>
      </div>
      <div className="toolbar">
        <SessionSelect section="opinions" sessions={sessions} sessionId={sessionId} />
        <a className="btn" href={linkTo('register')}>
          意见台账
        </a>
        <button type="button" className="btn btn-quiet" onClick={() => setSettingsOpen(true)}>
          文书设置
        </button>
      </div>
      {settingsOpen && <ReviewSettingsDialog onClose={() => setSettingsOpen(false)} />}
      <ErrorNote error={q.error ?? action.error} />
      <table className="data-table" aria-label="专项工作报告、专题询问、质询案及其审议意见">
        <thead>
          <tr>
            <th>议程</th>
            <th className="num">发言</th>
            <th>审议意见</th>
            <th className="actions">操作</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((i) => {
            const o = data.opinions.find((x) => x.id === i.opinionId);
            return (
              <tr key={i.itemId} data-testid="opinion-row">
                <td className="name">
                  第{i.position}项 {i.kind !== 'report' && <span className="chip chip-kind">{i.kindLabel}</span>}
                  {i.title}
                </td>
                <td className="num">{i.remarkCount}</td>
                <td>
                  {o ? (
                    <>
                      <span className={`chip rv-status-${o.status}`}>{o.statusLabel}</span> {o.docNumber ?? '未编号'}
                    </>
                  ) : (
                    <span className="muted">尚未起草</span>
                  )}
                </td>
                <td className="actions">
                  {o ? (
                    <a className="btn btn-small" href={linkTo('opinions', sessionId!, o.id)} aria-label={`打开“${i.title}”的审议意见`}>
                      打开
                    </a>
                  ) : (
                    <button type="button" className="btn btn-small btn-primary" onClick={() => void draft(i.itemId)} disabled={action.busy} aria-label={`为“${i.title}”起草审议意见`}>
                      起草审议意见
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          {data && data.items.length === 0 && (
            <tr>
              <td colSpan={4} className="empty">
                本次会议没有听取审议的专项工作报告、专题询问或质询案。
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
