// 导入名单 as a reviewed change: choose a CSV/XLSX file and see, before anything is written, every
// error (行/列/原因), each row as 新增 / 更新 (field by field, old → new) / 不变, and the people the app
// has that the file lacks (keep, or retire with a date). Columns the file does not have are left as
// they are; an emptied cell is a change the secretary confirms. Then all of it is imported, or none.
import { useId, useRef, useState } from 'react';
import { call, fileToBase64, type CommandOutput } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNote, OkNote } from '../../components/Notice';
import { today } from '../format';
import { useAction } from '../useCommand';
import type { ListKind } from './ExportButton';
import { formatLabel, IMPORT_COLUMNS, LIST_NOUNS } from './importColumns';
import { ImportMissing, type RetireChoice } from './ImportMissing';
import { ImportRows } from './ImportRows';
import './people.css';

type Preview = CommandOutput<'import.preview'>;
export interface RowError {
  row: number | null;
  column: string | null;
  reason: string;
}
interface ChosenFile {
  fileName: string;
  data: string;
}

export interface ImportDialogProps {
  kind: ListKind;
  onClose: () => void;
  onImported: (message: string) => void;
}

const isRowErrors = (v: unknown): v is RowError[] => Array.isArray(v) && v.every((e) => e && typeof e === 'object' && 'reason' in e);

