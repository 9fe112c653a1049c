// 应到 / 实到 / 请假 / 缺席, the quorum line, and 开始会议议程 (with a required reason when the quorum
// is not met: the secretary takes responsibility in writing, and it is kept in the audit log).
import { useState } from 'react';
import { quorumWord } from '../../../../src-main/domain/attendance';
import type { ConsoleState } from '../../live/protocol';
import type { Actions } from './admin-actions';

export function AttendanceBlock({ state, actions }: { state: ConsoleState; actions: Actions }) {
  const [reason, setReason] = useState('');
  const a = state.attendance;
  const started = state.session?.businessStarted ?? false;
  if (!a) return null;
  const figures: [string, number, string][] = [
    ['应到', a.expected, 'expected'],
    ['实到', a.present, 'present'],
    ['请假', a.onLeave, 'leave'],
    ['缺席', a.absent, 'absent'],
  ];
  return (
    <section className="lc-card lc-attendance" data-testid="live-attendance" data-quorum={a.quorumMet ? 'met' : 'not-met'}>
      <div className="lc-att-figures">
        {figures.map(([label, n, key]) => (
          <div key={key} className={`lc-fig lc-fig-${key}`} data-testid={`attendance-${key}`}>
            <span className="lc-fig-n">{n}</span>
            <span className="lc-fig-label">{label}</span>
          </div>
        ))}
        <div className={`lc-quorum ${a.quorumMet ? 'is-met' : 'is-not-met'}`} data-testid="quorum">
          {quorumWord(a.quorumMet)}
        </div>
      </div>
      <p className="lc-announcement" data-testid="attendance-announcement">
        {a.announcement}
      </p>
      {started ? (
        <p className="lc-ok-line" data-testid="business-started">
          会议议程已开始{state.quorumOverride ? `（未达法定人数开始，理由：${state.quorumOverride}）` : ''}
        </p>
      ) : (
        <form
          className="lc-start"
          onSubmit={(e) => {
            e.preventDefault();
            void actions.run('开始会议议程', 'live.startBusiness', a.quorumMet ? {} : { override: reason.trim() });
          }}
        >
          {!a.quorumMet && (
            <label className="lc-field lc-grow">
              <span>未达法定人数，如仍需开始请填写理由</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：经主任会议同意，先听取报告" data-testid="start-business-reason" />
            </label>
          )}
          <button
            type="submit"
            className={`lc-btn ${a.quorumMet ? 'lc-btn-primary' : 'lc-btn-danger'}`}
            disabled={actions.busy !== null || (!a.quorumMet && reason.trim() === '')}
            data-testid="start-business"
          >
            开始会议议程
          </button>
        </form>
      )}
    </section>
  );
}
