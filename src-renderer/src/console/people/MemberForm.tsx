// Add or edit one member (组成人员) in a dialog; the typed values are kept as a draft until saved.
import { call } from '../../api';
import { Dialog, SaveFooter } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { GENDERS, MEMBER_ROLES, type Gender, type MemberRole } from '../../../../src-main/domain/people';
import { parseIntField } from '../format';
import { fieldError, useAction } from '../useCommand';
import { useDraft } from '../useDraft';
import type { Member } from './MembersView';

interface MemberDraft {
  sort: string;
  name: string;
  gender: Gender;
  role: MemberRole;
  seat: string;
  inOfficeFrom: string;
  inOfficeTo: string;
  note: string;
}

const toDraft = (m: Member | undefined, nextSort: number): MemberDraft => ({
  sort: String(m?.sort ?? nextSort),
  name: m?.name ?? '',
  gender: m?.gender ?? '',
  role: m?.role ?? '委员',
  seat: m?.seat == null ? '' : String(m.seat),
  inOfficeFrom: m?.inOfficeFrom ?? '',
  inOfficeTo: m?.inOfficeTo ?? '',
  note: m?.note ?? '',
});

export interface MemberFormProps {
  member?: Member;
  nextSort: number;
  onClose: () => void;
  /** Called after a successful save; the caller closes the form. */
  onSaved: (m: Member) => void;
}

export function MemberForm({ member, nextSort, onClose, onSaved }: MemberFormProps) {
  const draft = useDraft(`member.${member?.id ?? 'new'}`, () => toDraft(member, nextSort));
  const action = useAction();
  const d = draft.value;
  const set = <K extends keyof MemberDraft>(k: K, v: MemberDraft[K]) => draft.set((p) => ({ ...p, [k]: v }));

  const close = () => {
    if (draft.dirty && !window.confirm('放弃尚未保存的修改？')) return;
    draft.discard();
    onClose();
  };

  const save = async () => {
    const sort = parseIntField(d.sort);
    if (sort === null) return action.fail('序号：请填写整数');
    const seat = d.seat.trim() === '' ? null : parseIntField(d.seat);
    if (seat === null && d.seat.trim() !== '') return action.fail('座位号：请填写正整数，或留空');
    const fields = {
      sort,
      name: d.name,
      gender: d.gender,
      role: d.role,
      seat,
      inOfficeFrom: d.inOfficeFrom || null,
      inOfficeTo: d.inOfficeTo || null,
      note: d.note,
    };
    const saved = await action.run(() => (member ? call('members.update', { id: member.id, ...fields }) : call('members.create', fields)));
    if (saved) {
      draft.discard();
      onSaved(saved);
    }
  };

  const err = action.error;
  return (
    <Dialog
      title={member ? `编辑组成人员：${member.name}` : '新增组成人员'}
      onClose={close}
      onSubmit={save}
      footer={<SaveFooter error={err} busy={action.busy} dirty={draft.dirty} onCancel={close} />}
    >
      <div className="form-grid">
        <Field label="姓名" required error={fieldError(err, '姓名')}>
          {(p) => <input {...p} value={d.name} onChange={(e) => set('name', e.target.value)} data-autofocus maxLength={50} />}
        </Field>
        <Field label="职务" required error={fieldError(err, '职务')}>
          {(p) => (
            <select {...p} value={d.role} onChange={(e) => set('role', e.target.value as MemberRole)}>
              {MEMBER_ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="性别">
          {(p) => (
            <select {...p} value={d.gender} onChange={(e) => set('gender', e.target.value as Gender)}>
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {g || '（未填）'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="序号" required error={fieldError(err, '序号')} hint="名单中的排列顺序">
          {(p) => <input {...p} inputMode="numeric" value={d.sort} onChange={(e) => set('sort', e.target.value)} />}
        </Field>
        <Field label="座位号" error={fieldError(err, '座位号')} hint="可留空；在任人员的座位号不能重复">
          {(p) => <input {...p} inputMode="numeric" value={d.seat} onChange={(e) => set('seat', e.target.value)} />}
        </Field>
        <div />
        <Field label="任职起始日期" error={fieldError(err, 'inOfficeFrom')}>
          {(p) => <input {...p} type="date" value={d.inOfficeFrom} onChange={(e) => set('inOfficeFrom', e.target.value)} />}
        </Field>
        <Field label="离任日期" error={fieldError(err, 'inOfficeTo')} hint="在任请留空；离任也可用名单上的“离任”按钮">
          {(p) => <input {...p} type="date" value={d.inOfficeTo} onChange={(e) => set('inOfficeTo', e.target.value)} />}
        </Field>
        <Field label="备注" span={2}>
          {(p) => <input {...p} value={d.note} onChange={(e) => set('note', e.target.value)} maxLength={200} />}
        </Field>
      </div>
    </Dialog>
  );
}
