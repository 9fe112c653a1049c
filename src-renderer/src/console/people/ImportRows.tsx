// The rows of an import preview: each file row as 新增 / 更新 / 不变 with its changes field by field
// (old → new), an emptied cell with its 确认清空 box, and the problems of rows with errors.
import type { CommandOutput } from '../../api';
import type { ListKind } from './ExportButton';
import type { RowError } from './ImportDialog';
import { IMPORT_COLUMNS } from './importColumns';

type Preview = CommandOutput<'import.preview'>;

const ACTION_LABELS = { add: '新增', update: '更新', same: '不变' } as const;
const ACTION_CHIPS = { add: 'chip-ok', update: 'chip-warn', same: 'chip-muted' } as const;

export function ImportRows(props: { kind: ListKind; preview: Preview; errors: RowError[]; confirmed: readonly string[]; onConfirm: (key: string, on: boolean) => void }) {
  const { kind, preview, errors, confirmed, onConfirm } = props;
  const columns = IMPORT_COLUMNS[kind].filter((c) => preview.columns.includes(c.header));
  const errorsByRow = new Map<number, RowError[]>();
  for (const e of errors) if (e.row !== null) errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  const byRow = new Map(preview.rows.map((r) => [r.row, r]));
  const lines = [...new Set([...preview.rows.map((r) => r.row), ...errorsByRow.keys()])].sort((a, b) => a - b);
  if (lines.length === 0) return null;
  return (
    <div className="import-preview">
      <h3>预览（按文件中的行号）</h3>
      <div className="table-scroll">
        <table className="data-table compact" aria-label="导入预览">
          <thead>
            <tr>
              <th className="num">行</th>
              <th className="w-m">姓名</th>
              <th className="w-s">结果</th>
              <th>内容或变动</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const r = byRow.get(line);
              const errs = errorsByRow.get(line) ?? [];
              return (
                <tr key={line} className={errs.length ? 'row-error' : undefined} data-testid="import-row" data-action={r?.action ?? 'error'} data-name={r?.name ?? ''}>
                  <td className="num">{line}</td>
                  <td className="name">
                    {r?.name ?? '—'}
                    {r?.matchedInactive !== null && r?.matchedInactive !== undefined && (
                      <span className="chip chip-muted">{kind === 'members' ? `已于${r.matchedInactive}离任` : '已停用'}</span>
                    )}
                  </td>
                  <td>{r ? <span className={`chip ${ACTION_CHIPS[r.action]}`}>{ACTION_LABELS[r.action]}</span> : <span className="chip chip-error">有错误</span>}</td>
                  <td>
                    {errs.length > 0 && <span className="problems">{errs.map((e) => `${e.column ? `${e.column}：` : ''}${e.reason}`).join('；')}</span>}
                    {r?.action === 'add' && (
                      <span className="muted">
                        {columns
                          .filter((c) => c.field !== 'name' && r.fields[c.field] !== null && r.fields[c.field] !== '')
                          .map((c) => `${c.header}：${String(r.fields[c.field])}`)
                          .join('；')}
                      </span>
                    )}
                    {r && r.changes.length > 0 && (
                      <ul className="import-changes">
                        {r.changes.map((c) => (
                          <li key={c.key} data-testid="import-change" data-field={c.field}>
                            {c.header}：<del>{c.from || '（空）'}</del> → <ins>{c.to || '（空）'}</ins>
                            {c.needsConfirm && (
                              <label className="toggle">
                                <input type="checkbox" checked={confirmed.includes(c.key)} onChange={(e) => onConfirm(c.key, e.target.checked)} aria-label={`确认 第${line}行 ${c.header}`} />
                                {c.field === 'active' ? '确认恢复' : '确认清空'}
                              </label>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
