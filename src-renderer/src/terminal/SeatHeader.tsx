// The terminal's top bar: session title, who sits here (name, seat, 列席), 签到 and the connection light.
import { useState } from 'react';
import { ConnectionDot } from '../live/ConnectionDot';
import { ATTENDANCE_TEXT } from '../live/labels';
import type { TerminalState } from '../live/protocol';
import type { LiveCmd } from '../live/client';

type Cmd = LiveCmd;

export function SeatHeader({ state, connected, everConnected, cmd }: { state: TerminalState; connected: boolean; everConnected: boolean; cmd: Cmd }) {
  const { me, session } = state;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signIn() {
    setBusy(true);
    setError(null);
    const r = await cmd('terminal.signIn', {});
    setBusy(false);
    if (!r.ok) setError(r.error.message);
  }

  const canSignIn = me.kind === 'member' && session?.status === 'open' && me.attendance !== 'present';
  return (
    <header className="term-head">
      <div className="term-head-session">
        <h1 className="term-session-title" data-testid="session-title">
          {session?.title ?? '议事'}
        </h1>
      </div>
      <div className="term-head-me" data-testid="me">
        <span className="term-me-name">{me.name}</span>
        {me.seat !== null && <span className="term-me-seat">{me.seat}号座</span>}
        {me.kind === 'attendee' && (
          <span className="tag tag-attendee" data-testid="attendee-badge">
            列席
          </span>
        )}
      </div>
      <div className="term-head-actions">
        {me.kind === 'member' &&
          session?.status === 'open' &&
          (canSignIn ? (
            <button type="button" className="term-btn term-btn-primary sign-in" disabled={busy} onClick={() => void signIn()} data-testid="sign-in">
              {busy ? '正在签到…' : me.attendance === 'left' ? '重新签到' : '签到'}
            </button>
          ) : (
            <span className={`tag ${me.attendance === 'present' ? 'tag-ok' : ''}`} data-testid="signed-in" data-status={me.attendance ?? ''}>
              {me.attendance ? ATTENDANCE_TEXT[me.attendance] : ''}
            </span>
          ))}
        <ConnectionDot connected={connected} everConnected={everConnected} />
      </div>
      {error && (
        <p className="term-error term-head-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
    </header>
  );
}
