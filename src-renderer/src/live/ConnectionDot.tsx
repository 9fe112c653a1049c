// The small connection light every face shows: 已连接 / 正在重新连接… / 正在连接…, and 未获授权 for a
// console whose credential the meeting machine refuses (never 已连接 while every action is refused).
import './live.css';

export function ConnectionDot({ connected, everConnected, refused = null, className }: { connected: boolean; everConnected: boolean; refused?: string | null; className?: string }) {
  const on = connected && !refused;
  const text = refused ? '未获授权' : connected ? '已连接' : everConnected ? '正在重新连接…' : '正在连接…';
  return (
    <span
      className={`live-conn ${on ? 'is-on' : 'is-off'} ${className ?? ''}`}
      data-testid="connection"
      data-connected={on ? 'true' : 'false'}
      data-refused={refused ? 'true' : 'false'}
      role="status"
    >
      <span className="live-conn-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
