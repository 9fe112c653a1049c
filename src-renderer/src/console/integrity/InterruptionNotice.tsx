// The notice of an interrupted run (kill -9, a power cut: meeting/interruption.ts), on every console
// page the way the data-loss notice is (ConsoleApp places both): the secretary may be on 议程 or 名单
// when the restart happens. 知道了 (live.dismissInterruption) clears it for every console at once.
import { call } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useLive } from '../../live/useLive';
import { useAction } from '../useCommand';

export function InterruptionNotice() {
  const live = useLive('console');
  const dismiss = useAction();
  const interruption = live.state?.interruption ?? null;
  if (!interruption) return null;
  return (
    <div className="setup-banner interruption-notice" role="alert" data-testid="interruption">
      <span>{interruption.message}</span>
      <ErrorNote error={dismiss.error} />
      <button type="button" className="btn btn-primary" disabled={dismiss.busy} onClick={() => void dismiss.run(() => call('live.dismissInterruption', {}))} data-testid="interruption-dismiss">
        知道了
      </button>
    </div>
  );
}
