// A round's voided attempts (作废本轮), in the words the minutes and its result sheet print
// (domain/round-void.ts): when each was voided, why, what was discarded, and that it was held again.
import { voidedAttemptSentences, type VoidedAttempt, type VoidedRoundKind } from '../../../src-main/domain/round-void';
import { clockTime } from '../live/labels';

export function VoidedAttempts({ kind, voids, heldAgain }: { kind: VoidedRoundKind; voids: VoidedAttempt[]; heldAgain: boolean }) {
  if (voids.length === 0) return null;
  return (
    <ul className="voided-attempts" data-testid="voided-attempts">
      {voidedAttemptSentences(kind, voids, clockTime, heldAgain).map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}
