// The assessment and project-ballot items of one session, each with its rounds and controls. The
// live state (over the console socket or the Electron bridge) keeps the progress and results fresh.
import { useEffect, useMemo } from 'react';
import { ErrorNote, InfoNote } from '../../components/Notice';
import { go } from '../../console/route';
import { useQuery } from '../../console/useCommand';
import { agendaKindLabel } from '../../../../src-main/domain/agenda';
import { useLive, useLiveChanges } from '../../live/useLive';
import { ItemPanel } from './ItemPanel';
import './assessment-console.css';

const ASSESSABLE = ['assessment', 'project_ballot', 'report', 'handling_report'];

/** For the live console: the controls of one assessment or project-ballot item, mounted in one line. */
export function LiveAssessmentBlock({ sessionId, itemId }: { sessionId: number; itemId: number }) {
  return <SessionAssessments sessionId={sessionId} onlyItemId={itemId} />;
}

export function SessionAssessments({ sessionId, onlyItemId }: { sessionId: number | null; onlyItemId?: number }) {
  const sessions = useQuery('sessions.list', {});
  const live = useLive('console');
  const liveSession = live.state?.session ?? null;
  const chosen = sessionId ?? liveSession?.id ?? sessions.data?.find((s) => s.status === 'open')?.id ?? sessions.data?.[0]?.id ?? null;
  const detail = useQuery('sessions.get', { id: chosen ?? 0 });
  const rows = useQuery('assessments.list', { sessionId: chosen ?? 0 });
  const focus = live.state?.assessment ?? null;
  const focusKey = focus ? `${focus.id}:${focus.state}:${focus.submitted}` : '';
  // A change of the assessment in focus (opened, a sheet in, closed, announced) refreshes the rounds.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(rows.reload, [focusKey]);
  useLiveChanges((parts) => {
    if (parts.includes('round')) rows.reload();
    // a new round may be on another scale: the items' kind in words (称职测评) comes with the session
    if (parts.includes('agenda') || parts.includes('round')) detail.reload();
  });
  const items = useMemo(() => (detail.data?.items ?? []).filter((i) => ASSESSABLE.includes(i.kind) && (onlyItemId === undefined || i.id === onlyItemId)), [detail.data, onlyItemId]);
  const isLive = !!liveSession && liveSession.id === chosen;

  if (sessions.data && sessions.data.length === 0) return <InfoNote>还没有会议。请先在“会议”中新建会议并添加测评或票决议程。</InfoNote>;
  return (
    <div className="asc-session asc">
      {onlyItemId === undefined && <div className="toolbar">
        <label className="asc-picker">
          会议：
          <select value={chosen ?? ''} onChange={(e) => go('assessments', e.target.value)} aria-label="选择会议">
            {(sessions.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}（{s.status === 'open' ? '进行中' : s.status === 'closed' ? '已闭会' : '草稿'}）
              </option>
            ))}
          </select>
        </label>
        {isLive ? <span className="chip chip-ok">会议进行中</span> : <span className="muted">会议进行中才能发起电子测评；纸质测评结果可在会后录入。</span>}
      </div>}
      <ErrorNote error={sessions.error ?? (chosen ? (detail.error ?? rows.error) : null)} />
      {detail.data && items.length === 0 && onlyItemId === undefined && <InfoNote>本次会议没有{agendaKindLabel('assessment', detail.data.session.rules.satisfaction.scale)}、票决或报告类议程项。</InfoNote>}
      {detail.data &&
        items.map((item) => (
          <ItemPanel
            key={item.id}
            item={item}
            session={detail.data!.session}
            items={detail.data!.items}
            rounds={(rows.data ?? []).filter((r) => r.itemId === item.id)}
            focus={focus && focus.itemId === item.id ? focus : null}
            isLive={isLive}
            current={live.state?.currentItem?.id === item.id}
            reload={() => {
              rows.reload();
              detail.reload();
            }}
          />
        ))}
    </div>
  );
}
