// The frames of docs/terminal-protocol.md as the browser sees them. The state shapes come from
// the main process (src-main/meeting/types.ts): one contract for the server and the three faces.
import type { AppErrorData, Result } from '../../../src-main/shared/result';
import type { ConsoleState, LiveSnapshot, TerminalMe, TerminalState } from '../../../src-main/meeting/types';

export type { AppErrorData, Result };
export type {
  AttendanceStatus,
  AttendanceSummary,
  BallotResult,
  ConsoleBallotRow,
  ConsoleMemberRow,
  ConsoleState,
  LiveDocument,
  LiveItem,
  LiveSnapshot,
  PublicBallot,
  TerminalMe,
  TerminalState,
} from '../../../src-main/meeting/types';

export type LiveRole = 'terminal' | 'display' | 'console';

/** What each role is sent as its `state`. */
export interface StateByRole {
  terminal: TerminalState;
  display: LiveSnapshot;
  console: ConsoleState;
}

export type ClientFrame =
  | { type: 'hello'; role: LiveRole; token?: string }
  | { type: 'cmd'; id: number; name: string; input: unknown }
  | { type: 'ping' };

export type ServerFrame =
  | { type: 'welcome'; pairingNumber: string; serverTime: string }
  | { type: 'hello-ok'; role: LiveRole; me?: TerminalMe }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'state'; state: LiveSnapshot | null }
  | { type: 'progress'; ballotId: number; voted: number; eligible: number }
  | { type: 'paired'; token: string; me: TerminalMe }
  | { type: 'revoked'; reason: string }
  | { type: 'error'; error: AppErrorData }
  | { type: 'pong' };

/** Parses one text frame; null when it is not an object with a string `type`. */
export function parseFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const v = JSON.parse(data) as unknown;
    if (v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string') return v as ServerFrame;
  } catch {
    /* not JSON: ignored */
  }
  return null;
}

/** Applies a `progress` frame to a state of any role; the same object when nothing changes. */
export function applyProgress<S extends LiveSnapshot>(state: S, p: { ballotId: number; voted: number; eligible: number }): S {
  let next = state;
  if (state.ballot && state.ballot.id === p.ballotId) {
    next = { ...next, ballot: { ...state.ballot, voted: p.voted, eligible: p.eligible } };
  }
  const rows = (state as Partial<ConsoleState>).ballots;
  if (rows?.some((b) => b.id === p.ballotId)) {
    const ballots = rows.map((b) => (b.id === p.ballotId ? { ...b, voted: p.voted, eligible: p.eligible } : b));
    next = { ...next, ballots } as S;
  }
  return next;
}
