// 导入名单: choose a CSV/XLSX file, see every row and every error (行/列/原因) before anything is
// written, then import all rows or none. 确认导入 stays disabled while the file has errors.
import { useId, useState } from 'react';
import { call, fileToBase64, type CommandOutput } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNote, OkNote } from '../../components/Notice';
import { useAction } from '../useCommand';
import type { ListKind } from './ExportButton';
import { cellValue, formatLabel, IMPORT_COLUMNS, LIST_NOUNS } from './importColumns';

type Preview = CommandOutput<'import.preview'>;
interface RowError {
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
  const [errors, setErrors] = useState<RowError[]>([]);
  const [done, setDone] = useState('');
  const action = useAction();

  const choose = async (f: File | undefined) => {
    setPreview(null);
    setErrors([]);
    setDone('');
    if (!f) return;
    const chosen = { fileName: f.name, data: await fileToBase64(f) };
    setFile(chosen);
    const p = await action.run(() => call('import.preview', { kind, ...chosen }));
    if (p) {
      setPreview(p);
      setErrors(p.errors);
    }
  };
  // An unreadable file fails the preview itself; its reasons come in details.
  const shownErrors = errors.length > 0 ? errors : action.error && isRowErrors(action.error.details) ? action.error.details : [];

  const commit = async () => {
    if (!file || !preview) return;
    const r = await action.run(() => call('import.commit', { kind, ...file }));
    if (r) {
      const text = `已导入${noun}：新增 ${r.added} 人，更新 ${r.updated} 人`;
      setDone(text);
      onImported(text);
      onClose();
    } else {
      setPreview(null);
    }
  };

  const rows = (preview?.rows ?? []) as unknown as Array<Record<string, unknown> & { row: number }>;
  const errorsByRow = new Map<number, RowError[]>();
  for (const e of shownErrors) if (e.row !== null) errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  const lines = [...new Set([...rows.map((r) => r.row), ...errorsByRow.keys()])].sort((a, b) => a - b);
  const byRow = new Map(rows.map((r) => [r.row, r]));
  // Columns the file leaves empty everywhere (and no error names) are left out of the preview.
  const shownColumns = columns.filter((c) => rows.some((r) => cellValue(r[c.field]) !== '') || shownErrors.some((e) => e.column === c.header));
  const canImport = !!preview && shownErrors.length === 0 && rows.length > 0 && !action.busy;

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
          第一行为表头，应包含：{columns.map((c) => c.header).join('、')}（“姓名”{kind === 'members' ? '和“职务”' : ''}必填）。UTF-8 或 GBK 编码的 CSV 均可。
          姓名{kind === 'members' ? '' : '和单位'}与现有人员相同的行更新该人员，其余新增。先预览，确认后一次导入全部行；有任何错误则不导入。
        </p>
      </div>
      {action.busy && !preview && <p className="muted">正在读取文件…</p>}
      {preview && (
        <div className="import-summary" aria-live="polite">
          <span>
            文件：<strong>{preview.fileName}</strong>（{formatLabel(preview.format)}）
          </span>
          <span>
            {shownErrors.length === 0 ? '将' : '修正错误后可'}新增 <strong data-testid="import-add">{preview.toAdd}</strong> 人，更新{' '}
            <strong data-testid="import-update">{preview.toUpdate}</strong> 人（有效数据 {rows.length} 行）
          </span>
          {shownErrors.length === 0 ? <span className="chip chip-ok">没有错误</span> : <span className="chip chip-error">{shownErrors.length} 处错误</span>}
        </div>
      )}
      {shownErrors.length > 0 && (
        <div className="import-errors">
          <h3>
            发现 {shownErrors.length} 处错误，请修改文件后重新选择（有错误时不能导入，已导入的数据不受影响）
          </h3>
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
      {preview && lines.length > 0 && (
        <div className="import-preview">
          <h3>预览（按文件中的行号）</h3>
          <div className="table-scroll">
            <table className="data-table compact" aria-label="导入预览">
              <thead>
                <tr>
                  <th className="num">行</th>
                  {shownColumns.map((c) => (
                    <th key={c.field}>{c.header}</th>
                  ))}
                  {shownErrors.length > 0 && <th>问题</th>}
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => {
                  const r = byRow.get(line);
                  const errs = errorsByRow.get(line) ?? [];
                  const bad = new Set(errs.map((e) => e.column));
                  return (
                    <tr key={line} className={errs.length ? 'row-error' : undefined}>
                      <td className="num">{line}</td>
                      {shownColumns.map((c) => (
                        <td key={c.field} className={bad.has(c.header) ? 'cell-error' : undefined}>
                          {r ? cellValue(r[c.field]) : bad.has(c.header) ? '✕' : ''}
                        </td>
                      ))}
                      {shownErrors.length > 0 && <td className="problems">{errs.map((e) => `${e.column ? `${e.column}：` : ''}${e.reason}`).join('；')}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Dialog>
  );
}
