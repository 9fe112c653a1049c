// The note every face shows while the meeting machine refuses its connections for the bound (the
// terminal, the big screen, the chair's view): the same words, the machine's reason (the probe's, see
// live/refusal-probe.ts), and that the page keeps trying. Gone once the page is connected.
import { CONNECTIONS_FULL } from './protocol';
import './live.css';

export const BLOCKED_HEADING = `无法连接会议主机：${CONNECTIONS_FULL}`;

/** `who`: this page in words ("本终端", "本大屏"…); `className`: the face's own look. */
export function BlockedNote({ live, who, className }: { live: { connected: boolean; blocked: string | null }; who: string; className: string }) {
  if (live.connected || !live.blocked) return null;
  return (
    <div className={`live-blocked ${className}`} role="alert" data-testid="connection-blocked">
      <strong>{BLOCKED_HEADING}</strong>
      <div>{live.blocked}</div>
      <small>{who}会继续自动重试；如长时间无法连接，请联系会务工作人员。</small>
    </div>
  );
}
