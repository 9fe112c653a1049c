// The notices of interrupted runs (kill -9, a power cut: meeting/interruption.ts), on every console
// page the way the data-loss notice is (ConsoleApp places both): the secretary may be on 议程 or 名单
// when the restart happens. They show whether or not a session is open (the console's live state is
// null while none is: they are asked for by live.interruption, again on each change of the consoles'
// view and each reconnection), on a console opened later and after a clean restart, each until its
// 知道了 (live.dismissInterruption) clears it for every console at once. Several runs interrupted
// before anyone read them: every one, newest first.
import { useEffect } from 'react';
import { call } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useLive, useLiveChanges } from '../../live/useLive';
import { useAction, useQuery } from '../useCommand';
import type { Interruption } from '../../live/protocol';

export function InterruptionNotice() {
  const live = useLive('console');
  const asked = useQuery('live.interruption', {});
  const { reload } = asked;
  useLiveChanges((parts) => {
    if (parts.includes('terminals')) reload();
  });
  useEffect(() => {
    if (live.connected) reload();
  }, [live.connected, reload]);
  // An open session's state carries the notices with every change; without one, the answer asked for.
  const interruptions = live.state ? live.state.interruptions : (asked.data?.interruptions ?? []);
  return (
    <>
      {interruptions.map((i) => (
        <OneInterruption key={i.id ?? 'unrecorded'} interruption={i} dismissed={reload} />
      ))}
    </>
  );
}

function OneInterruption({ interruption, dismissed }: { interruption: Interruption; dismissed: () => void }) {
  const dismiss = useAction();
  const done = async () => {
    if (await dismiss.run(() => call('live.dismissInterruption', { id: interruption.id }))) dismissed();
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
