// #/chair: the chair's view, a small read-only page (on the chair's tablet or a second screen). The
// current item and attendance, the ballot in focus with its rule and verdict, and the speaker queue
// in order with times: who speaks now, who waits. It connects as a big screen does (public state
// only) and follows the `speakers` frames: no polling, nothing to press. Refused by the connection
// bound, it says so as the terminal does (live/BlockedNote.tsx).
import { useEffect } from 'react';
import { BlockedNote } from '../live/BlockedNote';
import { ConnectionDot } from '../live/ConnectionDot';
import { clockTime, itemPosition } from '../live/labels';
import { useLive } from '../live/useLive';
import { itemQueue } from './queue';
import './speakers.css';

export function ChairApp() {
  const live = useLive('display');
  useEffect(() => {
    document.title = '议事 · 主持人';
  }, []);
  const s = live.state;
  const session = s?.session ?? null;
  const item = session?.businessStarted ? (s?.currentItem ?? null) : null;
  const q = itemQueue(live.speakers, session?.id, item?.id);
  const ballot = s?.ballot && s.ballot.itemId === item?.id ? s.ballot : null;
  return (
    <main className="chair" data-testid="chair-view">
      <header>
        <ConnectionDot connected={live.connected} everConnected={live.everConnected} />
        <h1 data-testid="chair-title">{session?.title ?? '议事 · 主持人'}</h1>
        <p className="chair-muted">{s?.attendance?.announcement ?? (live.connected ? '会议尚未开始' : '正在连接会议主机…')}</p>
        <BlockedNote live={live} who="本页" className="chair-blocked" />
      </header>
      {item && (
        <>
          <h2 data-testid="chair-item" data-item-id={item.id}>
            {itemPosition(item.position)} · {item.title}
          </h2>
          <div className="chair-grid">
            <section className="chair-card" data-testid="chair-speakers" data-waiting={q.waiting.length}>
              <h2>申请发言</h2>
              <p className="chair-now" data-testid="chair-speaking">
                {q.speaking ? `正在发言：${q.speaking.name}` : '当前无人发言'}
              </p>
              {q.waiting.length > 0 ? (
                <ol className="chair-list" data-testid="chair-waiting">
                  {q.waiting.map((e) => (
                    <li key={e.id} data-member-id={e.memberId}>
                      {e.name}
                      {e.seat !== null && `（${e.seat}号座）`} <span className="chair-muted">{clockTime(e.requestedAt)}申请</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="chair-muted">暂无等候发言的委员</p>
              )}
              {q.done.length > 0 && (
                <p className="chair-muted" data-testid="chair-done">
                  已发言：{q.done.map((e) => `${e.name}（${clockTime(e.calledAt)}）`).join('、')}
                </p>
              )}
            </section>
            {ballot && (
              <section className="chair-card" data-testid="chair-ballot" data-state={ballot.state}>
                <h2>表决</h2>
                <p>{ballot.subject}</p>
                {ballot.rule && (
                  <p className="chair-muted">
                    通过条件：{ballot.rule.threshold}
                    {ballot.rule.requirement ? `，${ballot.rule.requirement}` : ''}
                  </p>
                )}
                {ballot.state === 'open' && <p>已表决 {ballot.voted} / {ballot.eligible}</p>}
                {ballot.result && (
                  <p className={`chair-verdict ${ballot.result.adopted ? '' : 'is-rejected'}`} data-testid="chair-verdict">
                    {ballot.result.verdict ?? ballot.result.announcement}
                  </p>
                )}
              </section>
            )}
          </div>
        </>
      )}
    </main>
  );
}
