// The big screen during and after a ballot: while open only "已表决 N / M", the countdown (never
// counts per choice) and the rule ("通过条件：过半数，赞成票须超过全体组成人员33人的半数，即至少17票");
// once announced 赞成 / 反对 / 弃权 / 未按表决器 (keypads only), 通过 / 未通过 and the verdict with its
// base and count ("赞成18票，超过全体组成人员33人的半数，通过。"); a paper ballot's sheets above them (发出 / 收回 / 无效).
import { paperSheetsText } from '../../../src-main/domain/paper-ballot';
import { TIME_UP, timeIsUp } from '../../../src-main/domain/time-up';
import { verdictWord } from '../../../src-main/domain/vote';
import { METHOD_TEXT, formatSeconds } from '../live/labels';
import type { PublicBallot } from '../live/protocol';
import { useCountdown } from '../live/useCountdown';

export function BallotStage({ ballot, clockOffsetMs }: { ballot: PublicBallot; clockOffsetMs: number }) {
  const seconds = useCountdown(ballot.state === 'open' ? ballot.closesAt : null, clockOffsetMs);
  const r = ballot.state === 'announced' ? ballot.result : null;
  return (
    <section className={`disp-ballot is-${ballot.state}`} data-testid="display-ballot" data-state={ballot.state}>
      <div className="disp-ballot-head">
        <span className={`disp-tag ${ballot.secret ? 'is-secret' : 'is-named'}`}>{ballot.secret ? '无记名表决' : '记名表决'}</span>
        {ballot.method !== 'electronic' && <span className="disp-tag">{METHOD_TEXT[ballot.method]}</span>}
        {ballot.round > 1 && <span className="disp-tag">第{ballot.round}轮</span>}
        <h2 className="disp-subject" data-testid="display-subject">
          {ballot.subject}
        </h2>
      </div>
      {r ? (
        <Result ballot={ballot} />
      ) : ballot.state === 'open' ? (
        <div className="disp-progress-row">
          {ballot.method === 'electronic' ? (
            <div className="disp-progress" data-testid="display-progress" data-voted={ballot.voted} data-eligible={ballot.eligible}>
              <span className="disp-progress-label">已表决</span>
              <span className="disp-progress-n">
                {ballot.voted}
                <span className="disp-progress-of"> / {ballot.eligible}</span>
              </span>
              <div className="disp-bar">
                <div className="disp-bar-fill" style={{ width: `${ballot.eligible ? (100 * ballot.voted) / ballot.eligible : 0}%` }} />
              </div>
            </div>
          ) : (
            <p className="disp-wait">请按主持人要求进行{METHOD_TEXT[ballot.method]}</p>
          )}
          {ballot.rule?.requirement && (
            <p className="disp-rule" data-testid="display-requirement">
              通过条件：{ballot.rule.threshold}，{ballot.rule.requirement}
            </p>
          )}
          {seconds !== null && (
            // Run out with the round still open (held, or about to close): 限时已到, never a stuck 0:00 (domain/time-up.ts).
            <div className={`disp-countdown ${seconds <= 10 ? 'is-urgent' : ''}`} data-testid="display-countdown">
              {timeIsUp(seconds) ? (
                <span className="disp-countdown-n is-up" data-testid="display-time-up">
                  {TIME_UP}
                </span>
              ) : (
                <>
                  <span className="disp-progress-label">剩余时间</span>
                  <span className="disp-countdown-n">{formatSeconds(seconds)}</span>
                </>
              )}
            </div>
          )}
        </div>
      ) : (
        <p className="disp-wait" data-testid="display-closed">
          表决结束，等待宣布结果
        </p>
      )}
    </section>
  );
}

function Result({ ballot }: { ballot: PublicBallot }) {
  const r = ballot.result!;
  const figures: [string, number, string][] = [
    ['赞成', r.yes, 'yes'],
    ['反对', r.no, 'no'],
    ['弃权', r.abstain, 'abstain'],
  ];
  if (r.notPressed !== null) figures.push(['未按表决器', r.notPressed, 'not-pressed']);
  return (
    <div className="disp-result" data-testid="display-result" data-adopted={r.adopted ? 'true' : 'false'}>
      {r.sheets && (
        <p className="disp-rule" data-testid="display-sheets">
          {paperSheetsText(r.sheets)}
        </p>
      )}
      <div className="disp-result-figures">
        {figures.map(([label, n, key]) => (
          <div key={key} className={`disp-fig fig-${key}`} data-testid={`display-result-${key}`}>
            <span className="disp-fig-n">{n}</span>
            <span className="disp-fig-label">{label}</span>
          </div>
        ))}
      </div>
      <p className={`disp-verdict ${r.adopted ? 'is-adopted' : 'is-rejected'}`} data-testid="display-verdict">
        {verdictWord(r)}
      </p>
      <p className="disp-rule" data-testid="display-verdict-text">
        {r.verdict ?? `${r.rule}，需赞成${r.required}票`}
      </p>
    </div>
  );
}
