// “会议进行”: the secretary runs the open session from here. Open a prepared session, check the
// quorum and start business, step through the agenda, run ballots, follow attendance and terminals,
// print the session's PDFs. State arrives live over the console WebSocket (or the Electron bridge);
// changes go through the admin commands (call()).
import { useEffect, useState } from 'react';
import { call } from '../../api';
import type { AgendaDetails } from '../../../../src-main/domain/agenda';
import type { Rules } from '../../../../src-main/domain/settings';
import { ConnectionDot } from '../../live/ConnectionDot';
import { formatDate, itemPosition } from '../../live/labels';
import type { ConsoleState } from '../../live/protocol';
import { useLive, useLiveChanges } from '../../live/useLive';
import { useActions, type Actions } from './admin-actions';
import { AgendaBlock } from './AgendaBlock';
import { AttendanceBlock } from './AttendanceBlock';
import { LiveAssessmentBlock } from '../../assessment/console/SessionAssessments';
import { BallotBlock } from './BallotBlock';
import { DispositionBlock } from './DispositionBlock';
import { MemberGrid } from './MemberGrid';
import { SeatCodesBlock } from './SeatCodesBlock';
import { SessionPicker } from './SessionPicker';
import { SpeakerQueueBlock } from '../../speakers/SpeakerQueueBlock';
import { TerminalAddresses, TerminalsBlock } from './TerminalsBlock';
import { useSeatCodes } from './seat-codes';
import './live-console.css';

/** Items run with anonymous sheets (满意度测评, 票决, and reports assessed on the spot) instead of ballots. */
const ASSESSABLE_KINDS: string[] = ['assessment', 'project_ballot', 'handling_report', 'report'];

export function LiveConsole({ sessionId }: { sessionId?: number } = {}) {
  const live = useLive('console');
  const actions = useActions();
  return (
    <div className="lc" data-testid="live-console">
      <Messages actions={actions} socketError={live.error} />
      {!live.hasState ? (
        <section className="lc-card lc-connecting">
          <ConnectionDot connected={live.connected} everConnected={live.everConnected} refused={live.refused} />
          <p className="lc-muted">{live.refused ? '会议主机拒绝了本控制台，正在重试…' : '正在连接会议主机…'}</p>
        </section>
      ) : live.state ? (
        <LivePanel state={live.state} actions={actions} connected={live.connected} everConnected={live.everConnected} refused={live.refused} clockOffsetMs={live.clockOffsetMs} />
      ) : (
        <>
          <SessionPicker actions={actions} sessionId={sessionId} />
          <TerminalAddresses />
        </>
      )}
    </div>
  );
}

function Messages({ actions, socketError }: { actions: Actions; socketError: string | null }) {
  return (
    <>
      {socketError && <p className="lc-error">{socketError}</p>}
      {actions.error && actions.errorAt === null && (
        <p className="lc-error" role="alert" data-testid="live-error">
          {actions.error}
          <button type="button" className="lc-x" onClick={actions.clearError} aria-label="关闭">
            ×
          </button>
        </p>
      )}
      {actions.notice && (
        <p className="lc-notice" data-testid="live-notice">
          {actions.notice}
        </p>
      )}
    </>
  );
}

interface SessionDetail {
  rules: Rules;
  details: Map<number, AgendaDetails>;
}

/** Item details (appointment persons and mode) and the session's rules: not part of the live state. */
function useSessionDetail(sessionId: number, agendaKey: string): SessionDetail | null {
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [edits, setEdits] = useState(0);
  // An agenda or person edit during the session reaches the console at once.
  useLiveChanges((parts) => parts.includes('agenda') && setEdits((n) => n + 1));
  useEffect(() => {
    let live = true;
    void call('sessions.get', { id: sessionId }).then((r) => {
      if (!live || !r.ok) return;
      setDetail({ rules: r.value.session.rules, details: new Map(r.value.items.map((i) => [i.id, i.details])) });
    });
    return () => {
      live = false;
    };
  }, [sessionId, agendaKey, edits]);
  return detail;
}

