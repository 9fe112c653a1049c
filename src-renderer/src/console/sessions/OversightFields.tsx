// What a 专题询问 and a 质询案 carry on the agenda (监督法 2024 arts. 47–51): the questions put to
// named officials with the answers noted; the members who filed the 质询案 (at least the session's
// number, default 3), the body questioned, its questions and the answer given at the session.
import type { InquiryQuestion } from '../../../../src-main/domain/agenda';
import { useQuery } from '../useCommand';
import './oversight.css';

export type Question = InquiryQuestion;

export function InquiryEditor({ questions, onQuestions, error }: { questions: Question[]; onQuestions: (q: Question[]) => void; error: string | null }) {
  const update = (i: number, patch: Partial<Question>) => onQuestions(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <fieldset className="subform">
      <legend>询问的问题（{questions.length}）</legend>
      {questions.map((q, i) => (
        <div key={i} className="form-grid cols-3 oversight-question" data-testid="inquiry-question">
          <label className="field">
            <span className="field-label">询问人</span>
            <input aria-label={`问题${i + 1}询问人`} value={q.asker} onChange={(e) => update(i, { asker: e.target.value })} maxLength={50} placeholder="如：郭志委员" />
          </label>
          <label className="field span-2">
            <span className="field-label">应询人</span>
            <input aria-label={`问题${i + 1}应询人`} value={q.official} onChange={(e) => update(i, { official: e.target.value })} maxLength={100} placeholder="如：区民政局局长 王某" />
          </label>
          <label className="field span-3">
            <span className="field-label">问题</span>
            <textarea aria-label={`问题${i + 1}内容`} rows={2} value={q.question} onChange={(e) => update(i, { question: e.target.value })} maxLength={2000} />
          </label>
          <label className="field span-3">
            <span className="field-label">答复要点</span>
            <textarea aria-label={`问题${i + 1}答复`} rows={2} value={q.answer} onChange={(e) => update(i, { answer: e.target.value })} maxLength={5000} placeholder="询问时记录" />
          </label>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => onQuestions(questions.filter((_, j) => j !== i))} aria-label={`删去问题${i + 1}`}>
            删去
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => onQuestions([...questions, { asker: '', official: '', question: '', answer: '' }])}>
        添加问题
      </button>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

export interface InterpellationDraft {
  filers: number[];
  addressee: string;
  questionsText: string;
  answeredBy: string;
  answer: string;
}

export function InterpellationEditor({ value, onChange, error }: { value: InterpellationDraft; onChange: (v: InterpellationDraft) => void; error: string | null }) {
  const members = useQuery('members.list', {});
  const set = (patch: Partial<InterpellationDraft>) => onChange({ ...value, ...patch });
  const toggle = (id: number, on: boolean) => set({ filers: on ? [...value.filers, id] : value.filers.filter((x) => x !== id) });
  return (
    <fieldset className="subform">
      <legend>质询案</legend>
      <p className="muted small">县级人大常委会组成人员3人以上联名（设区的市以上5人，见“设置”），可以书面提出对本级人民政府及其部门和监察委员会、人民法院、人民检察院的质询案。</p>
      <div className="form-grid cols-3">
        <label className="field">
          <span className="field-label">受质询机关</span>
          <input aria-label="受质询机关" value={value.addressee} onChange={(e) => set({ addressee: e.target.value })} maxLength={100} placeholder="如：区人民政府" />
        </label>
        <label className="field span-3">
          <span className="field-label">质询的问题和内容</span>
          <textarea aria-label="质询的问题和内容" rows={3} value={value.questionsText} onChange={(e) => set({ questionsText: e.target.value })} maxLength={10000} />
        </label>
      </div>
      <div className="filers" role="group" aria-label="联名提出的组成人员">
        <span className="field-label">联名提出（已选 {value.filers.length} 人）</span>
        <div className="check-grid">
          {(members.data ?? []).map((m) => (
            <label key={m.id} className="toggle">
              <input type="checkbox" checked={value.filers.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              {m.name}
            </label>
          ))}
        </div>
      </div>
      <div className="form-grid cols-3">
        <label className="field">
          <span className="field-label">答复人</span>
          <input aria-label="答复人" value={value.answeredBy} onChange={(e) => set({ answeredBy: e.target.value })} maxLength={100} placeholder="会上答复后填写" />
        </label>
        <label className="field span-3">
          <span className="field-label">答复内容</span>
          <textarea aria-label="答复内容" rows={2} value={value.answer} onChange={(e) => set({ answer: e.target.value })} maxLength={10000} />
        </label>
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
