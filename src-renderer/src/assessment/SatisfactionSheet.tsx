// The satisfaction sheet: every subject in one list, one row each with a button per level (满意 /
// 基本满意 / 不满意, or the four-level scale). Tapping the marked level again clears it. The footer
// stays in view with how many are filled and the submit button.
import { useEffect, useState } from 'react';
import type { PublicAssessment } from '../../../src-main/assessment/types';
import { scaleWords } from '../../../src-main/domain/satisfaction';
import type { SubmitFn } from './AssessmentSheet';
import { SheetConfirm } from './SheetConfirm';
import { loadDraft, saveDraft } from './sheet-draft';
import { SheetFooter } from './SheetFooter';
import { useSheetSubmit } from './useSheetSubmit';

export function SatisfactionSheet({ a, submitting, connected, onSubmit }: { a: PublicAssessment; submitting: boolean; connected: boolean; onSubmit: SubmitFn }) {
  const [marks, setMarks] = useState(() => loadDraft(a.id, a.subjects.length));
  const { confirming, setConfirming, error, confirm: submit } = useSheetSubmit(onSubmit);
  useEffect(() => saveDraft(a.id, marks), [a.id, marks]);

  const { rateLabel } = scaleWords(a.scale ?? 'three');
  const filled = marks.filter((m) => m !== null).length;
  const unmarked = a.subjects.map((s, i) => ({ ...s, index: i })).filter((_, i) => marks[i] === null);
  const set = (i: number, level: number) => setMarks((prev) => prev.map((m, j) => (j === i ? (m === level ? null : level) : m)));

  const confirm = () => submit(marks);

  return (
    <div className="asm-sheet">
      <p className="asm-lead">请对每位测评对象选择一项（再点一次可取消）。</p>
      <ol className="asm-rows" data-testid="sheet-rows">
        {a.subjects.map((s, i) => (
          <li key={i} className={`asm-row ${marks[i] === null ? 'is-empty' : ''}`} data-testid={`sheet-row-${i}`} data-mark={marks[i] ?? ''}>
            <span className="asm-no">{i + 1}</span>
            <span className="asm-who">
              <strong className="asm-name">{s.name}</strong>
              <span className="asm-post">{`${s.unit}${s.post}` || s.category}</span>
            </span>
            <span className={`asm-levels levels-${a.levels.length}`} role="radiogroup" aria-label={`${i + 1}. ${s.name}`}>
              {a.levels.map((label, level) => (
                <button
                  key={level}
                  type="button"
                  role="radio"
                  aria-checked={marks[i] === level}
                  className={`asm-level level-${level} ${level === a.levels.length - 1 ? 'is-worst' : ''}`}
                  onClick={() => set(i, level)}
                  data-testid={`sheet-mark-${i}-${level}`}
                >
                  {label}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <SheetFooter error={error} submitting={submitting} connected={connected} label="提交测评表" onSubmit={() => setConfirming(true)}>
        <span className="asm-count" data-testid="sheet-filled">
          已填 <strong>{filled}</strong> / {a.subjects.length}
          {unmarked.length > 0 && <span className="asm-unfilled">，未填 {unmarked.length}</span>}
        </span>
      </SheetFooter>
      {confirming && (
        <SheetConfirm
          title="确认提交测评表"
          busy={submitting}
          onBack={() => setConfirming(false)}
          onConfirm={() => void confirm()}
          summary={
            unmarked.length === 0 ? (
              <p data-testid="sheet-confirm-complete">全部{a.subjects.length}位测评对象均已填写。提交后不能修改。</p>
            ) : (
              <>
                <p>
                  以下<strong data-testid="sheet-confirm-unmarked-count">{unmarked.length}</strong>位测评对象<strong>尚未填写</strong>：
                </p>
                <ul className="asm-unmarked" data-testid="sheet-confirm-unmarked">
                  {unmarked.map((s) => (
                    <li key={s.index}>
                      {s.index + 1}. {s.name}
                    </li>
                  ))}
                </ul>
                <p className="asm-rule">
                  {a.countIncompleteSheets
                    ? a.unmarkedSubjects === 'against'
                      ? `未填写的对象按“未评”统计，计入其${rateLabel}的分母。`
                      : `未填写的对象按“未评”统计，不计入其${rateLabel}。`
                    : '按本次会议规则，有未填写对象的测评表整张不计入统计。'}提交后不能修改。
                </p>
              </>
            )
          }
        />
      )}
    </div>
  );
}
