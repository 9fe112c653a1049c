// One official's year record: the pledge (text, and a document if there is one), the mid-year review
// (notes and opinion-form tallies), and the follow-up. The 述职 and assessment parts come from the
// session and are shown, not edited.
import { useState } from 'react';
import { call, downloadBase64, fileToBase64 } from '../../api';
import { Dialog, SaveFooter } from '../../components/Dialog';
import { useAction } from '../../console/useCommand';
import type { YearRecord } from './YearRecordsPage';

const LEVELS = ['优秀', '称职', '基本称职', '不称职'];
const numOrNull = (v: string) => (v.trim() === '' ? null : Math.max(0, Math.floor(Number(v)) || 0));

export function YearRecordForm({ record, onClose, onSaved }: { record: YearRecord; onClose: () => void; onSaved: (name: string) => void }) {
  const action = useAction();
  const [pledgeText, setPledgeText] = useState(record.pledgeText);
  const [pledgeDate, setPledgeDate] = useState(record.pledgeDate ?? '');
  const [midyearDate, setMidyearDate] = useState(record.midyearDate ?? '');
  const [midyearNotes, setMidyearNotes] = useState(record.midyearNotes);
  const [forms, setForms] = useState(record.midyearForms === null ? '' : String(record.midyearForms));
  const [levels, setLevels] = useState<string[]>(LEVELS.map((_, i) => (record.midyearLevels ? String(record.midyearLevels[i] ?? '') : '')));
  const [followUp, setFollowUp] = useState(record.followUp);
  const [followUpDate, setFollowUpDate] = useState(record.followUpDate ?? '');
  const [file, setFile] = useState<File | null>(null);
  const o = record.official;
  const res = record.assessment?.result ?? null;

  const save = async () => {
    const anyLevel = levels.some((l) => l.trim() !== '');
    const r = await action.run(async () => {
      if (file) {
        const up = await call('officialYears.attachPledge', { officialId: o.id, year: record.year, fileName: file.name, mime: file.type || 'application/octet-stream', data: await fileToBase64(file) });
        if (!up.ok) return up;
      }
      return call('officialYears.save', {
        officialId: o.id,
        year: record.year,
        pledgeText,
        pledgeDate: pledgeDate || null,
        midyearDate: midyearDate || null,
        midyearNotes,
        midyearForms: numOrNull(forms),
        midyearLevels: anyLevel ? levels.map((l) => numOrNull(l) ?? 0) : null,
        followUp,
        followUpDate: followUpDate || null,
      });
    });
    if (r) onSaved(o.name);
  };
  const download = async () => {
    const f = await action.run(() => call('officialYears.pledge', { officialId: o.id, year: record.year }));
    if (f) downloadBase64(f.fileName, f.mime, f.base64);
  };

  return (
    <Dialog
      title={`${o.name}（${o.unit}${o.post}）${record.year}年度履职档案`}
      size="wide"
      onClose={onClose}
      onSubmit={() => void save()}
      footer={<SaveFooter error={action.error} busy={action.busy} dirty={false} onCancel={onClose} saveLabel="保存" />}
    >
      <div className="form-grid asc-year-form">
        <fieldset className="span-3">
          <legend>一、履职承诺</legend>
          <label>
            承诺日期 <input type="date" value={pledgeDate} onChange={(e) => setPledgeDate(e.target.value)} />
          </label>
          <textarea rows={4} value={pledgeText} onChange={(e) => setPledgeText(e.target.value)} aria-label="履职承诺内容" placeholder="履职承诺内容（或上传承诺书）" />
          <label>
            承诺书文件 <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          {record.pledgeFile && (
            <button type="button" className="btn btn-link" onClick={() => void download()}>
              下载已上传的 {record.pledgeFile.fileName}
            </button>
          )}
        </fieldset>
        <fieldset className="span-3">
          <legend>二、中期调研评议</legend>
          <label>
            评议日期 <input type="date" value={midyearDate} onChange={(e) => setMidyearDate(e.target.value)} />
          </label>
          <textarea rows={3} value={midyearNotes} onChange={(e) => setMidyearNotes(e.target.value)} aria-label="中期评议情况" placeholder="调研评议情况、主要意见" />
          <div className="asc-tallies">
            <label>
              收回意见表（份） <input type="number" min={0} value={forms} onChange={(e) => setForms(e.target.value)} aria-label="收回意见表" />
            </label>
            {LEVELS.map((l, i) => (
              <label key={l}>
                评为{l} <input type="number" min={0} value={levels[i]} onChange={(e) => setLevels(levels.map((x, j) => (j === i ? e.target.value : x)))} aria-label={`评为${l}`} />
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="span-3">
          <legend>三、述职与测评</legend>
          <p>{record.report ? `${record.report.sessionTitle}（${record.report.sessionDate}）${record.report.itemTitle ? `：${record.report.itemTitle}` : ''}` : '尚未述职。'}</p>
          <p>{res ? `${record.assessment!.rateLabel}${res.rate ?? '—'}，测评结果：${res.grade}，第${res.rank}名（共${record.assessment!.subjects}人）${res.consequence ? `；${res.consequence}` : ''}` : record.assessment ? '测评尚未结束。' : '尚未测评。'}</p>
        </fieldset>
        <fieldset className="span-3">
          <legend>四、整改落实与反馈</legend>
          <label>
            反馈日期 <input type="date" value={followUpDate} onChange={(e) => setFollowUpDate(e.target.value)} />
          </label>
          <textarea rows={3} value={followUp} onChange={(e) => setFollowUp(e.target.value)} aria-label="整改落实情况" placeholder="测评结果反馈、整改落实情况" />
        </fieldset>
      </div>
    </Dialog>
  );
}
