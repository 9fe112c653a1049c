// What each kind of agenda item carries: persons to appoint or remove (人事任免), subjects of a
// satisfaction assessment (picked from 述职人员 or typed), candidates of a project ballot (票决).
import { useId, useState } from 'react';
import { Field } from '../../components/Field';
import { APPOINTMENT_ACTIONS, APPOINTMENT_ACTION_LABELS, type AppointmentAction, type AppointmentMode } from '../../../../src-main/domain/agenda';
import { call } from '../../api';
import { useAction, useQuery } from '../useCommand';

export interface Person {
  /** Stable id given by the server; kept on save so the ballots cast for this person stay theirs. */
  id?: string;
  name: string;
  action: AppointmentAction;
  post: string;
  /** 分组表决: persons with the same group number share one ballot; none: voted alone. */
  group?: number | null;
}

/** The planned ways of voting an item's persons (the secretary may still group them otherwise at the ballot). */
const MODES: { mode: AppointmentMode; label: string; hint: string }[] = [
  { mode: 'each', label: '逐人表决', hint: '（每人一次表决）' },
  { mode: 'all', label: '合并表决', hint: '（全部人员一次表决，各人分别计结果）' },
  { mode: 'mixed', label: '分组表决', hint: '（有的一人一次，有的几人一次：每人选定分组）' },
];
const GROUPS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export interface Subject {
  name: string;
  unit: string;
  post: string;
  category: string;
  officialId: number | null;
}

