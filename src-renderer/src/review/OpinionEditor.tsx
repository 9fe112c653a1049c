// The 审议意见书 editor: 主送, title, opening, the body (headings numbered 一、（一）1. automatically),
// the handling request with its months, 发文字号 (the next of the year, or a number set by hand), date,
// issuer, 抄送 — beside the item's remarks, picked into 存在的问题 or 意见和建议 in the office's third
// person. 编号, 交办, print and export. A sent opinion is read-only.
import { useEffect, useState } from 'react';
import { call, type CommandOutput } from '../api';
import { ConfirmDialog, Dialog, SaveFooter } from '../components/Dialog';
import { Field } from '../components/Field';
import { ErrorNote, OkNote } from '../components/Notice';
import { go, linkTo } from '../console/route';
import { useAction, useQuery } from '../console/useCommand';
import type { OpinionSection } from '../../../src-main/domain/remark-style';
import { localToday } from '../../../src-main/domain/review';
import { BlockEditor } from './BlockEditor';
import { DocumentButtons } from './DocumentButtons';
import { DocNumberField } from './DocNumberField';
import { pickInto, RemarkPicker } from './RemarkPicker';

type Opinion = CommandOutput<'opinions.get'>['opinion'];
type Fields = Opinion;


export function OpinionEditor({ id, backTo }: { id: number; backTo: (string | number)[] }) {
  const q = useQuery('opinions.get', { id });
  const action = useAction();
  const [form, setForm] = useState<Fields | null>(null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [seq, setSeq] = useState('');
  useEffect(() => {
    if (q.data && !dirty) setForm(q.data.opinion);
  }, [q.data]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!form || !q.data) return <ErrorNote error={q.error} />;
  const locked = form.status !== 'draft';
  const set = (patch: Partial<Fields>) => {
    setForm({ ...form, ...patch });
    setDirty(true);
    setSaved(null);
  };
  const setMonths = (months: number) => set({ deadlineMonths: months, handlingRequest: form.handlingRequest.replace(/请于\d+个月内/, `请于${months}个月内`) });

  const persist = async (): Promise<Opinion | undefined> => {
    if (locked || !dirty) return form;
    const o = await action.run(() =>
      call('opinions.update', {
        id,
        title: form.title,
        reportTitle: form.reportTitle,
        addressee: form.addressee,
        opening: form.opening,
        body: form.body,
        handlingRequest: form.handlingRequest,
        deadlineMonths: form.deadlineMonths,
        docPrefix: form.docPrefix,
        docDate: form.docDate,
        issuer: form.issuer,
        cc: form.cc,
        printedBy: form.printedBy,
      }),
    );
    if (o) {
      setForm(o);
      setDirty(false);
      q.set({ ...q.data!, opinion: o });
    }
    return o;
  };
  const after = (o: Opinion | undefined, message: string) => {
    if (!o) return;
    setForm(o);
    setDirty(false);
    setSaved(message);
    q.reload();
  };
  const save = async () => {
    const o = await persist();
    if (o) setSaved('已保存');
  };
  const number = async () => {
    if (!(await persist())) return;
    const wanted = seq.trim() === '' ? undefined : Number(seq);
    if (wanted !== undefined && !(Number.isInteger(wanted) && wanted > 0)) return action.fail('文号序号应为正整数');
    const o = await action.run(() => call('opinions.assignNumber', { id, seq: wanted }));
    if (o) setSeq('');
    after(o, '已编号');
  };
  const reopen = async () => after(await action.run(() => call('opinions.reopen', { id })), '已退回草拟');
  const produce = async (format: 'pdf' | 'docx') => {
    if (!(await persist())) return undefined;
    return action.run(() => call('opinions.document', { id, format }));
  };
  const pick = (text: string, section: OpinionSection) => {
    const r = pickInto(form.body, text, section);
    set({ body: r.body });
    setSelected(r.at);
  };

  return (
    <section className="rv rv-editor" aria-labelledby="rv-editor-title">
      <p className="breadcrumb">
        <a href={linkTo(...backTo)}>审议意见</a> › {form.sessionTitle}
      </p>
      <div className="session-head">
        <h1 id="rv-editor-title">{form.title.replace(/\n/g, '')}</h1>
        <span className={`chip rv-status-${form.status}`}>{form.statusLabel}</span>
        <span className="rv-docnumber" data-testid="doc-number">
          {form.docNumber ?? '未编号'}
        </span>
      </div>
      <div className="toolbar">
        {!locked && (
          <>
            <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={action.busy || !dirty}>
              保存
            </button>
            <button type="button" className="btn" onClick={() => void number()} disabled={action.busy}>
              {form.docNumber ? '重新确认文号' : '编号'}
            </button>
            <button type="button" className="btn" onClick={() => setSending(true)} disabled={action.busy}>
              交办
            </button>
          </>
        )}
        {form.status === 'sent' && (
          <button type="button" className="btn btn-quiet" onClick={() => void reopen()} disabled={action.busy}>
            退回草拟
          </button>
        )}
        <DocumentButtons label="审议意见书" produce={produce} disabled={action.busy} />
        {!locked && (
          <button type="button" className="btn btn-quiet danger" onClick={() => setDeleting(true)}>
            删除草稿
          </button>
        )}
      </div>
      <ErrorNote error={action.error} />
      <OkNote>{saved}</OkNote>
      {locked && (
        <p className="note note-info">
          已于{form.sentAt}交办，办理期限{form.deadline}。办理情况见<a href={linkTo('register')}>意见台账</a>。
        </p>
      )}
      <div className="rv-editor-grid">
        <div className="rv-editor-main">
          <div className="form-grid">
            <Field label="主送" hint="如：区人民政府">
              {(c) => <input {...c} value={form.addressee} readOnly={locked} onChange={(e) => set({ addressee: e.target.value })} />}
            </Field>
            <Field label="所审议的报告" span={2}>
              {(c) => <input {...c} value={form.reportTitle} readOnly={locked} onChange={(e) => set({ reportTitle: e.target.value })} />}
            </Field>
            <Field label="标题" span={3} hint="换行处即标题的分行">
              {(c) => <textarea {...c} rows={2} value={form.title} readOnly={locked} onChange={(e) => set({ title: e.target.value })} />}
            </Field>
            <Field label="开头" span={3}>
              {(c) => <textarea {...c} rows={3} value={form.opening} readOnly={locked} onChange={(e) => set({ opening: e.target.value })} />}
            </Field>
          </div>
          <h2 className="rv-h2">正文</h2>
          <BlockEditor blocks={form.body} readOnly={locked} selected={selected} onSelect={setSelected} onChange={(body) => set({ body })} />
          <div className="form-grid">
            <Field label="办理期限（月）">
              {(c) => <input {...c} type="number" min={1} max={24} value={form.deadlineMonths} readOnly={locked} onChange={(e) => setMonths(Number(e.target.value) || 1)} />}
            </Field>
            <Field label="办理要求" span={2}>
              {(c) => <textarea {...c} rows={2} value={form.handlingRequest} readOnly={locked} onChange={(e) => set({ handlingRequest: e.target.value })} />}
            </Field>
            <Field label="发文机关代字" hint="文号如“示人常审〔2026〕12号”，按年度顺序编号">
              {(c) => <input {...c} value={form.docPrefix} readOnly={locked} onChange={(e) => set({ docPrefix: e.target.value })} />}
            </Field>
            <DocNumberField key={form.docNumber ?? 'none'} prefix={form.docPrefix} year={form.docDate ? Number(form.docDate.slice(0, 4)) : (form.docYear ?? Number(localToday().slice(0, 4)))} seq={seq} onSeq={setSeq} locked={locked} />
            <Field label="成文日期">
              {(c) => <input {...c} type="date" value={form.docDate ?? ''} readOnly={locked} onChange={(e) => set({ docDate: e.target.value || null })} />}
            </Field>
            <Field label="署名">
              {(c) => <input {...c} value={form.issuer} readOnly={locked} onChange={(e) => set({ issuer: e.target.value })} />}
            </Field>
            <Field label="抄送" span={2} hint="多个单位用顿号或逗号分隔">
              {(c) => <input {...c} value={form.cc} readOnly={locked} onChange={(e) => set({ cc: e.target.value })} />}
            </Field>
            <Field label="印发机关">
              {(c) => <input {...c} value={form.printedBy} readOnly={locked} onChange={(e) => set({ printedBy: e.target.value })} />}
            </Field>
          </div>
        </div>
        <RemarkPicker remarks={q.data.remarks} locked={locked} onPick={pick} />
      </div>
      {sending && <SendDialog id={id} onClose={() => setSending(false)} before={persist} onSent={(o) => (setSending(false), after(o, '已交办'))} />}
      {deleting && (
        <ConfirmDialog
          title="删除草稿"
          confirmLabel="删除"
          danger
          busy={action.busy}
          error={action.error}
          onClose={() => setDeleting(false)}
          onConfirm={() => void action.run(() => call('opinions.delete', { id })).then((r) => r && go(...backTo))}
        >
          <p>删除这份审议意见草稿？</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** 交办: the date it is sent (the deadline follows from the months unless set). */
function SendDialog({ id, onClose, before, onSent }: { id: number; onClose: () => void; before: () => Promise<Opinion | undefined>; onSent: (o: Opinion) => void }) {
  const action = useAction();
  const [sentAt, setSentAt] = useState(localToday());
  const [deadline, setDeadline] = useState('');
  const send = async () => {
    if (!(await before())) return;
    const o = await action.run(() => call('opinions.send', { id, sentAt, deadline: deadline || undefined }));
    if (o) onSent(o);
  };
  return (
    <Dialog
      title="交办审议意见"
      onClose={onClose}
      onSubmit={() => void send()}
      footer={<SaveFooter error={action.error} busy={action.busy} dirty={false} onCancel={onClose} saveLabel="交办" />}
    >
      <p className="muted">交办后审议意见不能再修改，尚未编号的将按年度顺序编号。</p>
      <div className="form-grid">
        <Field label="交办日期" required>
          {(c) => <input {...c} type="date" value={sentAt} onChange={(e) => setSentAt(e.target.value)} />}
        </Field>
        <Field label="办理期限" hint="不填则按交办日期加办理月数计算">
          {(c) => <input {...c} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
        </Field>
      </div>
    </Dialog>
  );
}
