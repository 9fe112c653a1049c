// Results as data across every boundary (IPC, HTTP, WebSocket): never a thrown error.

export const ERROR_CODES = [
  'BAD_INPUT', // the input does not match the command's schema
  'UNKNOWN_COMMAND',
  'UNAUTHORIZED', // missing or forged token
  'FORBIDDEN', // the caller may not run this command (e.g. admin from a non-loopback address)
  'NOT_FOUND',
  'CONFLICT', // a uniqueness or consistency rule would be broken
  'INVALID_STATE', // not allowed in the current state (e.g. editing a session that is open)
  'IMPORT_INVALID', // a spreadsheet has errors; nothing was imported
  'RATE_LIMITED',
  'QUORUM_NOT_MET', // a round (表决, 测评, 票决) cannot begin: fewer present than the quorum (domain/attendance.ts quorumShortfall)
  'ITEM_DEFERRED', // no round of an item the chair decided not to put to the vote in this session (暂不付表决, store/item-dispositions.ts)
  'ITEM_WITHDRAWN', // no round of an item its proposer withdrew (撤回)
  'DATA_LOSS_UNACKNOWLEDGED', // records were lost (store/integrity.ts): business waits until the secretary has seen it
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string; // Chinese, for people
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside handlers and turned into a failed Result by the dispatcher. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
