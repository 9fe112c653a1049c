// A round's voided attempts (作废本轮) as the documents print them: one sentence each, in the words of
// domain/round-void.ts, on the minutes and on the round's own result sheet.
import type { AssessmentRow } from '../assessment/assessment-store';
import { voidedAttemptSentences } from '../domain/round-void';
import type { BallotRow } from '../meeting/ballot-store';
import { voidsOf } from '../rounds/round-voids';
import type { Store } from '../store/store';
import { clockTime } from '../domain/clock';

export function ballotVoidLines(store: Store, b: Pick<BallotRow, 'id' | 'state'>): string[] {
  return voidedAttemptSentences('ballot', voidsOf(store, 'ballot', b.id), clockTime, b.state !== 'draft');
}

export function assessmentVoidLines(store: Store, a: Pick<AssessmentRow, 'id' | 'state' | 'kind'>): string[] {
  return voidedAttemptSentences(a.kind === 'project' ? 'project' : 'satisfaction', voidsOf(store, 'assessment', a.id), clockTime, a.state !== 'draft');
}
