// 导出XLSX: the current list as a spreadsheet, downloaded by the browser (or saved by Electron).
import { call, downloadBase64 } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useAction } from '../useCommand';

export type ListKind = 'members' | 'attendees' | 'officials';

export function ExportButton({ kind }: { kind: ListKind }) {
  const action = useAction();
  const run = async () => {
    const file = await action.run(() => call('export.xlsx', { kind }));
    if (file) downloadBase64(file.fileName, file.mime, file.base64);
  };
  return (
    <>
      <button type="button" className="btn" onClick={run} disabled={action.busy}>
        {action.busy ? '正在导出…' : '导出 XLSX'}
      </button>
      <ErrorNote error={action.error} className="inline" />
    </>
  );
}
