// Create or edit a session's basic facts. 届次 defaults to the committee's term, 次 to the next
// number, 主持人 to the 主任, and 应到 to the members in office on the date — each explicit and editable.
import { useEffect, useState } from 'react';
import { call } from '../../api';
import { Dialog, SaveFooter } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { chineseNumeral, sessionTitle } from '../../../../src-main/domain/numerals';
import { useCommittee } from '../committeeContext';
import { parseIntField } from '../format';
import { fieldError, useAction, useQuery } from '../useCommand';
import { useDraft } from '../useDraft';
import type { Session } from './SessionsView';

interface SessionDraft {
  term: string;
  /** '' = the next number of the term. */
  number: string;
  date: string;
  startTime: string;
  place: string;
  /** null = the 主任 (until the user types). */
  chair: string | null;
  /** '' = the members in office on the date (until the user types). */
  expectedMembers: string;
  /** Why 应到 differs from the members in office (required then, printed on the session's documents). */
  expectedReason?: string;
}

export interface SessionFormProps {
  session?: Session;
  sessions: Session[];
  onClose: () => void;
  /** Called after a successful save; the caller closes the form. */
  onSaved: (s: Session) => void;
}

export function SessionForm({ session, sessions, onClose, onSaved }: SessionFormProps) {
  const { committee } = useCommittee();
  const members = useQuery('members.list', { includeInactive: false }).data ?? [];
  const draft = useDraft<SessionDraft>(`session.${session?.id ?? 'new'}`, () => ({
    term: String(session?.term ?? committee?.term ?? 1),
    number: session ? String(session.number) : '',
    date: session?.date ?? '',
    startTime: session?.startTime ?? '09:00',
    place: session?.place ?? '',
    chair: session ? session.chair : null,
    expectedMembers: session ? String(session.expectedMembers) : '',
    expectedReason: session?.expectedReason ?? '',
  }));
  const action = useAction();
  const d = draft.value;
  const set = <K extends keyof SessionDraft>(k: K, v: SessionDraft[K]) => draft.set((p) => ({ ...p, [k]: v }));

  const term = parseIntField(d.term);
  const nextNumber = sessions.filter((s) => s.term === term && s.id !== session?.id).reduce((max, s) => Math.max(max, s.number), 0) + 1;
  const number = d.number === '' ? String(nextNumber) : d.number;
  const director = members.find((m) => m.role === '主任')?.name ?? '';
  const chair = d.chair ?? director;

  const [inOffice, setInOffice] = useState<number | null>(null);
  useEffect(() => {
    setInOffice(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return;
    let live = true;
    void call('sessions.expectedMembers', { date: d.date }).then((r) => live && r.ok && setInOffice(r.value));
    return () => {
      live = false;
    };
  }, [d.date]);
  const expected = d.expectedMembers === '' ? (inOffice === null ? '' : String(inOffice)) : d.expectedMembers;
  // 应到 other than the members in office needs a stated reason (a vacancy, a roster not yet updated…).
  const differs = inOffice !== null && inOffice > 0 && expected !== '' && Number(expected) !== inOffice;

  const numberValue = parseIntField(number);
  const title = committee?.region && term && numberValue && term > 0 && numberValue > 0 ? sessionTitle(committee.region, term, numberValue) : '';

  const close = () => {
    if (draft.dirty && !window.confirm('放弃尚未保存的修改？')) return;
    draft.discard();
    onClose();
  };

  const save = async () => {
    if (term === null) return action.fail('届次：请填写整数，如 2');
    if (numberValue === null) return action.fail('会议次数：请填写整数，如 16');
    if (!d.date) return action.fail('日期：请选择会议日期');
    const exp = parseIntField(expected);
    if (exp === null) return action.fail('应到人数：请填写整数');
    if (differs && !(d.expectedReason ?? '').trim()) return action.fail(`应到人数与在任人数不同的原因：应到${exp}人，该日在任的组成人员${inOffice}人，请填写原因（如缺额）`);
    const fields = { term, number: numberValue, date: d.date, startTime: d.startTime, place: d.place, chair, expectedMembers: exp, expectedReason: differs ? (d.expectedReason ?? '').trim() : '' };
    const saved = await action.run(() => (session ? call('sessions.update', { id: session.id, ...fields }) : call('sessions.create', fields)));
    if (saved) {
      draft.discard();
      onSaved(saved);
    }
  };

  const err = action.error;
  return (
    <Dialog
      title={session ? '编辑会议基本信息' : '新建会议'}
      size="wide"
      onClose={close}
      onSubmit={save}
      footer={<SaveFooter error={err} busy={action.busy} dirty={draft.dirty} onCancel={close} saveLabel={session ? '保存' : '创建会议'} />}
    >
      <p className="title-preview" aria-live="polite">
        <span className="muted">会议名称：</span>
        <strong data-testid="session-title-preview">{title || '（填写届次和次数后生成）'}</strong>
      </p>
      <div className="form-grid cols-3">
        <Field label="届次" required error={fieldError(err, '届次')} hint={term ? `第${chineseNumeral(term)}届` : '如 2'}>
          {(p) => <input {...p} inputMode="numeric" value={d.term} onChange={(e) => set('term', e.target.value)} />}
        </Field>
        <Field label="会议次数" required error={fieldError(err, '会议次数', '已经存在')} hint={numberValue ? `第${chineseNumeral(numberValue)}次会议` : '如 16'}>
          {(p) => <input {...p} inputMode="numeric" value={number} onChange={(e) => set('number', e.target.value)} data-autofocus />}
        </Field>
        <Field label="主持人" error={fieldError(err, '主持人')} hint={director && d.chair === null ? '默认为主任' : undefined}>
          {(p) => (
            <>
              <input {...p} list="chair-options" value={chair} onChange={(e) => set('chair', e.target.value)} maxLength={50} />
              <datalist id="chair-options">
                {members
                  .filter((m) => m.role !== '委员')
                  .map((m) => (
                    <option key={m.id} value={m.name}>
                      {m.role}
                    </option>
                  ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="日期" required error={fieldError(err, '日期')}>
          {(p) => <input {...p} type="date" value={d.date} onChange={(e) => set('date', e.target.value)} />}
        </Field>
        <Field label="开始时间" error={fieldError(err, '开始时间', '时间格式')}>
          {(p) => <input {...p} type="time" value={d.startTime} onChange={(e) => set('startTime', e.target.value)} />}
        </Field>
        <Field label="地点" error={fieldError(err, '地点')}>
          {(p) => <input {...p} value={d.place} onChange={(e) => set('place', e.target.value)} placeholder="如：区人大常委会会议室" maxLength={100} />}
        </Field>
        <Field
          label="应到人数"
          required
          error={fieldError(err, '应到人数')}
          span={3}
          hint={
            <>
              {inOffice !== null && <>按该日在任的组成人员计为 {inOffice} 人{d.expectedMembers !== '' && Number(d.expectedMembers) !== inOffice ? '（已手动修改）' : ''}。</>}
              会议开始时冻结，此后人员变动不再改变本次会议的应到人数。
            </>
          }
        >
          {(p) => (
            <div className="input-with-action">
              <input {...p} inputMode="numeric" value={expected} onChange={(e) => set('expectedMembers', e.target.value)} />
              {inOffice !== null && d.expectedMembers !== '' && Number(d.expectedMembers) !== inOffice && (
                <button type="button" className="btn btn-small" onClick={() => set('expectedMembers', '')}>
                  采用 {inOffice} 人
                </button>
              )}
            </div>
          )}
        </Field>
        {differs && (
          <Field label="应到人数与在任人数不同的原因" required span={3} error={fieldError(err, '原因')} hint="将印在签到表、表决结果和会议记录上，例如：委员张某某已辞职，缺额1人">
            {(p) => <input {...p} value={d.expectedReason ?? ''} onChange={(e) => set('expectedReason', e.target.value)} maxLength={200} data-testid="expected-reason" />}
          </Field>
        )}
      </div>
    </Dialog>
  );
}
