// Deleting a draft session, with its agenda and attached documents.
import { call } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { useAction } from '../useCommand';
import { dropDraft } from '../useDraft';
import type { Session } from './SessionsView';

export function DeleteSessionDialog({ session, onClose, onDeleted }: { session: Session; onClose: () => void; onDeleted: () => void }) {
  const action = useAction();
  const confirm = async () => {
    const r = await action.run(() => call('sessions.delete', { id: session.id }));
    if (r) {
      dropDraft(`session.${session.id}`);
      onDeleted();
      onClose();
    }
  };
  return (
    <ConfirmDialog title="删除会议" confirmLabel="确认删除" danger busy={action.busy} error={action.error} onConfirm={confirm} onClose={onClose}>
      <p>
        将删除草稿“{session.title}”及其 {session.itemCount} 项议程和所附材料。此操作记入审计日志，不能撤销。
      </p>
    </ConfirmDialog>
  );
}
