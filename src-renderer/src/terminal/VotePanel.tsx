// The ballot on a member's terminal: 赞成 / 反对 / 弃权, a confirmation step, then terminal.vote.
// "已记录" shows only what the server answered (or, after a reload, me.myVote from the state).
import type { CommandOutput } from '../api';
import type { LiveCmd } from '../live/client';
import { useState, type ReactNode } from 'react';
import type { PublicBallot, TerminalMe } from '../live/protocol';
import { CHOICE_TEXT, METHOD_TEXT, type Choice } from '../live/labels';
import { useCountdown } from '../live/useCountdown';
import { BallotHeading, BallotOutcome } from './BallotOutcome';
import { nextPressSeq } from './press-seq';
import { leftRefusal } from '../../../src-main/domain/attendance';
import { TIME_UP, timeIsUp } from '../../../src-main/domain/time-up';

/** What terminal.vote answers (the command map's type). */
type VoteAnswer = CommandOutput<'terminal.vote'>;

type Cmd = LiveCmd;

export interface VotePanelProps {
  ballot: PublicBallot;
  me: TerminalMe;
  connected: boolean;
  clockOffsetMs: number;
  cmd: Cmd;
}

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];

/** Mount with key={ballot.id}: a new ballot starts with a clean slate. */
export function VotePanel({ ballot, me, connected, clockOffsetMs, cmd }: VotePanelProps) {
  const [selected, setSelected] = useState<Choice | null>(null);
  const [submitting, setSubmitting] = useState<Choice | null>(null);
  const [answer, setAnswer] = useState<VoteAnswer | null>(null);
  const [changing, setChanging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const secondsLeft = useCountdown(ballot.state === 'open' ? ballot.closesAt : null, clockOffsetMs);

  const fromState = me.myVote && me.myVote.ballotId === ballot.id ? me.myVote.choice : null;
  const recorded: Choice | null = answer?.choice ?? fromState;
  const isOpen = ballot.state === 'open';

  async function submit(choice: Choice) {
    setSubmitting(choice);
    setError(null);
    const pressSeq = nextPressSeq(ballot.id);
    const r = await cmd('terminal.vote', { ballotId: ballot.id, choice, pressSeq }, { resend: true });
    setSubmitting(null);
    setSelected(null);
    if (r.ok) {
      setAnswer(r.value);
      setChanging(false);
    } else {
      setError(r.error.message);
    }
  }

  let body: ReactNode;
  if (ballot.state === 'draft') {
    body = <p className="vote-note">表决即将开始，请稍候</p>;
  } else if (!isOpen) {
    body = (
      <>
        {recorded && <p className="vote-mine">您的选择：{CHOICE_TEXT[recorded]}</p>}
        <BallotOutcome ballot={ballot} />
      </>
    );
  } else if (me.kind === 'attendee') {
    body = (
      <p className="vote-note" data-testid="vote-readonly">
        列席人员不参加表决
      </p>
    );
  } else if (ballot.method !== 'electronic') {
    body = <p className="vote-note">本项采用{METHOD_TEXT[ballot.method]}，请按主持人的要求进行</p>;
  } else if (submitting) {
    body = (
      <div className="vote-status" data-testid="vote-submitting">
        <span className="vote-spinner" aria-hidden="true" />
        正在提交…{!connected && <small>（正在重新连接，连接恢复后自动提交）</small>}
      </div>
    );
  } else if (me.attendance === 'left') {
    // 离会: not in the hall, no press from this seat; a press made before leaving stays recorded.
    body = (
      <div className="vote-recorded" data-testid="vote-left" data-choice={recorded ?? ''}>
        {recorded && (
          <p className="vote-recorded-text">
            已记录：<strong className={`choice-${recorded}`}>{CHOICE_TEXT[recorded]}</strong>
          </p>
        )}
        <p className="vote-note">{leftRefusal('表决')}</p>
      </div>
    );
  } else if (selected) {
    body = (
      <div className="vote-confirm">
        <p className="vote-confirm-text">
          您选择：<strong className={`choice-${selected}`}>{CHOICE_TEXT[selected]}</strong>
        </p>
        <div className="vote-confirm-actions">
          <button type="button" className={`vote-btn vote-submit choice-bg-${selected}`} onClick={() => void submit(selected)} data-testid="vote-confirm">
            确认提交
          </button>
          <button type="button" className="vote-btn vote-again" onClick={() => setSelected(null)} data-testid="vote-reselect">
            重新选择
          </button>
        </div>
      </div>
    );
  } else if (recorded && !changing) {
    const firstPressKept = answer !== null && !answer.accepted;
    body = (
      <div className="vote-recorded" data-testid="vote-recorded" data-choice={recorded}>
        <p className="vote-recorded-text">
          {firstPressKept ? '本次表决以第一次按键为准，已记录：' : '已记录：'}
          <strong className={`choice-${recorded}`}>{CHOICE_TEXT[recorded]}</strong>
        </p>
        {ballot.pressRule === 'last' ? (
          <button type="button" className="vote-btn vote-again" onClick={() => setChanging(true)} data-testid="vote-change">
            更改选择
          </button>
        ) : (
          <p className="vote-note">本次表决以第一次按键为准，不能更改</p>
        )}
      </div>
    );
  } else if (!me.canVote) {
    body = (
      <p className="vote-note" data-testid="vote-not-eligible">
        {me.attendance === 'present' ? '表决开始时您尚未签到，不参加本次表决' : '您未签到，不能参加本次表决'}
      </p>
    );
  } else {
    body = (
      <>
        {changing && recorded && <p className="vote-note">当前已记录：{CHOICE_TEXT[recorded]}，请重新选择</p>}
        <div className="vote-buttons">
          {CHOICES.map((c) => (
            <button key={c} type="button" className={`vote-btn vote-choice choice-bg-${c}`} onClick={() => setSelected(c)} data-testid={`vote-${c}`}>
              {CHOICE_TEXT[c]}
            </button>
          ))}
        </div>
        {changing && (
          <button type="button" className="vote-link" onClick={() => setChanging(false)}>
            不更改
          </button>
        )}
      </>
    );
  }

  return (
    <section className={`vote-panel is-${ballot.state}`} data-testid="vote-panel" data-ballot-id={ballot.id} data-state={ballot.state}>
      <BallotHeading ballot={ballot} />
      {isOpen && (
        <div className="vote-meta">
          {/* No "已表决 N / M" here: the server sends progress to the big screen and the console only. */}
          {ballot.method === 'electronic' && <span>{ballot.pressRule === 'last' ? '结束表决前可以更改选择' : '以第一次按键为准'}</span>}
          {secondsLeft !== null && (
            // Run out with the round still open (held, or about to close): 限时已到, not 剩余 0秒 (domain/time-up.ts).
            <span className={`vote-countdown ${secondsLeft <= 10 ? 'is-urgent' : ''}`} data-testid="ballot-countdown">
              {timeIsUp(secondsLeft) ? TIME_UP : `剩余 ${formatLeft(secondsLeft)}`}
            </span>
          )}
        </div>
      )}
      {error && (
        <p className="term-error" role="alert" data-testid="vote-error">
          {error}
        </p>
      )}
      {body}
    </section>
  );
}

function formatLeft(s: number): string {
  const t = Math.ceil(s);
  return t >= 60 ? `${Math.floor(t / 60)}分${String(t % 60).padStart(2, '0')}秒` : `${t}秒`;
}
