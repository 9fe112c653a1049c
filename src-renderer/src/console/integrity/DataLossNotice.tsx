// A blocking notice when the database is behind the audit head recorded outside it (records lost,
// e.g. by a disk fault): the secretary must read and acknowledge it before a session can be opened.
// The acknowledgement is audited (integrity.acknowledge). It cannot be dismissed any other way.
import { useEffect, useId, useRef } from 'react';
import { call } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useAction, useQuery } from '../useCommand';

const TITLES = {
  behind: '数据库缺少最近的记录',
  diverged: '数据库与记录的审计头不一致',
  unreadable: '无法确认数据库是否完整',
} as const;

export function DataLossNotice() {
  const status = useQuery('integrity.status', {});
  const ack = useAction();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const notice = status.data?.pending ?? null;
  useEffect(() => {
    const d = ref.current;
    if (notice && d && !d.open) d.showModal();
  }, [notice]);
  if (!notice) return null;
  const acknowledge = async () => {
    const r = await ack.run(() => call('integrity.acknowledge', {}));
    if (r) {
      ref.current?.close();
      status.reload();
    }
  };
  return (
    <dialog ref={ref} className="dialog dialog-normal data-loss-notice" role="alertdialog" aria-labelledby={titleId} onCancel={(e) => e.preventDefault()} data-testid="data-loss-notice">
      <div className="dialog-header">
        <h2 id={titleId}>{TITLES[notice.status]}</h2>
      </div>
      <div className="dialog-body">
        <p className="note note-error">{notice.message}</p>
        <p>{notice.restoreHint}</p>
        <p>在确认之前，不能开会、开始议程或表决，终端也不能签到和按键；名单、议程等准备工作和查阅不受影响。确认会写入审计日志。</p>
      </div>
      <div className="dialog-footer">
        <ErrorNote error={ack.error} />
        <button type="button" className="btn btn-danger" onClick={() => void acknowledge()} disabled={ack.busy} data-autofocus>
          {ack.busy ? '请稍候…' : '我已知晓，记录在案'}
        </button>
      </div>
    </dialog>
  );
}
