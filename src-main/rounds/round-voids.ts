// Each voided attempt of a round (作废本轮: rounds/round-engine.ts voidRound), kept in round_voids
// (migration 009) for the minutes and the round's result sheet (domain/round-void.ts words them).
import type { VoidedAttempt } from '../domain/round-void';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import type { RoundKind } from './types';

/** Inside the void's transaction: records the attempt (audited as its own row). */
export function recordVoid(store: Store, who: Actor, kind: RoundKind, roundId: number, v: Omit<VoidedAttempt, 'voidedAt'>): void {
  const id = store.db
    .prepare('INSERT INTO round_voids (kind, round_id, opened_at, voided_at, reason, discarded) VALUES (?, ?, ?, ?, ?, ?)')
    .run(kind, roundId, v.openedAt, new Date().toISOString(), v.reason, v.discarded).lastInsertRowid;
  store.audit.recordRow(who, 'round_void.create', 'round_voids', Number(id));
}

/** The voided attempts of one round, oldest first. */
export function voidsOf(store: Store, kind: RoundKind, roundId: number): VoidedAttempt[] {
  return store.db
    .prepare('SELECT opened_at AS openedAt, voided_at AS voidedAt, reason, discarded FROM round_voids WHERE kind = ? AND round_id = ? ORDER BY id')
    .all(kind, roundId) as VoidedAttempt[];
}
