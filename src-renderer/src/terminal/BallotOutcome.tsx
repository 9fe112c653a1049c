// What a terminal shows about a ballot besides the buttons: its heading and, once announced, the result.
import { verdictWord } from '../../../src-main/domain/vote';
import type { PublicBallot } from '../live/protocol';

export function BallotHeading({ ballot }: { ballot: PublicBallot }) {
  return (
    <header className="vote-head">
      <div className="vote-tags">
        <span className={`tag ${ballot.secret ? 'tag-secret' : 'tag-named'}`} data-testid="ballot-secret">
          {ballot.secret ? '无记名表决' : '记名表决'}
        </span>
        {ballot.round > 1 && <span className="tag">第{ballot.round}轮</span>}
        {ballot.state === 'open' && <span className="tag tag-live">表决中</span>}
      </div>
      <h2 className="vote-subject" data-testid="ballot-subject">
        {ballot.subject}
      </h2>
    </header>
  );
}

export function BallotOutcome({ ballot }: { ballot: PublicBallot }) {
  const r = ballot.result;
  if (ballot.state === 'closed' || !r) return <p className="vote-note">表决已结束，等待主持人宣布结果</p>;
  return (
    <div className="vote-result" data-testid="ballot-result" data-adopted={r.adopted ? 'true' : 'false'}>
      <p className={`vote-verdict ${r.adopted ? 'is-adopted' : 'is-rejected'}`}>{verdictWord(r)}</p>
      <p className="vote-announcement">{r.announcement}</p>
      <p className="term-muted" data-testid="ballot-verdict-text">{r.verdict ?? `${r.rule}（需${r.required}票）`}</p>
    </div>
  );
}
