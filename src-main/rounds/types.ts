// What the round engine (rounds/round-engine.ts) works with: the kinds of round, what it needs of any
// round row, and the small live context the meeting engine hands it.
import type { ChangePart } from '../shared/changes';
import type { Actor } from '../store/audit';
import type { Session } from '../store/sessions';
import type { Store } from '../store/store';
import type { BallotState } from '../domain/ballot-state';

/** ballot: 表决 (named or secret); assessment: 满意度测评 and 票决 (always anonymous). */
export type RoundKind = 'ballot' | 'assessment';

export interface RoundRef {
  kind: RoundKind;
  id: number;
}

export const refKey = (r: RoundRef) => `${r.kind}-${r.id}`;

/** What the policy reads of any round. */
export interface RoundRow {
  id: number;
  sessionId: number;
  itemId: number;
  state: BallotState;
  method: string;
  eligible: number[];
}

/** What a change touched, beyond the parts (additive fields of the `changed` event). */
export interface ChangeScope {
  roundKind?: RoundKind;
  roundId?: number;
  itemId?: number;
  memberId?: number;
  /**
   * No terminal's own part (`me`) can have changed: an announcement (closed → announced changes
   * neither who may vote nor what anyone recorded). Terminals that hold a `me` get the big screen's
   * frame without their own part being built again (server/state-cast.ts).
   */
  ownPartsUnchanged?: true;
}

/** What rounds need of the live session, and nothing more. */
export interface LiveContext {
  readonly store: Store;
  liveSession(): Session | null;
  requireLive(): Session;
  liveRow(sessionId: number): { currentItemId: number | null; businessStartedAt: string | null };
  presentMemberIds(sessionId: number): number[];
  /** Whether the member is recorded as 离会 in the session (from memory: no query per press). */
  hasLeft(sessionId: number, memberId: number): boolean;
  /**
   * Inside the group commit, before a terminal's press or sheet is recorded: its terminal still stands
   * as the rows say now, a seat taken over earlier in the same commit included; else UNAUTHORIZED.
   */
  assertTerminalInCommit(terminalId: string): void;
  /** Reads the session's attendance and the connected terminals' verdicts into memory now (a round opens: its first press finds them there). */
  warmHall(sessionId: number): void;
  /** Inside a transaction: makes `itemId` the current item (audited, hearings recorded). True if it moved. */
  moveCurrentItem(who: Actor, sessionId: number, itemId: number): boolean;
  changed(scope: ChangeScope, ...parts: ChangePart[]): void;
}
