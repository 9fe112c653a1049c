// 申请发言 on a member's terminal during an item: ask to speak, see one's place in the queue, withdraw
// while waiting; when the chair calls, the terminal shows 请发言. Everything shown comes from the
// server's `speakers` frame, so a reload or a reconnect shows the queue as it is.
import { useState } from 'react';
import type { LiveCmd } from '../live/client';
import type { SpeakerQueueView } from '../live/client';
import type { TerminalState } from '../live/protocol';
import { itemQueue } from './queue';
import './speakers.css';

export function SpeakPanel({ state, speakers, cmd, connected }: { state: TerminalState; speakers: SpeakerQueueView | null; cmd: LiveCmd; connected: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { me, currentItem, session } = state;
  if (me.kind !== 'member' || !session?.businessStarted || !currentItem) return null;
  const q = itemQueue(speakers, session.id, currentItem.id);
  const mine = q.all.filter((e) => e.memberId === me.id && (e.state === 'waiting' || e.state === 'called'))[0] ?? null;
  const spoke = q.done.some((e) => e.memberId === me.id);
  const ahead = mine?.state === 'waiting' ? q.waiting.indexOf(mine) : -1;
  const run = async (name: 'terminal.requestSpeak' | 'terminal.withdrawSpeak') => {
    setBusy(true);
    setError(null);
    const r = await cmd(name, {});
    setBusy(false);
    if (!r.ok) setError(r.error.message);
  };
  const status = mine?.state ?? (spoke ? 'done' : 'none');
  return (
    <section className="term-card speak" data-testid="speak-panel" data-state={status}>
      {mine?.state === 'called' ? (
        <p className="speak-now" role="alert" data-testid="speak-now">
          请发言
        </p>
      ) : mine?.state === 'waiting' ? (
        <>
          <p data-testid="speak-status" data-ahead={ahead}>
            已申请发言{ahead > 0 ? `，前面还有${ahead}位` : '，下一位即是您'}，请等候主持人安排。
          </p>
          <button type="button" className="btn speak-btn" disabled={busy || !connected} onClick={() => void run('terminal.withdrawSpeak')} data-testid="speak-withdraw">
            撤回申请
          </button>
        </>
      ) : (
        <>
          {spoke && <p className="term-muted">您已在本项议程发言。</p>}
          <button type="button" className="btn btn-primary speak-btn" disabled={busy || !connected || me.attendance !== 'present'} onClick={() => void run('terminal.requestSpeak')} data-testid="speak-request">
            申请发言
          </button>
          {me.attendance !== 'present' && <span className="term-muted">签到后可以申请发言</span>}
        </>
      )}
      {error && (
        <p className="term-error" role="alert" data-testid="speak-error">
          {error}
        </p>
      )}
    </section>
  );
}
