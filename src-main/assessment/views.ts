// The assessment as each seat sees it: how many sheets are in while it is open (never who or what),
// the ranked result once announced (the console sees it once closed).
import { scaleLevels } from '../domain/satisfaction';
import type { Store } from '../store/store';
import { assessmentsOfItem, type AssessmentRow } from './assessment-store';
import { withProjectFinal } from './results';
import type { PublicAssessment } from './types';
import type { VoidedAttempt } from '../domain/round-void';
import { voidsOf } from '../rounds/round-voids';

/** `submitted`: sheets in so far (AssessmentControl.submitted: from memory while open). */
export function publicAssessment(store: Store, a: AssessmentRow, audience: 'public' | 'console', submitted: number): PublicAssessment {
  const showResult = a.result !== null && (audience === 'console' || a.state === 'announced');
  return {
    id: a.id,
    itemId: a.itemId,
    round: a.round,
    kind: a.kind,
    title: a.title,
    method: a.method,
    state: a.state,
    levels: a.kind === 'project' ? ['选'] : [...scaleLevels(a.scale ?? 'three')],
    scale: a.kind === 'project' ? null : (a.scale ?? 'three'),
    countIncompleteSheets: a.countIncomplete,
    unmarkedSubjects: a.unmarkedSubjects,
    chooseMax: a.chooseMax,
    subjects: a.subjects.map(({ name, unit, post, category }) => ({ name, unit, post, category })),
    eligible: a.eligible.length,
    submitted,
    openedAt: a.openedAt,
    closedAt: a.closedAt,
    result: showResult ? withProjectFinal(a.result!, a.kind === 'project' ? assessmentsOfItem(store, a.itemId) : [], a.round) : null,
  };
}

/** The console's list: every assessment of the session with its result once closed. */
export function consoleAssessments(
  store: Store,
  rows: AssessmentRow[],
  live: { submitted: (a: AssessmentRow) => number; keyLost: (a: AssessmentRow) => boolean },
): Array<PublicAssessment & { year: number | null; reportItemId: number | null; rule: string | null; keyLost: boolean; voids: VoidedAttempt[] }> {
  return rows.map((a) => ({
    ...publicAssessment(store, a, 'console', live.submitted(a)),
    year: a.year,
    reportItemId: a.reportItemId,
    rule: a.rule,
    /** Open, and its sheets cannot be opened here: the console offers 作废本轮 (RoundEngine.voidRound). */
    keyLost: live.keyLost(a),
    /** Its voided attempts (作废本轮), oldest first. */
    voids: voidsOf(store, 'assessment', a.id),
  }));
}
