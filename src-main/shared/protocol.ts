// The live protocol (docs/terminal-protocol.md) in one module, shared by the WebSocket hub
// (server/ws-hub.ts), the renderer's live client and the Node client (cli/terminal-client.ts):
// the zod schema of every client frame, and the map of server frames with the schemas the hub checks
// its outgoing frames against.
//
// Client frames are validated before any field is used: nothing of an unvalidated value is called,
// converted or interpolated (a frame like {"type":{"toString":1}} is only ever compared with ===).
import { z } from 'zod';
import { SPEAKER_STATES } from '../domain/speakers';
import type { SpeakerEntry } from '../meeting/speakers';
import type { ConsoleState, LiveSnapshot, TerminalMe, TerminalState } from '../meeting/types';
import { CHANGE_PARTS, type ChangePart } from './changes';
import { DISPOSITION_KINDS } from '../domain/item-disposition';
import { ERROR_CODES, type AppErrorData, type Result } from './result';

/** Text frames above this size close the socket with CLOSE_TOO_BIG (1009, "message too big"). */
export const MAX_FRAME_BYTES = 64 * 1024;
export const CLOSE_TOO_BIG = 1009;
/** The server closes a terminal's socket with this code when its seat is taken over or its session ends. */
export const CLOSE_REVOKED = 4001;
/** The server closes a LAN socket with this code when it has not paired or said hello in time (server/connection-limits.ts UNPAIRED_IDLE_MS). */
export const CLOSE_UNPAIRED_IDLE = 4002;

/** A console whose admin credential is missing or wrong, in the same words over HTTP and over the WebSocket. */
export const CONSOLE_CREDENTIAL_REFUSED = '控制台凭据不正确（管理令牌缺失或有误）：请用会议主机启动时显示的控制台地址重新打开控制台';
/** What a page says when the meeting machine refuses its connections for the bound (server/connection-limits.ts), and the console with it. */
export const CONNECTIONS_FULL = '连接数已满';
/** Which bound refused a connection: one address's (a device's), or the LAN's as a whole. */
export const CONNECTION_BOUNDS = ['address', 'lan'] as const;
export type ConnectionBound = (typeof CONNECTION_BOUNDS)[number];

/**
 * Connections the hub is refusing for its bound (server/refusal-record.ts): how many since the first of
 * this run of refusals, the bound the last one hit and its figure, from where, and when.
 */
export interface ConnectionRefusals {
  count: number;
  bound: ConnectionBound;
  limit: number;
  address: string;
  since: string;
  lastAt: string;
}

export const LIVE_ROLES = ['terminal', 'display', 'console'] as const;
export type LiveRole = (typeof LIVE_ROLES)[number];

// ---- client → server ----------------------------------------------------------------------------

/** A command id chosen by the client, echoed in its `result`: a safe integer ≥ 0 or a short string. */
export const frameIdSchema = z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(64)]);
export type FrameId = z.infer<typeof frameIdSchema>;

const helloFrame = z.object({
  type: z.literal('hello'),
  role: z.enum(LIVE_ROLES),
  token: z.string().max(256).optional(),
});

const cmdFrame = z.object({
  type: z.literal('cmd'),
  id: frameIdSchema,
  name: z.string().min(1).max(100),
  /** The command's own schema (api/commands) checks the rest. */
  input: z.record(z.string(), z.unknown()).optional(),
});

const pingFrame = z.object({ type: z.literal('ping') });

