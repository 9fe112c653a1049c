// The small connection light every face shows: 已连接 / 正在重新连接… / 正在连接….
import './live.css';

export function ConnectionDot({ connected, everConnected, className }: { connected: boolean; everConnected: boolean; className?: string }) {
  const text = connected ? '已连接' : everConnected ? '正在重新连接…' : '正在连接…';
  return (
    <span className={`live-conn ${connected ? 'is-on' : 'is-off'} ${className ?? ''}`} data-testid="connection" data-connected={connected ? 'true' : 'false'} role="status">
      <span className="live-conn-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
