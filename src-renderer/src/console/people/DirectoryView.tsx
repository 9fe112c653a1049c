// 列席人员 / 述职人员: a simple list each, with add/edit, 停用/恢复, import and export.
import { useCallback, useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNote, OkNote } from '../../components/Notice';
import { defaultRecordYear } from '../../assessment/console/YearRecordsPage';
import { go, linkTo, routeId } from '../route';
import { useAction, type Failure } from '../useCommand';
import { DIRECTORY_LABELS, listDirectory, setDirectoryActive, type DirectoryEntry, type DirectoryKind } from './directoryApi';
import { DirectoryForm } from './DirectoryForm';
import { ExportButton } from './ExportButton';
import { ImportDialog } from './ImportDialog';

export function DirectoryView({ kind, route }: { kind: DirectoryKind; route: string[] }) {
  const labels = DIRECTORY_LABELS[kind];
  const [entries, setEntries] = useState<DirectoryEntry[] | null>(null);
  const [loadError, setLoadError] = useState<Failure | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [importing, setImporting] = useState(false);
  const [toggling, setToggling] = useState<DirectoryEntry | null>(null);
  const [message, setMessage] = useState('');

  const reload = useCallback(async () => {
    const r = await listDirectory(kind);
    if (r.ok) {
      setEntries(r.value);
      setLoadError(null);
    } else setLoadError(r.error);
  }, [kind]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const all = entries ?? [];
  const active = all.filter((e) => e.active);
  const inactive = all.filter((e) => !e.active);
  const shown = showInactive ? [...active, ...inactive] : active;
  const editId = routeId(route[0]);
  const editing = editId === null ? undefined : all.find((e) => e.id === editId);
  const nextSort = all.reduce((max, e) => Math.max(max, e.sort), 0) + 1;
  const categories = [...new Set(all.map((e) => e.category).filter(Boolean))];
  const saved = (text: string, closeForm = false) => {
    setMessage(text);
    void reload();
    if (closeForm) go(kind);
  };

  return (
    <section aria-labelledby="directory-title">
      <div className="page-head">
        <h1 id="directory-title">{labels.title}</h1>
        <p className="page-sub">
          {labels.intro} 当前 <strong>{active.length}</strong> 人{inactive.length > 0 && `，已停用 ${inactive.length} 人`}。
        </p>
      </div>
      <div className="toolbar">
        <button type="button" className="btn btn-primary" onClick={() => go(kind, 'new')}>
          新增{labels.noun}
        </button>
        <button type="button" className="btn" onClick={() => setImporting(true)}>
          导入…
        </button>
        <ExportButton kind={kind} />
        <label className="toggle">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          显示已停用人员（{inactive.length}）
        </label>
      </div>
      <OkNote>{message}</OkNote>
      <ErrorNote error={loadError} />
      <table className="data-table" aria-label={`${labels.title}名单`}>
        <thead>
          <tr>
            <th className="num">序号</th>
            <th>姓名</th>
            <th>单位</th>
            <th>职务</th>
            {kind === 'officials' && <th>类别</th>}
            <th className="actions">操作</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.id} className={e.active ? undefined : 'row-inactive'}>
              <td className="num">{e.sort}</td>
              <td className="name">
                {e.name}
                {!e.active && <span className="chip chip-muted">已停用</span>}
              </td>
              <td>{e.unit}</td>
              <td>{e.post}</td>
              {kind === 'officials' && <td>{e.category}</td>}
              <td className="actions">
                <button type="button" className="btn btn-small" onClick={() => go(kind, e.id)} aria-label={`编辑 ${e.name}`}>
                  编辑
                </button>
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setToggling(e)} aria-label={`${e.active ? '停用' : '恢复'} ${e.name}`}>
                  {e.active ? '停用' : '恢复'}
                </button>
                {kind === 'officials' && (
                  <a className="btn btn-small btn-quiet" href={linkTo('assessments', 'officials', defaultRecordYear(), e.id)} aria-label={`${e.name} 的履职档案`}>
                    履职档案
                  </a>
                )}
              </td>
            </tr>
          ))}
          {entries !== null && shown.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                还没有{labels.noun}。可以逐个新增，或从 Excel/CSV 名单导入。
              </td>
            </tr>
          )}
        </tbody>
      </table>

      {route[0] === 'new' && entries !== null && (
        <DirectoryForm kind={kind} nextSort={nextSort} categories={categories} onClose={() => go(kind)} onSaved={(e) => saved(`已新增 ${e.name}`, true)} />
      )}
      {editing && (
        <DirectoryForm kind={kind} entry={editing} nextSort={nextSort} categories={categories} onClose={() => go(kind)} onSaved={(e) => saved(`已保存 ${e.name}`, true)} />
      )}
      {importing && <ImportDialog kind={kind} onClose={() => setImporting(false)} onImported={saved} />}
      {toggling && <ToggleDialog kind={kind} entry={toggling} onClose={() => setToggling(null)} onDone={saved} />}
    </section>
  );
}

function ToggleDialog({ kind, entry, onClose, onDone }: { kind: DirectoryKind; entry: DirectoryEntry; onClose: () => void; onDone: (t: string) => void }) {
  const action = useAction();
  const verb = entry.active ? '停用' : '恢复';
  const confirm = async () => {
    const r = await action.run(() => setDirectoryActive(kind, entry.id, !entry.active));
    if (r) {
      onDone(`已${verb} ${r.name}`);
      onClose();
    }
  };
  return (
    <ConfirmDialog title={`${verb}${DIRECTORY_LABELS[kind].noun}：${entry.name}`} confirmLabel={`确认${verb}`} danger={entry.active} busy={action.busy} error={action.error} onConfirm={confirm} onClose={onClose}>
      <p>
        {entry.active
          ? `停用后，${entry.name}（${entry.unit}${entry.post}）不再出现在新会议的选择列表中；已有会议中的记录保留。`
          : `恢复后，${entry.name} 重新出现在选择列表中。`}
      </p>
    </ConfirmDialog>
  );
}
