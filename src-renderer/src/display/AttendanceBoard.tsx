// 应到 / 实到 / 请假 / 缺席 as large figures, and whether the quorum is met.
import { quorumWord } from '../../../src-main/domain/attendance';
import type { AttendanceSummary } from '../live/protocol';

export function AttendanceBoard({ attendance: a, compact }: { attendance: AttendanceSummary; compact: boolean }) {
  const figures: [string, number, string][] = [
    ['应到', a.expected, 'expected'],
    ['实到', a.present, 'present'],
    ['请假', a.onLeave, 'leave'],
    ['缺席', a.absent, 'absent'],
  ];
  return (
    <section className={`disp-att ${compact ? 'is-compact' : ''}`} data-testid="display-attendance" data-quorum={a.quorumMet ? 'met' : 'not-met'}>
      <div className="disp-att-figures">
        {figures.map(([label, n, key]) => (
          <div key={key} className={`disp-fig fig-${key}`} data-testid={`display-att-${key}`}>
            <span className="disp-fig-n">{n}</span>
            <span className="disp-fig-label">{label}</span>
          </div>
        ))}
      </div>
      <p className={`disp-quorum ${a.quorumMet ? 'is-met' : 'is-not-met'}`} data-testid="display-quorum">
        {quorumWord(a.quorumMet)}
      </p>
      <p className="disp-announcement">{a.announcement}</p>
    </section>
  );
}
