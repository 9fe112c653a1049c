// Every member of the session as a seat tile: seat, name, attendance with 签到 / 请假 / 离会, the
// terminal's state, and during a ballot whether they have voted (✓) and, for named ballots only, what.
import { ATTENDANCE_TEXT, CHOICE_TEXT, clockTime } from '../../live/labels';
import type { AttendanceStatus, ConsoleMemberRow, ConsoleState } from '../../live/protocol';
import type { Actions } from './admin-actions';

const SET: [AttendanceStatus, string][] = [
  ['present', '签到'],
  ['leave', '请假'],
  ['left', '离会'],
];

const TERMINAL_TEXT: Record<ConsoleMemberRow['terminal'], string> = { online: '终端在线', offline: '终端离线', none: '未绑定终端' };

/** 离会 only for someone present; the others whenever they change something. */
function allowed(m: ConsoleMemberRow, status: AttendanceStatus): boolean {
  if (m.attendance === status) return false;
  return status !== 'left' || m.attendance === 'present';
}

export function MemberGrid({ state, actions }: { state: ConsoleState; actions: Actions }) {
  const inBallot = state.members.some((m) => m.voted !== null);
  const voted = state.members.filter((m) => m.voted).length;
  const online = state.members.filter((m) => m.terminal === 'online').length;
  return (
    <section className="lc-card lc-members">
      <h3>
        组成人员
        <span className="lc-muted lc-h-note">
          终端在线 {online} / {state.members.length}
          {inBallot && `　·　已表决 ${voted} 人`}
        </span>
        <span className="lc-legend">
          <i className="is-present" />
          已签到 <i className="is-leave" />
          请假 <i className="is-left" />
          离会 <i className="is-absent" />
          未到
        </span>
      </h3>
      <ul className="lc-seats" data-testid="member-grid">
        {state.members.map((m) => (
          <li key={m.id} className={`lc-seat is-${m.attendance}`} data-testid={`member-row-${m.id}`} data-attendance={m.attendance} data-terminal={m.terminal}>
            <div className="lc-seat-top">
              <span className="lc-seat-no">{m.seat ?? '—'}</span>
              <span className="lc-seat-name" title={m.role}>
                {m.name}
              </span>
              <span className={`lc-term term-${m.terminal}`} title={TERMINAL_TEXT[m.terminal]} data-testid="member-terminal" data-terminal={m.terminal} />
            </div>
            <div className="lc-seat-mid">
              <span className={`lc-chip att-${m.attendance}`} data-testid="member-attendance">
                {ATTENDANCE_TEXT[m.attendance]}
              </span>
              {m.voted !== null && (m.voted || m.attendance === 'present') ? (
                <span className="lc-seat-vote" data-testid="member-voted" data-voted={m.voted ? 'true' : 'false'} data-choice={m.choice ?? ''}>
                  {m.voted ? m.choice ? <span className={`lc-choice choice-${m.choice}`}>{CHOICE_TEXT[m.choice]}</span> : <span className="lc-tick">✓ 已表决</span> : <span className="lc-muted">未表决</span>}
                </span>
              ) : m.sheetSubmitted !== null && (m.sheetSubmitted || m.attendance === 'present') ? (
                <span className="lc-seat-vote" data-testid="member-sheet" data-submitted={m.sheetSubmitted ? 'true' : 'false'}>
                  {m.sheetSubmitted ? <span className="lc-tick">✓ 已提交测评表</span> : <span className="lc-muted">未提交</span>}
                </span>
              ) : (
                m.signedInAt && m.attendance === 'present' && <span className="lc-time">{timeOf(m.signedInAt)}</span>
              )}
            </div>
            <div className="lc-seat-actions">
              {SET.map(([status, label]) => (
                <button
                  key={status}
                  type="button"
                  disabled={!allowed(m, status) || actions.busy !== null}
                  onClick={() => void actions.run(`${m.name}${label}`, 'attendance.set', { memberId: m.id, status })}
                  data-testid={`set-${status}`}
                >
                  {label}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function timeOf(iso: string): string {
  return `${clockTime(iso)} 签到`;
}