export function ImportDialog({ kind, onClose, onImported }: ImportDialogProps) {
  const noun = LIST_NOUNS[kind];
  const columns = IMPORT_COLUMNS[kind];
  const inputId = useId();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirm, setConfirm] = useState<string[]>([]);
  const [retire, setRetire] = useState<Record<number, RetireChoice>>({});
  const [done, setDone] = useState('');
  const action = useAction();

  const decisions = (c: string[], r: Record<number, RetireChoice>) => ({
    confirm: c,
    retire: Object.entries(r)
      .filter(([, v]) => v.retire)
      .map(([id, v]) => ({ id: Number(id), date: kind === 'members' ? v.date || null : null })),
  });
  // Each change of a decision previews again; only the answer to the latest request is shown.
  const latest = useRef(0);
  const runPreview = async (chosen: ChosenFile, c: string[], r: Record<number, RetireChoice>) => {
    const ticket = ++latest.current;
    const p = await action.run(() => call('import.preview', { kind, ...chosen, ...decisions(c, r) }));
    if (ticket === latest.current) setPreview(p ?? null);
  };
  const choose = async (f: File | undefined) => {
    setPreview(null);
    setConfirm([]);
    setRetire({});
    setDone('');
    if (!f) return;
    const chosen = { fileName: f.name, data: await fileToBase64(f) };
    setFile(chosen);
    await runPreview(chosen, [], {});
  };
  const toggleConfirm = (key: string, on: boolean) => {
    const next = on ? [...confirm, key] : confirm.filter((k) => k !== key);
    setConfirm(next);
    if (file) void runPreview(file, next, retire);
  };
  const chooseRetire = (id: number, choice: RetireChoice) => {
    const next = { ...retire, [id]: choice };
    setRetire(next);
    if (file) void runPreview(file, confirm, next);
  };

  // An unreadable file fails the preview itself; its reasons come in details.
  const shownErrors: RowError[] = preview ? preview.errors : action.error && isRowErrors(action.error.details) ? action.error.details : [];

  const commit = async () => {
    if (!file || !preview) return;
    const r = await action.run(() => call('import.commit', { kind, ...file, ...decisions(confirm, retire), planId: preview.planId }));
    if (r) {
      const text = `已导入${noun}：新增 ${r.added} 人，更新 ${r.updated} 人${r.unchanged ? `，不变 ${r.unchanged} 人` : ''}${r.retired ? `，${kind === 'members' ? '离任' : '停用'} ${r.retired} 人` : ''}`;
      setDone(text);
      onImported(text);
      onClose();
    } else {
      setPreview(null);
    }
  };

  const pendingConfirm = preview ? preview.rows.flatMap((r) => r.changes).filter((c) => c.needsConfirm && !c.confirmed).length : 0;
  const canImport = !!preview && shownErrors.length === 0 && preview.rows.length > 0 && !action.busy;

  return (
    <Dialog
      title={`导入${noun}名单`}
      size="full"
      onClose={onClose}
      onSubmit={commit}
      footer={
        <>
          <ErrorNote error={action.error} />
          <OkNote>{done}</OkNote>
          <button type="button" className="btn" onClick={onClose} disabled={action.busy}>
            取消
          </button>
          <button type="submit" className="btn btn-primary" disabled={!canImport}>
            {action.busy && preview ? '正在导入…' : '确认导入'}
          </button>
        </>
      }
    >
      <div className="import-choose">
        <span className="field-label">名单文件（CSV 或 XLSX）</span>
        <div className="file-choose">
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="选择名单文件（CSV 或 XLSX）"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
            disabled={action.busy}
            data-autofocus
          />
          <label htmlFor={inputId} className={`btn${action.busy ? ' disabled' : ''}`} aria-hidden="true">
            {file ? '重新选择文件…' : '选择文件…'}
          </label>
          <span className={file ? 'chosen-file' : 'muted'}>{file?.fileName ?? '尚未选择文件'}</span>
        </div>
        <p className="field-hint">
          第一行为表头，可包含：{columns.map((c) => c.header).join('、')}（“姓名”{kind === 'members' ? '和“职务”' : ''}必填）。UTF-8 或 GBK 编码的 CSV 均可。
          姓名{kind === 'members' ? '' : '（文件有“单位”列时还有单位）'}与现有人员（包括已{kind === 'members' ? '离任' : '停用'}的）相同的行更新该人员，其余新增；文件中没有的列保持不变，清空的单元格需逐项确认。
          先预览，确认后一次导入全部行；有任何错误则不导入。
        </p>
      </div>
      {action.busy && !preview && <p className="muted">正在读取文件…</p>}
      {preview && (
        <div className="import-summary" aria-live="polite">
          <span>
            文件：<strong>{preview.fileName}</strong>（{formatLabel(preview.format)}），包含列：{preview.columns.join('、')}
          </span>
          <span>
            {shownErrors.length === 0 ? '将' : '修正错误后可'}新增 <strong data-testid="import-add">{preview.toAdd}</strong> 人，更新{' '}
            <strong data-testid="import-update">{preview.toUpdate}</strong> 人，不变 <strong data-testid="import-same">{preview.unchanged}</strong> 人
            {preview.toRetire > 0 && (
              <>
                ，{kind === 'members' ? '离任' : '停用'} <strong data-testid="import-retire">{preview.toRetire}</strong> 人
              </>
            )}
          </span>
          {shownErrors.length === 0 ? <span className="chip chip-ok">没有错误</span> : <span className="chip chip-error">{shownErrors.length} 处错误</span>}
          {pendingConfirm > 0 && <span className="chip chip-warn">{pendingConfirm} 处清空待确认（不确认则保留原值）</span>}
        </div>
      )}
      {shownErrors.length > 0 && (
        <div className="import-errors">
          <h3>发现 {shownErrors.length} 处错误，请修改文件后重新选择（有错误时不能导入，已导入的数据不受影响）</h3>
          <table className="data-table compact" aria-label="导入错误">
            <thead>
              <tr>
                <th className="num">行</th>
                <th>列</th>
                <th>原因</th>
              </tr>
            </thead>
            <tbody>
              {shownErrors.map((e, i) => (
                <tr key={i} className="row-error">
                  <td className="num">{e.row ?? '—'}</td>
                  <td>{e.column ?? '—'}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview && <ImportRows kind={kind} preview={preview} errors={shownErrors} confirmed={confirm} onConfirm={toggleConfirm} />}
      {preview && preview.missing.length > 0 && <ImportMissing kind={kind} missing={preview.missing} choices={retire} defaultDate={today()} onChoose={chooseRetire} busy={action.busy} />}
    </Dialog>
  );
}
