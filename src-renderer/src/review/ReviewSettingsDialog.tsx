// 文书设置: the defaults new review opinions start from — 机关代字 of the 发文字号 ("示人常审"), 署名,
// 印发机关 and the usual 抄送 list. Each opinion can still change them in its own form.
import { useEffect, useState } from 'react';
import { call } from '../api';
import { Dialog, SaveFooter } from '../components/Dialog';
import { Field } from '../components/Field';
import { useAction, useQuery } from '../console/useCommand';

export function ReviewSettingsDialog({ onClose }: { onClose: () => void }) {
  const q = useQuery('reviewSettings.get', {});
  const action = useAction();
  const [f, setF] = useState({ docPrefix: '', issuer: '', printedBy: '', cc: '' });
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (q.data) setF(q.data);
  }, [q.data]);
  const set = (patch: Partial<typeof f>) => {
    setF({ ...f, ...patch });
    setDirty(true);
  };
  const save = async () => {
    if (await action.run(() => call('reviewSettings.update', f))) onClose();
  };
  return (
    <Dialog title="审议意见文书设置" onClose={onClose} onSubmit={() => void save()} size="wide" footer={<SaveFooter error={action.error ?? q.error} busy={action.busy} dirty={dirty} onCancel={onClose} />}>
      <p className="muted">新起草的审议意见使用这些设置；已起草的可在各自的表单中修改。办理期限的月数在“设置”的议事规则中。</p>
      <div className="form-grid">
        <Field label="发文机关代字" hint="文号如“示人常审〔2026〕12号”，每年从1号起按顺序编号">
          {(c) => <input {...c} value={f.docPrefix} maxLength={20} onChange={(e) => set({ docPrefix: e.target.value })} />}
        </Field>
        <Field label="署名（发文机关）">
          {(c) => <input {...c} value={f.issuer} maxLength={60} onChange={(e) => set({ issuer: e.target.value })} />}
        </Field>
        <Field label="印发机关">
          {(c) => <input {...c} value={f.printedBy} maxLength={60} onChange={(e) => set({ printedBy: e.target.value })} />}
        </Field>
        <Field label="抄送" span={3} hint="多个单位用顿号或逗号分隔">
          {(c) => <input {...c} value={f.cc} maxLength={500} onChange={(e) => set({ cc: e.target.value })} />}
        </Field>
      </div>
    </Dialog>
  );
}
