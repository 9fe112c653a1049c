// The file rebuild a migration asked for that could not run at this start (store/file-rebuild.ts:
// disk full, another program holding the file…), on every console page beside the notice of an
// interrupted run: why, and how much free space it needs. Nothing to dismiss: it goes away once a
// start has performed the rebuild (asked by integrity.rebuild, again on each reconnection).
import { useEffect } from 'react';
import { useLive } from '../../live/useLive';
import { useQuery } from '../useCommand';

export function RebuildNotice() {
  const live = useLive('console');
  const asked = useQuery('integrity.rebuild', {});
  const { reload } = asked;
  useEffect(() => {
    if (live.connected) reload();
  }, [live.connected, reload]);
  const pending = asked.data?.pending ?? null;
  if (!pending) return null;
  return (
    <div className="setup-banner" role="alert" data-testid="rebuild-pending">
      <span>{pending.message}</span>
    </div>
  );
}
