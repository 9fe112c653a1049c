// The frames of docs/terminal-protocol.md as the browser sees them: the one protocol module of the
// main process (src-main/shared/protocol.ts) and the state shapes (src-main/meeting/types.ts).
import type { AppErrorData, Result } from '../../../src-main/shared/result';

export type { AppErrorData, Result };
export type {
  AttendanceStatus,
  AttendanceSummary,
  BallotResult,
  ConsoleBallotRow,
  ConsoleMemberRow,
  ConsoleState,
  Interruption,
  LiveDocument,
  LiveItem,
  LiveSnapshot,
  PublicBallot,
  TerminalMe,
  TerminalState,
} from '../../../src-main/meeting/types';
export type { ClientFrame, ClosedSession, ConnectionRefusals, LiveRole, PublicState, ServerFrame, ServerFrames, StateByRole } from '../../../src-main/shared/protocol';
export { applyProgress, applyState, CONNECTIONS_FULL, parseServerFrame } from '../../../src-main/shared/protocol';
export type { ChangePart } from '../../../src-main/shared/changes';
