// The register's dialogs: register an earlier opinion, link a handling-report agenda item to an
// opinion, record the committee's decision on a handling report (where no assessment is held), and
// change a deadline.
import { useState, type ReactNode } from 'react';
import { call } from '../api';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { ErrorNote } from '../components/Notice';
import { useAction, useQuery, type Action } from '../console/useCommand';
import type { RegisterRow } from './RegisterPage';

function Footer({ action, onClose, label }: { action: Action; onClose: () => void; label: string }) {
  return (
    <>
      <ErrorNote error={action.error} />
      <button type="button" className="btn" onClick={onClose}>
        取消
      </button>
      <button type="submit" className="btn btn-primary" disabled={action.busy}>
        {label}
      </button>
    </>
  );
}

function Frame({ title, action, onClose, onSubmit, label, children }: { title: string; action: Action; onClose: () => void; onSubmit: () => void; label: string; children: ReactNode }) {
  return (
    <Dialog title={title} onClose={onClose} onSubmit={onSubmit} size="wide" footer={<Footer action={action} onClose={onClose} label={label} />}>
      {children}
    </Dialog>
  );
}

export function RegisterEarlierDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const action = useAction();
  const [f, setF] = useState({ reportTitle: '', addressee: '', docNumber: '', sentAt: '', deadline: '' });
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const submit = async () => {
    if (!f.sentAt) return action.fail('请填写交办日期');
    const r = await action.run(() => call('opinions.register', { ...f, deadline: f.deadline || undefined }));
    if (r) onDone();
  };
  return (
    <Frame title="登记既往审议意见" action={action} onClose={onClose} onSubmit={() => void submit()} label="登记">
      <p className="muted">在本系统使用之前交办、或在系统外起草的审议意见，登记后可关联其办理情况报告。</p>
      <div className="form-grid">
        <Field label="所审议的报告" span={3} required hint="如：区人民政府关于开发区建设情况的报告">
          {(c) => <input {...c} value={f.reportTitle} onChange={(e) => set({ reportTitle: e.target.value })} />}
        </Field>
        <Field label="主送" hint="不填则取报告单位">
          {(c) => <input {...c} value={f.addressee} onChange={(e) => set({ addressee: e.target.value })} />}
        </Field>
        <Field label="文号" hint="如：示人常审〔2026〕3号">
          {(c) => <input {...c} value={f.docNumber} onChange={(e) => set({ docNumber: e.target.value })} />}
        </Field>
        <Field label="交办日期" required>
          {(c) => <input {...c} type="date" value={f.sentAt} onChange={(e) => set({ sentAt: e.target.value })} />}
        </Field>
        <Field label="办理期限" hint="不填则按设置的月数计算">
          {(c) => <input {...c} type="date" value={f.deadline} onChange={(e) => set({ deadline: e.target.value })} />}
        </Field>
      </div>
    </Frame>
  );
}

export function LinkDialog({ row, onClose, onDone }: { row: RegisterRow; onClose: () => void; onDone: () => void }) {
  const action = useAction();
  const items = useQuery('opinions.handlingItems', {});
  const free = (items.data ?? []).filter((i) => i.opinionId === null && i.sessionStatus !== 'closed');
  const [itemId, setItemId] = useState('');
  const submit = async () => {
    if (!itemId) return action.fail('请选择办理情况报告');
    if (await action.run(() => call('opinions.linkHandling', { opinionId: row.id, itemId: Number(itemId) }))) onDone();
  };
  return (
    <Frame title="关联办理情况报告" action={action} onClose={onClose} onSubmit={() => void submit()} label="关联">
      <p>
        审议意见：<strong>{row.title}</strong>（{row.docNumber ?? '未编号'}）
      </p>
      <Field label="会议议程中的办理情况报告" required hint="在会议议程中添加“审议意见办理情况报告”类议程项后，可在此选择">
        {(c) => (
          <select {...c} value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value="">请选择…</option>
            {free.map((i) => (
              <option key={i.itemId} value={i.itemId}>
                {i.sessionTitle}：{i.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {items.data && free.length === 0 && <p className="muted">没有可关联的办理情况报告议程项。</p>}
    </Frame>
  );
}

export function DecideDialog({ row, itemId, onClose, onDone }: { row: RegisterRow; itemId: number; onClose: () => void; onDone: () => void }) {
  const action = useAction();
  const [outcome, setOutcome] = useState<'accepted' | 'report_again'>('accepted');
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState('');
  const submit = async () => {
    if (await action.run(() => call('opinions.decide', { itemId, outcome, note, deadline: outcome === 'report_again' && deadline ? deadline : undefined }))) onDone();
  };
  return (
    <Frame title="记录办理情况报告的结果" action={action} onClose={onClose} onSubmit={() => void submit()} label="记录">
      <p>
        {row.title}（{row.docNumber ?? '未编号'}）
      </p>
      <p className="muted">进行了满意度测评（或称职测评）的，测评结果会自动记入；未进行测评时，由会务人员按会议决定记录。</p>
      <div className="form-grid">
        <Field label="结果" required>
          {(c) => (
            <select {...c} value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
              <option value="accepted">常委会认可（办结）</option>
              <option value="report_again">需再次报告</option>
            </select>
          )}
        </Field>
        {outcome === 'report_again' && (
          <Field label="再次报告期限" hint="不填则按设置的月数计算">
            {(c) => <input {...c} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
          </Field>
        )}
        <Field label="说明" span={3} hint="如：主任会议决定">
          {(c) => <input {...c} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
    </Frame>
  );
}

export function DeadlineDialog({ row, onClose, onDone }: { row: RegisterRow; onClose: () => void; onDone: () => void }) {
  const action = useAction();
  const [deadline, setDeadline] = useState(row.deadline ?? '');
  const submit = async () => {
    if (await action.run(() => call('opinions.setDeadline', { id: row.id, deadline }))) onDone();
  };
  return (
    <Frame title="调整办理期限" action={action} onClose={onClose} onSubmit={() => void submit()} label="保存">
      <p>{row.title}</p>
      <Field label="办理期限" required>
        {(c) => <input {...c} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
      </Field>
    </Frame>
  );
}
