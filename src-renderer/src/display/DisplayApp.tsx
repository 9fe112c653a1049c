// #/display: the big screen on the projector. Designed on a 1920×1080 stage that is scaled to fit any
// projector; dark, high contrast, type readable from the back of the room. Public state only: during
// a ballot it shows how many have voted, never what anyone chose. Refused by the connection bound, it
// says so (live/BlockedNote.tsx) over whatever it showed last.
import { useEffect, useState } from 'react';
import { BlockedNote } from '../live/BlockedNote';
import { ConnectionDot } from '../live/ConnectionDot';
import { formatDate, hhmm, itemPosition } from '../live/labels';
import type { LiveSnapshot, PublicState } from '../live/protocol';
import { QrCode } from '../live/QrCode';
import { useLive } from '../live/useLive';
import { AttendanceBoard } from './AttendanceBoard';
import { BallotStage } from './BallotStage';
import { AssessmentStage } from '../assessment/AssessmentStage'; // issue 4: assessment results
import './display.css';

const STAGE_W = 1920;
const STAGE_H = 1080;

function useStageScale(): number {
  const fit = () => Math.min(window.innerWidth / STAGE_W, window.innerHeight / STAGE_H);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const on = () => setScale(fit());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return scale;
}

export function DisplayApp() {
  const live = useLive('display');
  const scale = useStageScale();
  useEffect(() => {
    document.title = '议事 · 会场大屏';
  }, []);
  const s = live.state;
  return (
    <div className="disp-root">
      <div className="disp-stage" style={{ width: STAGE_W, height: STAGE_H, transform: `translate(-50%, -50%) scale(${scale})` }}>
        {s?.session ? <SessionScreen state={s} clockOffsetMs={live.clockOffsetMs} /> : <IdleScreen state={s} connected={live.connected} />}
        <BlockedNote live={live} who="本大屏" className="disp-blocked" />
        <footer className="disp-foot">
          <ConnectionDot connected={live.connected} everConnected={live.everConnected} className="disp-conn" />
          {s?.terminalUrl && s.session && !(s.ballot && s.ballot.state !== 'draft') && (
            <span className="disp-terminal-url" data-testid="display-terminal-url">
              <QrCode text={s.terminalUrl} size={88} />
              委员终端：{s.terminalUrl}
            </span>
          )}
          <Clock offsetMs={live.clockOffsetMs} />
        </footer>
      </div>
    </div>
  );
}

function IdleScreen({ state, connected }: { state: PublicState | null; connected: boolean }) {
  const closed = state?.closedSession ?? null;
  return (
    <main className="disp-idle">
      <h1 className="disp-idle-title" data-testid="display-title">
        议事
      </h1>
      {connected && closed ? (
        <p className="disp-idle-sub" data-testid="display-session-closed" data-session-id={closed.id}>
          {closed.title}已闭会
        </p>
      ) : (
        <p className="disp-idle-sub">{connected ? '会议尚未开始' : '正在连接会议主机…'}</p>
      )}
      {state?.terminalUrl && (
        <div className="disp-idle-qr" data-testid="display-terminal-url">
          <QrCode text={state.terminalUrl} size={220} />
          <p>委员终端请访问：{state.terminalUrl}</p>
        </div>
      )}
    </main>
  );
}

function SessionScreen({ state, clockOffsetMs }: { state: LiveSnapshot; clockOffsetMs: number }) {
  const { session, attendance, ballot } = state;
  if (!session) return null;
  // Before business starts the room looks at the sign-in figures, not at an item.
  const item = session.businessStarted ? state.currentItem : null;
  const ballotShown = ballot && ballot.state !== 'draft' ? ballot : null;
  const place = [formatDate(session.date), session.startTime, session.place].filter(Boolean).join('  ');
  return (
    <main className={`disp-main ${ballotShown ? 'has-ballot' : ''}`}>
      <header className="disp-head">
        <h1 className="disp-title" data-testid="display-title">
          {session.title}
        </h1>
        <p className="disp-place">{session.status === 'closed' ? `${place}  ·  已闭会` : place}</p>
      </header>
      {item && (
        <section className="disp-item" data-testid="display-item" data-item-id={item.id}>
          <span className="disp-item-pos">
            {itemPosition(item.position)} · {item.kindLabel}
          </span>
          {!(ballotShown && ballotShown.subject === item.title) && <h2 className="disp-item-title">{item.title}</h2>}
          {item.presenter && !ballotShown && <p className="disp-item-presenter">{item.presenter}</p>}
          {item.disposition && (
            <p className="disp-item-disposition" data-testid="display-disposition">
              {item.disposition.line}
            </p>
          )}
        </section>
      )}
      {ballotShown ? (
        <BallotStage ballot={ballotShown} clockOffsetMs={clockOffsetMs} />
      ) : (
        <>
          {!session.businessStarted && session.status === 'open' && <p className="disp-phase">会前签到</p>}
          {attendance && <AttendanceBoard attendance={attendance} compact={!!item} />}
        </>
      )}
      <AssessmentStage state={state} />
      {ballotShown && ballotShown.state === 'open' && attendance && (
        <p className="disp-attendance-line" data-testid="display-attendance-line">
          {attendance.announcement}
        </p>
      )}
    </main>
  );
}

function Clock({ offsetMs }: { offsetMs: number }) {
  const [now, setNow] = useState(() => new Date(Date.now() + offsetMs));
  useEffect(() => {
    // The server's time replaces the screen's own at once, not a tick later.
    setNow(new Date(Date.now() + offsetMs));
    const t = setInterval(() => setNow(new Date(Date.now() + offsetMs)), 1000);
    return () => clearInterval(t);
  }, [offsetMs]);
  return <span className="disp-clock">{hhmm(now)}</span>;
}
