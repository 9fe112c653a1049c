// When the satisfaction assessment of a handling report (审议意见办理情况报告) has its result, the
// review-opinion register takes it over: 不满意 (or "限期整改并再次报告") → 需再次报告, else 已测评.
// Assessments of anything else change nothing there.
import { applyHandlingAssessment } from '../review/handlings';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import type { AssessmentRow } from './assessment-store';
import { scaleWords } from '../domain/satisfaction';

export function applyToHandlingReport(store: Store, who: Actor, a: AssessmentRow): void {
  if (a.kind !== 'satisfaction' || a.result?.kind !== 'satisfaction' || a.subjects.length !== 1) return;
  const row = a.result.rows[0];
  if (!row) return;
  const words = scaleWords(a.result.scale);
  applyHandlingAssessment(store, who, a.itemId, row.grade, {
    consequence: row.consequence,
    detail: `${words.scaleTitle}（第${a.round}轮）：${words.rateLabel}${row.rate ?? '—'}，${row.grade}`,
  });
}
