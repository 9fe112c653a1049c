// The agenda with the current item marked: 上一项 / 下一项 and 跳到此项. Terminals and the big screen
// follow the current item.
import type { ConsoleState } from '../../live/protocol';
import type { Actions } from './admin-actions';

export function AgendaBlock({ state, actions }: { state: ConsoleState; actions: Actions }) {
  const current = state.currentItem?.id ?? null;
  const idle = actions.busy !== null;
  const openBallot = state.ballots.find((b) => b.state === 'open');
  return (
    <section className="lc-card lc-agenda">
      <h3>
        议程
        <span className="lc-step">
          <button type="button" className="lc-btn" disabled={idle} onClick={() => void actions.run('上一项', 'live.prev', { fromItemId: current })} data-testid="prev-item">
            ‹ 上一项
          </button>
          <button type="button" className="lc-btn lc-btn-primary" disabled={idle} onClick={() => void actions.run('下一项', 'live.next', { fromItemId: current })} data-testid="next-item">
            下一项 ›
          </button>
        </span>
      </h3>
      {openBallot && <p className="lc-warn">表决进行中：“{openBallot.subject}”，结束表决后再切换议程。</p>}
      <ol className="lc-agenda-list" data-testid="agenda-list">
        {state.agenda.map((a) => (
          <li key={a.id} className={a.id === current ? 'is-current' : ''} data-testid={`agenda-item-${a.id}`} data-current={a.id === current ? 'true' : 'false'}>
            <span className="lc-agenda-pos">{a.position}</span>
            <span className="lc-agenda-title">
              {a.title}
              <small>
                {a.kindLabel}
                {a.disposition && <span data-testid={`agenda-disposition-${a.id}`}> · {a.disposition.label}</span>}
              </small>
            </span>
            {a.id !== current && (
              <button type="button" className="lc-btn lc-btn-small" disabled={idle} onClick={() => void actions.run('切换议程', 'live.setItem', { itemId: a.id })} data-testid={`set-item-${a.id}`}>
                跳到此项
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
