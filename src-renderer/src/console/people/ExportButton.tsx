// 导出XLSX: the current list as a spreadsheet, downloaded by the browser (or saved by Electron), in
// list order or 按姓氏笔画 (组成人员 within their posts).
import { useState } from 'react';
import { call, downloadBase64 } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useAction } from '../useCommand';
import { NameOrderSelect, type NameOrder } from './NameOrderSelect';

export type ListKind = 'members' | 'attendees' | 'officials';

export function ExportButton({ kind }: { kind: ListKind }) {
  const action = useAction();
  const [order, setOrder] = useState<NameOrder>('list');
  const run = async () => {
    const file = await action.run(() => call('export.xlsx', { kind, order }));
    if (file) downloadBase64(file.fileName, file.mime, file.base64);
  };
  return (
    <>
      <button type="button" className="btn" onClick={run} disabled={action.busy}>
        {action.busy ? '正在导出…' : '导出 XLSX'}
      </button>
      <NameOrderSelect value={order} onChange={setOrder} label="导出顺序" />
      <ErrorNote error={action.error} className="inline" />
    </>
  );
}
