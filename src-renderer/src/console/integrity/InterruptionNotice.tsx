// The notice of an interrupted run (kill -9, a power cut: meeting/interruption.ts), on every console
// page the way the data-loss notice is (ConsoleApp places both): the secretary may be on 议程 or 名单
// when the restart happens. It shows whether or not a session is open (the console's live state is
// null while none is: the notice is asked for by live.interruption, again on each change of the
// consoles' view and each reconnection), and on a console opened later, until 知道了
// (live.dismissInterruption) clears it for every console at once.
import { useEffect } from 'react';
import { call } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useLive, useLiveChanges } from '../../live/useLive';
import { useAction, useQuery } from '../useCommand';

export function InterruptionNotice() {
  const live = useLive('console');
  const asked = useQuery('live.interruption', {});
  const dismiss = useAction();
  const { reload } = asked;
  useLiveChanges((parts) => {
    if (parts.includes('terminals')) reload();
  });
  useEffect(() => {
    if (live.connected) reload();
  }, [live.connected, reload]);
  // An open session's state carries the notice with every change; without one, the answer asked for.
  const interruption = live.state ? live.state.interruption : (asked.data?.interruption ?? null);
  if (!interruption) return null;
  const done = async () => {
    if (await dismiss.run(() => call('live.dismissInterruption', {}))) reload();
  };
  return (
    <div className="setup-banner interruption-notice" role="alert" data-testid="interruption">
      <span>{interruption.message}</span>
      <ErrorNote error={dismiss.error} />
      <button type="button" className="btn btn-primary" disabled={dismiss.busy} onClick={() => void done()} data-testid="interruption-dismiss">
        知道了
      </button>
    </div>
  );
}