export function PersonsEditor(props: {
  mode: AppointmentMode;
  persons: Person[];
  onMode: (m: AppointmentMode) => void;
  onPersons: (p: Person[]) => void;
  error: string | null;
  /** Ids of persons a ballot was cast for: they can no longer be removed or changed. */
  voted?: readonly string[];
}) {
  const { mode, persons, onMode, onPersons, error } = props;
  const voted = new Set(props.voted ?? []);
  const name = useId();
  const update = (i: number, patch: Partial<Person>) => onPersons(persons.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="subform">
      <legend>任免人员</legend>
      <div className="radio-row" role="radiogroup" aria-label="表决方式">
        {MODES.map((m) => (
          <label key={m.mode}>
            <input type="radio" name={name} checked={mode === m.mode} onChange={() => onMode(m.mode)} />
            {m.label}
            <span className="muted small">{m.hint}</span>
          </label>
        ))}
      </div>
      {persons.length > 0 && (
        <table className="data-table compact edit-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>任免</th>
              <th>姓名</th>
              <th>职务</th>
              {mode === 'mixed' && <th>表决分组</th>}
              <th className="actions" />
            </tr>
          </thead>
          <tbody>
            {persons.map((p, i) => (
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td>
                  <select aria-label={`第${i + 1}人任免`} value={p.action} onChange={(e) => update(i, { action: e.target.value as Person['action'] })}>
                    {APPOINTMENT_ACTIONS.map((a) => (
                      <option key={a} value={a}>
                        {APPOINTMENT_ACTION_LABELS[a]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={`第${i + 1}人姓名`} value={p.name} onChange={(e) => update(i, { name: e.target.value })} maxLength={50} />
                  {p.id && voted.has(p.id) && (
                    <span className="chip chip-muted" title="已对此人表决：不能删去或修改，可以新增人员" data-testid="person-voted">
                      已表决
                    </span>
                  )}
                </td>
                <td>
                  <input aria-label={`第${i + 1}人职务`} value={p.post} onChange={(e) => update(i, { post: e.target.value })} maxLength={100} placeholder="如：区教育局局长" />
                </td>
                {mode === 'mixed' && (
                  <td>
                    <select aria-label={`第${i + 1}人表决分组`} value={p.group ?? ''} onChange={(e) => update(i, { group: e.target.value ? Number(e.target.value) : null })}>
                      <option value="">单独表决</option>
                      {GROUPS.map((g) => (
                        <option key={g} value={g}>
                          合并表决第{g}组
                        </option>
                      ))}
                    </select>
                  </td>
                )}
                <td className="actions">
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => onPersons(persons.filter((_, j) => j !== i))} aria-label={`删去第${i + 1}人`}>
                    删去
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onPersons([...persons, { name: '', action: persons.at(-1)?.action ?? 'appoint', post: '' }])}
      >
        添加一人
      </button>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** 按姓氏笔画排序: the sheet's order (terminals, paper 测评表 and paper entry follow it) by surname strokes. */
function StrokeSortButton({ names, onOrder }: { names: string[]; onOrder: (order: number[]) => void }) {
  const action = useAction();
  const run = async () => {
    const r = await action.run(() => call('names.strokeOrder', { names }));
    if (r) onOrder(r.order);
  };
  return (
    <button type="button" className="btn btn-small" onClick={() => void run()} disabled={action.busy} title={action.error?.message}>
      按姓氏笔画排序
    </button>
  );
}

export function SubjectsEditor({ subjects, onSubjects, error }: { subjects: Subject[]; onSubjects: (s: Subject[]) => void; error: string | null }) {
  const [picking, setPicking] = useState(false);
  const update = (i: number, patch: Partial<Subject>) => onSubjects(subjects.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="subform">
      <legend>测评对象（{subjects.length}）</legend>
      <div className="toolbar">
        <button type="button" className="btn btn-small" onClick={() => setPicking((v) => !v)} aria-expanded={picking}>
          {picking ? '收起述职人员名单' : '从述职人员中选择…'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => onSubjects([...subjects, { name: '', unit: '', post: '', category: '', officialId: null }])}>
          手动添加
        </button>
        {subjects.length > 1 && <StrokeSortButton names={subjects.map((s) => s.name)} onOrder={(order) => onSubjects(order.map((i) => subjects[i]!))} />}
        {subjects.length > 0 && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => onSubjects([])}>
            全部清除
          </button>
        )}
      </div>
      {picking && <OfficialsPicker subjects={subjects} onSubjects={onSubjects} />}
      {subjects.length > 0 && (
        <div className="table-scroll short">
          <table className="data-table compact edit-table">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>名称/姓名</th>
                <th>单位</th>
                <th>职务</th>
                <th className="actions" />
              </tr>
            </thead>
            <tbody>
              {subjects.map((s, i) => (
                <tr key={i}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <input aria-label={`测评对象${i + 1}名称`} value={s.name} onChange={(e) => update(i, { name: e.target.value })} maxLength={100} />
                  </td>
                  <td>
                    <input aria-label={`测评对象${i + 1}单位`} value={s.unit} onChange={(e) => update(i, { unit: e.target.value })} maxLength={100} />
                  </td>
                  <td>
                    <input aria-label={`测评对象${i + 1}职务`} value={s.post} onChange={(e) => update(i, { post: e.target.value })} maxLength={100} />
                  </td>
                  <td className="actions">
                    <button type="button" className="btn btn-small btn-quiet" onClick={() => onSubjects(subjects.filter((_, j) => j !== i))} aria-label={`删去测评对象${i + 1}`}>
                      删去
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

function OfficialsPicker({ subjects, onSubjects }: { subjects: Subject[]; onSubjects: (s: Subject[]) => void }) {
  const q = useQuery('officials.list', { includeInactive: false });
  const officials = q.data ?? [];
  const chosen = new Set(subjects.map((s) => s.officialId).filter((id): id is number => id !== null));
  const categories = [...new Set(officials.map((o) => o.category || '未分类'))];
  const toSubject = (o: (typeof officials)[number]): Subject => ({ name: o.name, unit: o.unit, post: o.post, category: o.category, officialId: o.id });
  const toggle = (o: (typeof officials)[number], on: boolean) =>
    onSubjects(on ? [...subjects, toSubject(o)] : subjects.filter((s) => s.officialId !== o.id));
  const selectAll = (cat: string) =>
    onSubjects([...subjects, ...officials.filter((o) => (o.category || '未分类') === cat && !chosen.has(o.id)).map(toSubject)]);

  if (q.data && officials.length === 0) return <p className="muted small">述职人员名单是空的：请先在“述职人员”中新增或导入。</p>;
  return (
    <div className="picker">
      {categories.map((cat) => (
        <div key={cat} className="picker-group">
          <div className="picker-head">
            <strong>{cat}</strong>
            <button type="button" className="btn btn-link" onClick={() => selectAll(cat)}>
              全选本类
            </button>
          </div>
          <div className="picker-options">
            {officials
              .filter((o) => (o.category || '未分类') === cat)
              .map((o) => (
                <label key={o.id}>
                  <input type="checkbox" checked={chosen.has(o.id)} onChange={(e) => toggle(o, e.target.checked)} />
                  <span className="picker-name">{o.name}</span>
                  <span className="muted small">
                    {o.unit}
                    {o.post}
                  </span>
                </label>
              ))}
          </div>
        </div>
      ))}
    </div>
  );
}

export function CandidatesEditor(props: {
  candidates: string;
  chooseMax: string;
  onCandidates: (c: string) => void;
  onChooseMax: (n: string) => void;
  error: string | null;
}) {
  const count = props.candidates.split('\n').filter((l) => l.trim()).length;
  return (
    <fieldset className="subform">
      <legend>票决</legend>
      <div className="form-grid cols-3">
        <Field label="候选项目（每行一个）" span={2} hint={`共 ${count} 个候选项目`}>
          {(p) => <textarea {...p} rows={8} value={props.candidates} onChange={(e) => props.onCandidates(e.target.value)} />}
        </Field>
        <Field label="每张选票最多选几项" error={props.error} hint="超过此数的选票无效；留空表示逐项表决">
          {(p) => <input {...p} inputMode="numeric" value={props.chooseMax} onChange={(e) => props.onChooseMax(e.target.value)} />}
        </Field>
      </div>
    </fieldset>
  );
}
