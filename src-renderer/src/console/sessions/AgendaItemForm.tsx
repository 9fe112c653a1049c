// Add or edit one agenda item: kind, title, presenter and what the kind carries (persons to appoint
// or remove, assessment subjects, ballot candidates). Kept as a draft until saved.
import { call } from '../../api';
import { Dialog, SaveFooter } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { AGENDA_KINDS, agendaKindLabel, THRESHOLD_NAMES, type AgendaDetails, type AgendaKind, type AppointmentMode, type ThresholdName } from '../../../../src-main/domain/agenda';
import { THRESHOLD_LABELS } from '../../../../src-main/domain/vote';
import type { Scale } from '../../../../src-main/domain/satisfaction';
import { parseIntField } from '../format';
import { fieldError, useAction } from '../useCommand';
import { useDraft } from '../useDraft';
import { CandidatesEditor, PersonsEditor, SubjectsEditor, type Person, type Subject } from './AgendaDetailsFields';
import type { AgendaItem } from './SessionEditor';
import { InquiryEditor, InterpellationEditor, type InterpellationDraft, type Question } from './OversightFields';

export interface ItemDraft {
  kind: AgendaKind;
  title: string;
  presenter: string;
  appointmentMode: AppointmentMode;
  persons: Person[];
  /** vote and appointment items: '' = the session's rules. */
  threshold?: ThresholdName | '';
  subjects: Subject[];
  candidates: string;
  chooseMax: string;
  questions?: Question[];
  interpellation?: InterpellationDraft;
}

/** "如：…": the assessment's in the words of the scale it is held on (满意度测评 / 称职测评). */
const titleExample = (kind: AgendaKind, assessment: string): string => (kind === 'assessment' ? `如：对述职人员进行${assessment}` : TITLE_EXAMPLES[kind]);

const TITLE_EXAMPLES: Record<Exclude<AgendaKind, 'assessment'>, string> = {
  report: '如：听取和审议区人民政府关于……情况的报告',
  handling_report: '如：听取和审议区人民政府关于《……的审议意见》办理情况的报告',
  vote: '如：审议关于……的决议（草案）',
  appointment: '如：人事任免',
  project_ballot: '如：票决2027年民生实事项目',
  other: '',
  inquiry: '如：对全区养老服务体系建设情况开展专题询问',
  interpellation: '如：关于……问题的质询案',
};

function toDraft(item: AgendaItem | undefined): ItemDraft {
  const d = item?.details ?? {};
  return {
    kind: item?.kind ?? 'report',
    title: item?.title ?? '',
    presenter: item?.presenter ?? '',
    appointmentMode: d.appointmentMode ?? 'each',
    persons: d.persons ?? [],
    threshold: d.threshold ?? '',
    subjects: d.subjects ?? [],
    candidates: (d.candidates ?? []).join('\n'),
    chooseMax: d.chooseMax ? String(d.chooseMax) : '',
    questions: d.questions ?? [],
    interpellation: { filers: d.filers ?? [], addressee: d.addressee ?? '', questionsText: d.questionsText ?? '', answeredBy: d.answeredBy ?? '', answer: d.answer ?? '' },
  };
}

/** The details the kind carries; other kinds' leftovers in the draft are dropped. Error text, or details. */
function buildDetails(d: ItemDraft, original: AgendaDetails | undefined): AgendaDetails | string {
  const threshold = d.threshold ? { threshold: d.threshold } : {};
  switch (d.kind) {
    case 'appointment': {
      const persons = d.persons
        .filter((p) => p.name.trim() || p.post.trim())
        // groups matter only when the item is voted in groups
        .map(({ group, ...p }) => (d.appointmentMode === 'mixed' && group ? { ...p, group } : p));
      const missing = persons.findIndex((p) => !p.name.trim());
      if (missing >= 0) return `任免人员第${missing + 1}人：请填写姓名`;
      return { appointmentMode: d.appointmentMode, persons, ...threshold };
    }
    case 'vote':
    case 'other':
      return threshold;
    case 'assessment': {
      const subjects = d.subjects.filter((s) => s.name.trim() || s.unit.trim() || s.post.trim());
      const missing = subjects.findIndex((s) => !s.name.trim());
      if (missing >= 0) return `测评对象第${missing + 1}个：请填写名称`;
      return { subjects };
    }
    case 'project_ballot': {
      const candidates = d.candidates.split('\n').map((l) => l.trim()).filter(Boolean);
      const chooseMax = d.chooseMax.trim() === '' ? undefined : parseIntField(d.chooseMax);
      if (chooseMax === null || (chooseMax !== undefined && chooseMax < 1)) return '最多选几项：请填写正整数';
      if (chooseMax !== undefined && candidates.length > 0 && chooseMax > candidates.length) return `最多选几项：不能超过候选项目数（${candidates.length}）`;
      return chooseMax === undefined ? { candidates } : { candidates, chooseMax };
    }
    case 'handling_report':
      return original?.opinionId ? { opinionId: original.opinionId } : {};
    case 'inquiry': {
      const questions = (d.questions ?? []).filter((q) => q.question.trim() || q.asker.trim() || q.official.trim());
      const missing = questions.findIndex((q) => !q.question.trim());
      if (missing >= 0) return `询问的问题第${missing + 1}个：请填写问题`;
      return { questions };
    }
    case 'interpellation':
      return { ...(d.interpellation ?? { filers: [], addressee: '', questionsText: '', answeredBy: '', answer: '' }) };
    default:
      return {};
  }
}