export const clientFrameSchema = z.discriminatedUnion('type', [helloFrame, cmdFrame, pingFrame]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;
export type HelloFrame = z.infer<typeof helloFrame>;
export type CmdFrame = z.infer<typeof cmdFrame>;

export type FrameRefusal = { ok: false; error: AppErrorData; id: FrameId | null };

/**
 * Parses one text frame. A refusal says why in Chinese, and carries the frame's id when the frame
 * was a `cmd` with a valid id (so the client's call gets its `result`); never throws.
 */
export function parseClientFrame(text: string | null): { ok: true; frame: ClientFrame } | FrameRefusal {
  if (text === null) return refusal('消息格式错误：应为 JSON 文本，而不是二进制数据');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refusal('消息格式错误：不是有效的 JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return refusal('消息格式错误：应为 JSON 对象');
  const parsed = clientFrameSchema.safeParse(value);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const type = (value as { type?: unknown }).type;
  if (type === 'cmd') {
    const id = frameIdSchema.safeParse((value as { id?: unknown }).id);
    const what = !id.success ? '命令编号 id 应为非负整数或不超过64个字符的文字' : '命令名称 name 应为文字，输入 input 应为 JSON 对象';
    return refusal(`命令消息有误：${what}`, id.success ? id.data : null);
  }
  if (type === 'hello') return refusal('hello 消息有误：role 应为 terminal、display 或 console，token 应为文字');
  if (type === 'ping') return refusal('ping 消息有误');
  return refusal('未知的消息类型：type 应为 hello、cmd 或 ping');
}

const refusal = (message: string, id: FrameId | null = null): FrameRefusal => ({ ok: false, error: { code: 'BAD_INPUT', message }, id });

// ---- server → client ----------------------------------------------------------------------------

/** The big screen's state: the public snapshot, and the session that closed last when none is open. */
export interface PublicState extends LiveSnapshot {
  /** Set while no session is open: the most recently closed session ("第十六次会议已闭会"). */
  closedSession?: ClosedSession | null;
}

export interface ClosedSession {
  id: number;
  title: string;
  closedAt: string | null;
}

/** Every frame the server sends, by type (the fields besides `type`). */
export interface ServerFrames {
  welcome: { pairingNumber: string; serverTime: string };
  'hello-ok': { role: LiveRole; me?: TerminalMe };
  result: { id: FrameId | null; result: Result<unknown> };
  /** The whole view for the role: TerminalState, PublicState (big screen) or ConsoleState (null: no session open). */
  state: { state: TerminalState | PublicState | ConsoleState | null };
  /** A terminal's own part after its own press, sheet or sign-in. */
  me: { me: TerminalMe };
  /** Ballot progress (big screen and console). */
  progress: { ballotId: number; voted: number; eligible: number };
  /** Assessment or project-ballot progress (big screen and console). */
  'sheet-progress': { assessmentId: number; submitted: number; eligible: number };
  /** Parts that changed without a new state for this role (consoles reload what they show). */
  changed: { parts: ChangePart[] };
  paired: { token: string; me: TerminalMe };
  /**
   * The speaker queue (申请发言) of the live session, every item, in the order asked: to every seat
   * after each change of the 'speakers' part and on identifying (null session: none is open).
   */
  speakers: { sessionId: number | null; entries: SpeakerEntry[] };
  /**
   * Connections the hub refuses for its bound (consoles): on identifying, at the first refusal of a run,
   * then at most one a second while they go on, and null once a minute has passed without one.
   */
  refusals: { refusals: ConnectionRefusals | null };
  /** This socket's seat is gone: taken over by another terminal, or its session has ended. */
  revoked: { reason: string; sessionEnded?: boolean; session?: ClosedSession };
  error: { error: AppErrorData };
  pong: { [k in never]: never };
}
export type ServerFrameType = keyof ServerFrames;
export type ServerFrame = { [K in ServerFrameType]: { type: K } & ServerFrames[K] }[ServerFrameType];
export type StateByRole = { terminal: TerminalState; display: PublicState; console: ConsoleState | null };

const int = z.number().int();
const nonNeg = int.min(0);
const appError = z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() });
const resultSchema = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: appError })]);
/** 暂不付表决 / 撤回 standing on an item (meeting/types.ts LiveDisposition). */
const disposition = z.object({ kind: z.enum(DISPOSITION_KINDS), label: z.string(), line: z.string() });
const closedSession = z.object({ id: int, title: z.string(), closedAt: z.string().nullable() });

export const terminalMeSchema = z.looseObject({
  kind: z.enum(['member', 'attendee']),
  id: int,
  name: z.string(),
  seat: int.nullable(),
  attendance: z.enum(['absent', 'present', 'leave', 'left']).nullable(),
  canVote: z.boolean(),
  myVote: z.object({ ballotId: int, choice: z.enum(['yes', 'no', 'abstain']) }).nullable(),
  sheetSubmitted: z.boolean().optional(),
  canSubmitSheet: z.boolean().optional(),
});

/** The public snapshot, checked once per broadcast (loose: added fields pass, changed ones do not). */
export const snapshotSchema = z.looseObject({
  session: z
    .looseObject({ id: int, title: z.string(), date: z.string(), status: z.enum(['draft', 'open', 'closed']), businessStarted: z.boolean() })
    .nullable(),
  attendance: z.looseObject({ expected: nonNeg, present: nonNeg, onLeave: nonNeg, absent: nonNeg, quorumMet: z.boolean(), announcement: z.string() }).nullable(),
  agenda: z.array(z.looseObject({ id: int, position: int, kind: z.string(), kindLabel: z.string(), title: z.string(), disposition: disposition.nullable().optional() })),
  currentItem: z
    .looseObject({
      id: int,
      position: int,
      kind: z.string(),
      title: z.string(),
      documents: z.array(z.looseObject({ id: int, fileName: z.string(), mime: z.string(), size: nonNeg })),
      disposition: disposition.nullable().optional(),
    })
    .nullable(),
  ballot: z
    .looseObject({
      id: int,
      itemId: int,
      state: z.enum(['draft', 'open', 'closed', 'announced']),
      method: z.enum(['electronic', 'show_of_hands', 'paper']),
      secret: z.boolean(),
      eligible: nonNeg,
      voted: nonNeg,
      result: z.looseObject({ yes: nonNeg, no: nonNeg, abstain: nonNeg, adopted: z.boolean() }).nullable(),
    })
    .nullable(),
  terminalUrl: z.string().nullable(),
  assessment: z.looseObject({ id: int, itemId: int, state: z.enum(['draft', 'open', 'closed', 'announced']), eligible: nonNeg, submitted: nonNeg }).nullable().optional(),
  closedSession: closedSession.nullable().optional(),
});

