// Recording a spoken remark (口头发言) with its speaker — a member (their group is taken by default)
// or someone who is not a member — or correcting a remark.
import { useState } from 'react';
import { call, type CommandOutput } from '../api';
import { Dialog, SaveFooter } from '../components/Dialog';
import { Field } from '../components/Field';
import { useAction } from '../console/useCommand';
import type { ItemRemarks, Remark } from './RemarksPage';

type Group = CommandOutput<'remarks.list'>['groups'][number];
type Member = CommandOutput<'members.list'>[number];

export function RemarkDialog(props: { item: ItemRemarks | null; remark: Remark | null; groups: Group[]; members: Member[]; onClose: () => void; onSaved: () => void }) {
  const { item, remark, groups, members, onClose, onSaved } = props;
  const action = useAction();
  const [memberId, setMemberId] = useState<string>(remark ? (remark.memberId === null ? 'other' : String(remark.memberId)) : '');
  const [speaker, setSpeaker] = useState(remark && remark.memberId === null ? remark.speaker : '');
  const [groupId, setGroupId] = useState<string>(remark ? (remark.groupId === null ? 'plenary' : String(remark.groupId)) : 'auto');
  const [text, setText] = useState(remark?.text ?? '');
  const dirty = text !== (remark?.text ?? '');

  const save = async () => {
    if (!memberId) return action.fail('请选择发言人');
    const member = memberId === 'other' ? null : Number(memberId);
    const group = groupId === 'auto' ? undefined : groupId === 'plenary' ? null : Number(groupId);
    const ok = remark
      ? await action.run(() => call('remarks.update', { id: remark.id, text, memberId: member, speaker: member === null ? speaker : undefined, groupId: group }))
      : await action.run(() => call('remarks.add', { itemId: item!.itemId, memberId: member, speaker: member === null ? speaker : undefined, groupId: group, mode: 'spoken', text }));
    if (ok) onSaved();
  };

  return (
    <Dialog title={remark ? '修改发言' : '记录口头发言'} onClose={onClose} onSubmit={() => void save()} size="wide" footer={<SaveFooter error={action.error} busy={action.busy} dirty={dirty} onCancel={onClose} />}>
      {item && <p className="muted">{item.title}</p>}
      <div className="form-grid">
        <Field label="发言人" required>
          {(c) => (
            <select {...c} value={memberId} onChange={(e) => setMemberId(e.target.value)}>
              <option value="">请选择…</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}（{m.role}）
                </option>
              ))}
              <option value="other">其他人员（非组成人员）</option>
            </select>
          )}
        </Field>
        {memberId === 'other' && (
          <Field label="发言人姓名或职务" required>
            {(c) => <input {...c} value={speaker} maxLength={50} onChange={(e) => setSpeaker(e.target.value)} placeholder="如：区医疗保障局局长" />}
          </Field>
        )}
        <Field label="审议组" hint="默认按发言人所在的组">
          {(c) => (
            <select {...c} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              <option value="auto">按发言人所在组</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
              <option value="plenary">全体会议 / 联组审议</option>
            </select>
          )}
        </Field>
        <Field label="发言内容" span={3} required>
          {(c) => <textarea {...c} rows={8} value={text} maxLength={5000} onChange={(e) => setText(e.target.value)} />}
        </Field>
      </div>
    </Dialog>
  );
}