export interface AgendaItemFormProps {
  sessionId: number;
  /** The session's assessment scale (its rules): what an assessment item is called before its rounds. */
  scale: Scale;
  item?: AgendaItem;
  onClose: () => void;
  /** Called after a successful save; the caller closes the form. */
  onSaved: () => void;
}

export function AgendaItemForm({ sessionId, scale, item, onClose, onSaved }: AgendaItemFormProps) {
  // An assessment is named by the scale it is held on: the item's own (its rounds'), else the session's.
  const kindWord = (k: AgendaKind) => (k === 'assessment' && item?.kind === 'assessment' ? item.kindLabel : agendaKindLabel(k, scale));
  const draft = useDraft(`agenda.${sessionId}.${item?.id ?? 'new'}`, () => toDraft(item));
  const action = useAction();
  const d = draft.value;
  const set = <K extends keyof ItemDraft>(k: K, v: ItemDraft[K]) => draft.set((p) => ({ ...p, [k]: v }));

  const close = () => {
    if (draft.dirty && !window.confirm('放弃尚未保存的修改？')) return;
    draft.discard();
    onClose();
  };
  const save = async () => {
    const details = buildDetails(d, item?.details);
    if (typeof details === 'string') return action.fail(details);
    const fields = { kind: d.kind, title: d.title, presenter: d.presenter, details };
    const r = await action.run(() => (item ? call('agenda.update', { id: item.id, ...fields }) : call('agenda.add', { sessionId, ...fields })));
    if (r) {
      draft.discard();
      onSaved();
    }
  };

  const err = action.error;
  return (
    <Dialog
      title={item ? '编辑议程项' : '添加议程项'}
      size="wide"
      onClose={close}
      onSubmit={save}
      footer={<SaveFooter error={err} busy={action.busy} dirty={draft.dirty} onCancel={close} />}
    >
      <div className="form-grid cols-3">
        <Field label="议程类型" required error={fieldError(err, '议程类型')}>
          {(p) => (
            <select {...p} value={d.kind} onChange={(e) => set('kind', e.target.value as AgendaKind)} data-autofocus>
              {AGENDA_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindWord(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="报告人/说明人" span={2} error={fieldError(err, '报告人')}>
          {(p) => <input {...p} value={d.presenter} onChange={(e) => set('presenter', e.target.value)} maxLength={100} placeholder="如：区医疗保障局局长 张某某" />}
        </Field>
        <Field label="议程标题" required span={3} error={fieldError(err, '标题')}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={d.title}
              onChange={(e) => set('title', e.target.value.replace(/\n/g, ''))}
              onKeyDown={(e) => {
                // A title is one line: Enter saves, as in the other fields.
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
              maxLength={300}
              placeholder={titleExample(d.kind, kindWord('assessment'))}
            />
          )}
        </Field>
      </div>
      {(d.kind === 'vote' || d.kind === 'appointment' || d.kind === 'other') && (
        <div className="form-grid cols-3">
          <Field label="表决通过条件" hint="创建每轮表决时仍可更改；基数为会议规则中的基数（默认全体组成人员）">
            {(p) => (
              <select {...p} value={d.threshold ?? ''} onChange={(e) => set('threshold', e.target.value as ThresholdName | '')} data-testid="item-threshold">
                <option value="">按会议规则</option>
                {THRESHOLD_NAMES.map((t) => (
                  <option key={t} value={t}>
                    {THRESHOLD_LABELS[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      {d.kind === 'appointment' && (
        <PersonsEditor
          mode={d.appointmentMode}
          persons={d.persons}
          onMode={(m) => set('appointmentMode', m)}
          onPersons={(p) => set('persons', p)}
          error={fieldError(err, '任免人员', 'persons')}
          voted={item?.votedPersonIds}
        />
      )}
      {d.kind === 'assessment' && <SubjectsEditor subjects={d.subjects} onSubjects={(s) => set('subjects', s)} error={fieldError(err, '测评对象', 'subjects')} />}
      {d.kind === 'project_ballot' && (
        <CandidatesEditor
          candidates={d.candidates}
          chooseMax={d.chooseMax}
          onCandidates={(c) => set('candidates', c)}
          onChooseMax={(n) => set('chooseMax', n)}
          error={fieldError(err, '最多选', '候选', 'candidates')}
        />
      )}
      {d.kind === 'inquiry' && <InquiryEditor questions={d.questions ?? []} onQuestions={(q) => set('questions', q)} error={fieldError(err, '问题')} />}
      {d.kind === 'interpellation' && (
        <InterpellationEditor
          value={d.interpellation ?? { filers: [], addressee: '', questionsText: '', answeredBy: '', answer: '' }}
          onChange={(v) => set('interpellation', v)}
          error={fieldError(err, '质询', '受质询机关', '联名')}
        />
      )}
      {d.kind === 'handling_report' && (
        <p className="muted small">
          办理情况报告通常随后进行{kindWord('assessment')}：可另加一项“{kindWord('assessment')}”，测评对象为报告单位。
        </p>
      )}
    </Dialog>
  );
}