export const consoleStateSchema = snapshotSchema.extend({
  members: z.array(z.looseObject({ id: int, name: z.string(), attendance: z.enum(['absent', 'present', 'leave', 'left']), terminal: z.enum(['online', 'offline', 'none']) })),
  ballots: z.array(z.looseObject({ id: int, itemId: int, state: z.enum(['draft', 'open', 'closed', 'announced']) })),
  unpairedTerminals: z.array(z.looseObject({ pairingNumber: z.string(), address: z.string() })),
});

/** Outgoing frames other than `state` (cheap: checked on every send). */
const smallFrames = {
  welcome: z.object({ pairingNumber: z.string().regex(/^\d{4}$/), serverTime: z.string() }),
  'hello-ok': z.object({ role: z.enum(LIVE_ROLES), me: terminalMeSchema.optional() }),
  result: z.object({ id: frameIdSchema.nullable(), result: resultSchema }),
  me: z.object({ me: terminalMeSchema }),
  progress: z.object({ ballotId: int, voted: nonNeg, eligible: nonNeg }),
  'sheet-progress': z.object({ assessmentId: int, submitted: nonNeg, eligible: nonNeg }),
  changed: z.object({ parts: z.array(z.enum(CHANGE_PARTS)) }),
  paired: z.object({ token: z.string(), me: terminalMeSchema }),
  speakers: z.object({
    sessionId: int.nullable(),
    entries: z.array(
      z.looseObject({ id: int, itemId: int, memberId: int, name: z.string(), state: z.enum(SPEAKER_STATES), requestedAt: z.string(), calledAt: z.string().nullable(), doneAt: z.string().nullable() }),
    ),
  }),
  refusals: z.object({
    refusals: z
      .object({ count: int.min(1), bound: z.enum(CONNECTION_BOUNDS), limit: nonNeg, address: z.string(), since: z.string(), lastAt: z.string() })
      .nullable(),
  }),
  revoked: z.object({ reason: z.string(), sessionEnded: z.boolean().optional(), session: closedSession.optional() }),
  error: z.object({ error: appError }),
  pong: z.object({}),
} satisfies Record<Exclude<ServerFrameType, 'state'>, z.ZodType>;

/** Why an outgoing frame does not match the protocol, or null when it does. */
export function outgoingProblem(frame: ServerFrame): string | null {
  const { type, ...rest } = frame;
  const schema = type === 'state' ? null : smallFrames[type];
  if (!schema) return type === 'state' ? null : `unknown frame type ${JSON.stringify(type)}`;
  const r = schema.safeParse(rest);
  return r.success ? null : `${type}: ${describeIssues(r.error)}`;
}

/** Why a state does not match its role's schema, or null. `me` is the terminal's part, checked apart. */
export function stateProblem(role: 'public' | 'console' | 'me', state: unknown): string | null {
  if (state === null && role === 'console') return null;
  const schema = role === 'console' ? consoleStateSchema : role === 'me' ? terminalMeSchema : snapshotSchema;
  const r = schema.safeParse(state);
  return r.success ? null : `state(${role}): ${describeIssues(r.error)}`;
}

function describeIssues(e: z.ZodError): string {
  return e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ');
}

/** Parses a server frame on the client side: null when it is not an object with a string `type`. */
export function parseServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const v = JSON.parse(data) as unknown;
    if (v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string') return v as ServerFrame;
  } catch {
    /* not JSON: ignored */
  }
  return null;
}

/**
 * Applies a `state` frame to the state held: a terminal's state without `me` (its own part is
 * unchanged since the last it received) keeps the `me` held. Any other state replaces the held one.
 */
export function applyState<S>(held: S | null, next: S): S {
  if (next && typeof next === 'object' && !('me' in next) && held && typeof held === 'object' && 'me' in held) return { ...next, me: (held as { me: unknown }).me };
  return next;
}

/** Applies a progress frame to a state of any role; the same object when nothing changes. */
export function applyProgress<S extends LiveSnapshot>(state: S, f: ServerFrames['progress'] | ServerFrames['sheet-progress']): S {
  let next = state;
  if ('ballotId' in f) {
    if (state.ballot && state.ballot.id === f.ballotId) next = { ...next, ballot: { ...state.ballot, voted: f.voted, eligible: f.eligible } };
    const rows = (state as Partial<ConsoleState>).ballots;
    if (rows?.some((b) => b.id === f.ballotId)) {
      next = { ...next, ballots: rows.map((b) => (b.id === f.ballotId ? { ...b, voted: f.voted, eligible: f.eligible } : b)) } as S;
    }
  } else if (state.assessment && state.assessment.id === f.assessmentId) {
    next = { ...next, assessment: { ...state.assessment, submitted: f.submitted, eligible: f.eligible } };
  }
  return next;
}
