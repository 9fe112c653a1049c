// 述职人员履职档案: every official of the list for a year, with where they stand (pledge, mid-year
// review, 述职, assessment, follow-up); each record opens in a form (also straight from 述职人员, by
// #/console/assessments/officials/<year>/<officialId>); the year exports to XLSX.
import { useEffect, useState } from 'react';
import { call, downloadBase64, type CommandOutput } from '../../api';
import { ErrorNote, InfoNote, OkNote } from '../../components/Notice';
import { go } from '../../console/route';
import { useAction, useQuery } from '../../console/useCommand';
import { YearRecordForm } from './YearRecordForm';
import { NameOrderSelect, type NameOrder } from '../../console/people/NameOrderSelect';
import './assessment-console.css';

export type YearRecord = CommandOutput<'officialYears.list'>[number];

/** The 述职 year a record is usually looked for in: January–March look back on the year before. */
export function defaultRecordYear(now = new Date()): number {
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
}

export function YearRecordsPage({ year: given, officialId = null }: { year: number | null; officialId?: number | null }) {
  const year = given && Number.isInteger(given) ? given : defaultRecordYear();
  const q = useQuery('officialYears.list', { year });
  const action = useAction();
  const [editing, setEditing] = useState<YearRecord | null>(null);
  useEffect(() => {
    const r = officialId === null ? undefined : q.data?.find((x) => x.official.id === officialId);
    if (r) setEditing(r);
  }, [officialId, q.data]);
  const [notice, setNotice] = useState<string | null>(null);
  const [order, setOrder] = useState<NameOrder>('list');
  const rows = q.data ?? [];
  const exportXlsx = async () => {
    const f = await action.run(() => call('officialYears.exportXlsx', { year, order }));
    if (f) {
      downloadBase64(f.fileName, f.mime, f.base64);
      setNotice(`已导出：${f.fileName}`);
    }
  };
  const counts = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.standingLabel]: (acc[r.standingLabel] ?? 0) + 1 }), {});
  return (
    <div className="asc-years">
      <div className="toolbar">
        <label className="asc-picker">
          年度：
          <input type="number" min={2000} max={2200} value={year} onChange={(e) => e.target.value && go('assessments', 'officials', e.target.value)} aria-label="年度" data-testid="year-input" />
        </label>
        <button type="button" className="btn" onClick={() => void exportXlsx()} disabled={action.busy} data-testid="year-export">
          导出 XLSX
        </button>
        <NameOrderSelect value={order} onChange={setOrder} label="导出顺序" />
        <span className="muted">{Object.entries(counts).map(([k, n]) => `${k}${n}人`).join('，')}</span>
      </div>
      <ErrorNote error={q.error ?? action.error} />
      <OkNote>{notice}</OkNote>
      {q.data && rows.length === 0 && <InfoNote>还没有述职人员。请先在“述职人员”中录入或导入名单。</InfoNote>}
      <table className="data-table asc-year-table" aria-label={`${year}年度履职档案`} data-testid="year-records">
        <thead>
          <tr>
            <th>姓名</th>
            <th>单位及职务</th>
            <th>类别</th>
            <th>履职承诺</th>
            <th>中期评议</th>
            <th>述职</th>
            <th>测评结果</th>
            <th>整改落实</th>
            <th>进度</th>
            <th className="actions">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const res = r.assessment?.result ?? null;
            return (
              <tr key={r.official.id} data-testid="year-record-row" data-official={r.official.name} data-standing={r.standing}>
                <td className="name">{r.official.name}</td>
                <td>
                  {r.official.unit}
                  {r.official.post}
                </td>
                <td>{r.official.category}</td>
                <td>{r.pledgeText ? r.pledgeText.slice(0, 24) + (r.pledgeText.length > 24 ? '…' : '') : r.pledgeFile ? `文件：${r.pledgeFile.fileName}` : '—'}</td>
                <td>{r.midyearForms !== null ? `意见表${r.midyearForms}份${r.midyearTopShare ? `，优秀${r.midyearTopShare}` : ''}` : r.midyearNotes ? '已评议' : '—'}</td>
                <td>{r.report ? (/第[^第]+次会议$/.exec(r.report.sessionTitle)?.[0] ?? r.report.sessionTitle) : '—'}</td>
                <td data-testid="year-record-result">{res ? `${res.rate ?? '—'} ${res.grade} 第${res.rank}名` : r.assessment ? '测评中' : '—'}</td>
                <td>{r.followUp ? r.followUp.slice(0, 20) : res?.consequence ? <span className="chip chip-error">{res.consequence}</span> : '—'}</td>
                <td>
                  <span className={`chip asc-standing-${r.standing}`}>{r.standingLabel}</span>
                </td>
                <td className="actions">
                  <button type="button" className="btn btn-small" onClick={() => setEditing(r)} aria-label={`编辑 ${r.official.name} 的履职档案`}>
                    编辑
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing && (
        <YearRecordForm
          record={editing}
          onClose={() => {
            setEditing(null);
            if (officialId !== null) go('assessments', 'officials', year);
          }}
          onSaved={(name) => {
            setEditing(null);
            if (officialId !== null) go('assessments', 'officials', year);
            setNotice(`已保存 ${name} 的${year}年度履职档案`);
            q.reload();
          }}
        />
      )}
    </div>
  );
}
