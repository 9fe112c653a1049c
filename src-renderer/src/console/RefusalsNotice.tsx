// The notice on every console page while the meeting machine turns connections away for its bound
// (server/refusal-record.ts, the `refusals` frames of the console's live client): how many, the bound
// and its figure, when the last one was and from where. Gone a minute after the last refusal, or at
// once on 知道了 (live.dismissRefusals, for every console), until a connection is refused again.
import { call } from '../api';
import { ErrorNote } from '../components/Notice';
import { clockTime } from '../live/labels';
import { CONNECTIONS_FULL, type ConnectionRefusals } from '../live/protocol';
import { useLive } from '../live/useLive';
import { useAction } from './useCommand';

/** "已拒绝12个连接：连接数已满（每台设备上限8个），最近一次 09:32，来自192.168.1.23" */
export function refusalsText(r: ConnectionRefusals): string {
  const bound = r.bound === 'address' ? `每台设备上限${r.limit}个` : `全场上限${r.limit}个`;
  return `已拒绝${r.count}个连接：${CONNECTIONS_FULL}（${bound}），最近一次 ${clockTime(r.lastAt)}，来自${r.address}`;
}

export function RefusalsNotice() {
  const r = useLive('console').refusals;
  const dismiss = useAction();
  if (!r) return null;
  return (
    <div className="setup-banner" role="alert" data-testid="connection-refusals" data-count={r.count} data-limit={r.limit} data-bound={r.bound}>
      <span>
        <strong>{refusalsText(r)}</strong>
        <br />
        被拒绝的终端和大屏会自动重试；请关闭多余的页面或设备。一分钟内没有新的拒绝后，本提示自动消失；点“知道了”可先关闭，有新的拒绝时再次显示。
      </span>
      <ErrorNote error={dismiss.error} />
      <button type="button" className="btn btn-primary" disabled={dismiss.busy} onClick={() => void dismiss.run(() => call('live.dismissRefusals', {}))} data-testid="connection-refusals-dismiss">
        知道了
      </button>
    </div>
  );
}