function LivePanel({
  state,
  actions,
  connected,
  everConnected,
  refused,
  clockOffsetMs,
}: {
  state: ConsoleState;
  actions: Actions;
  connected: boolean;
  everConnected: boolean;
  refused: string | null;
  clockOffsetMs: number;
}) {
  const session = state.session!;
  const detail = useSessionDetail(session.id, state.agenda.map((a) => a.id).join(','));
  const seatCodes = useSeatCodes(session.id);
  const [confirmClose, setConfirmClose] = useState(false);
  const pairedKey = state.members.map((m) => m.terminal === 'none' ? 0 : 1).join('');
  const reloadSeatCodes = seatCodes.reload;
  useEffect(() => reloadSeatCodes(), [reloadSeatCodes, pairedKey, state.unpairedTerminals.length]);
  const item = state.currentItem;
  const openBallot = state.ballots.some((b) => b.state === 'open');

  return (
    <>
      <header className="lc-head">
        <div>
          <h2 className="lc-title" data-testid="live-title">
            {session.title}
          </h2>
          <p className="lc-muted">
            {formatDate(session.date)} {session.startTime} {session.place}
          </p>
        </div>
        <div className="lc-head-actions">
          <ConnectionDot connected={connected} everConnected={everConnected} refused={refused} />
          <button type="button" className="lc-btn" disabled={actions.busy !== null} onClick={() => void actions.pdf('signInSheet')} data-testid="pdf-sign-in-sheet">
            签到表 PDF
          </button>
          {confirmClose ? (
            <span className="lc-confirm">
              确认闭会？
              <button
                type="button"
                className="lc-btn lc-btn-danger"
                disabled={actions.busy !== null}
                onClick={() =>
                  void actions.run('闭会', 'live.close', { sessionId: session.id }).then((v) => {
                    setConfirmClose(false);
                    if (v) actions.notify(v.message);
                  })
                }
                data-testid="live-close-confirm"
              >
                闭会
              </button>
              <button type="button" className="lc-btn" onClick={() => setConfirmClose(false)}>
                取消
              </button>
            </span>
          ) : (
            <button type="button" className="lc-btn" disabled={openBallot} title={openBallot ? '表决进行中，不能闭会' : undefined} onClick={() => setConfirmClose(true)} data-testid="live-close">
              闭会
            </button>
          )}
        </div>
      </header>
      <div className="lc-grid">
        <div className="lc-col-main">
          <AttendanceBlock state={state} actions={actions} />
          <section className="lc-card lc-current" data-testid="live-current-item" data-item-id={item?.id ?? ''}>
            {item ? (
              <>
                <span className="lc-current-pos">
                  当前：{itemPosition(item.position)} · {item.kindLabel}
                </span>
                <h3 className="lc-current-title">{item.title}</h3>
                <p className="lc-muted">
                  {item.presenter && `报告人／说明人：${item.presenter}　`}
                  {item.documents.length > 0 ? `会议材料${item.documents.length}份：${item.documents.map((d) => d.fileName).join('、')}` : '无会议材料'}
                </p>
              </>
            ) : (
              <p className="lc-muted">{session.businessStarted ? '尚未选择议程项：点“下一项”进入第一项。' : '开始会议议程后，按“下一项”进入第一项议程。'}</p>
            )}
          </section>
          {item && ASSESSABLE_KINDS.includes(item.kind) && <LiveAssessmentBlock sessionId={session.id} itemId={item.id} />}
          {item && <DispositionBlock key={`d${item.id}`} item={item} actions={actions} roundOpen={openBallot} />}
          {item && !ASSESSABLE_KINDS.includes(item.kind) && !item.disposition && (
            <BallotBlock
              key={item.id}
              state={state}
              details={detail?.details.get(item.id) ?? null}
              rules={detail?.rules ?? null}
              actions={actions}
              clockOffsetMs={clockOffsetMs}
            />
          )}
          <SpeakerQueueBlock state={state} actions={actions} />
          <MemberGrid state={state} actions={actions} />
        </div>
        <div className="lc-col-side">
          <AgendaBlock state={state} actions={actions} />
          <TerminalsBlock state={state} actions={actions} people={seatCodes.rows} />
          <SeatCodesBlock rows={seatCodes.rows} reload={seatCodes.reload} actions={actions} />
        </div>
      </div>
    </>
  );
}
