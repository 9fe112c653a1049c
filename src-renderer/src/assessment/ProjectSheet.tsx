// The project ballot (票决) on a terminal: every candidate with a 选 toggle, at most N. The terminal
// refuses an (N+1)-th choice outright, and the server refuses a sheet marking more than N.
import { useEffect, useState } from 'react';
import type { PublicAssessment } from '../../../src-main/assessment/types';
import type { SubmitFn } from './AssessmentSheet';
import { SheetConfirm } from './SheetConfirm';
import { loadDraft, saveDraft } from './sheet-draft';
import { SheetFooter } from './SheetFooter';
import { useSheetSubmit } from './useSheetSubmit';

export function ProjectSheet({ a, submitting, connected, onSubmit }: { a: PublicAssessment; submitting: boolean; connected: boolean; onSubmit: SubmitFn }) {
  const max = a.chooseMax ?? 1;
  const [marks, setMarks] = useState(() => loadDraft(a.id, a.subjects.length));
  const { confirming, setConfirming, error, confirm: submit } = useSheetSubmit(onSubmit);
  const [limitNote, setLimitNote] = useState(false);
  useEffect(() => saveDraft(a.id, marks), [a.id, marks]);

  const chosen = marks.flatMap((m, i) => (m === null ? [] : [i]));
  const toggle = (i: number) => {
    if (marks[i] === null && chosen.length >= max) {
      setLimitNote(true);
      return;
    }
    setLimitNote(false);
    setMarks((prev) => prev.map((m, j) => (j === i ? (m === null ? 0 : null) : m)));
  };

  const confirm = () => submit(marks);

  return (
    <div className="asm-sheet">
      <p className="asm-lead">
        候选项目{a.subjects.length}个，请选择<strong>不超过{max}个</strong>（再点一次可取消）。多选的票无效。
      </p>
      <ol className="asm-rows">
        {a.subjects.map((s, i) => (
          <li key={i} className={`asm-row asm-project ${marks[i] !== null ? 'is-chosen' : ''}`} data-testid={`project-row-${i}`} data-chosen={marks[i] !== null ? 'true' : 'false'}>
            <span className="asm-no">{i + 1}</span>
            <span className="asm-who">
              <strong className="asm-name">{s.name}</strong>
            </span>
            <button type="button" role="checkbox" aria-checked={marks[i] !== null} aria-label={`选择 ${s.name}`} className="asm-pick" onClick={() => toggle(i)} data-testid={`project-pick-${i}`}>
              {marks[i] !== null ? '已选' : '选择'}
            </button>
          </li>
        ))}
      </ol>
      <SheetFooter error={error} submitting={submitting} connected={connected} label="提交选票" onSubmit={() => setConfirming(true)}>
        <span className="asm-count" data-testid="project-chosen">
          已选 <strong>{chosen.length}</strong> / 最多 {max}
        </span>
        {limitNote && (
          <span className="asm-error" role="alert" data-testid="project-limit">
            最多选择{max}个项目，请先取消已选的项目
          </span>
        )}
      </SheetFooter>
      {confirming && (
        <SheetConfirm
          title="确认提交选票"
          busy={submitting}
          onBack={() => setConfirming(false)}
          onConfirm={() => void confirm()}
          summary={
            chosen.length === 0 ? (
              <p data-testid="sheet-confirm-blank">您没有选择任何项目，本票将作为空白票。提交后不能修改。</p>
            ) : (
              <>
                <p>
                  您选择了<strong data-testid="sheet-confirm-chosen-count">{chosen.length}</strong>个项目（最多{max}个）：
                </p>
                <ul className="asm-unmarked" data-testid="sheet-confirm-chosen">
                  {chosen.map((i) => (
                    <li key={i}>
                      {i + 1}. {a.subjects[i]!.name}
                    </li>
                  ))}
                </ul>
                <p className="asm-rule">提交后不能修改。</p>
              </>
            )
          }
        />
      )}
    </div>
  );
}
