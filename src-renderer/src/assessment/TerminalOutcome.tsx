// The announced result on a member's terminal: the ranked subjects (or projects) in a compact list.
import type { PublicAssessment } from '../../../src-main/assessment/types';
import { projectStanding } from '../../../src-main/domain/project-ballot';
import { scaleWords } from '../../../src-main/domain/satisfaction';

export function TerminalOutcome({ a, submitted }: { a: PublicAssessment; submitted: boolean }) {
  const r = a.result!;
  return (
    <div className="asm-outcome" data-testid="sheet-outcome">
      {submitted && <p className="asm-note">您已参加本次{a.kind === 'project' ? '票决' : '测评'}。结果如下：</p>}
      {r.kind === 'satisfaction' ? (
        <table className="asm-result-table">
          <thead>
            <tr>
              <th>名次</th>
              <th>测评对象</th>
              <th>{scaleWords(r.scale).rateLabel}</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((x) => (
              <tr key={x.index}>
                <td>{x.rank}</td>
                <td>{x.name}</td>
                <td>{x.rate ?? '—'}</td>
                <td>{x.grade}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="asm-result-table">
          <thead>
            <tr>
              <th>名次</th>
              <th>项目</th>
              <th>得票</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((x) => (
              <tr key={x.index}>
                <td>{x.rank}</td>
                <td>{x.name}</td>
                <td>{x.votes}</td>
                <td>{projectStanding(x)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
