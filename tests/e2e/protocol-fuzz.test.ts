// Property-based fuzzing of the live protocol against the real headless server process: arbitrary
// JSON frames (objects with non-callable toString/valueOf, prototype keys, huge numbers, long strings,
// deep nesting) in every field, before and after hello, for the terminal, display and console roles.
// The server never stops, every frame is answered (an error code, or a close with 1009 when too big),
// and the database is unchanged: the same row count in every table, and `verify` passes.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient, type Frame } from '../../src-main/cli/terminal-client';
import { CLOSE_TOO_BIG, MAX_FRAME_BYTES } from '../../src-main/shared/protocol';
import { ERROR_CODES } from '../../src-main/shared/result';
import { ROOT, startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16 } from '../helpers/session-fixture';
import { pairWithCode, signIn } from '../helpers/live-setup';

let server: ServeProcess;
let terminalToken = '';
let before: Record<string, number>;

const wsUrl = () => `ws://127.0.0.1:${server.port}/ws`;
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

function rowCounts(): Record<string, number> {
  const db = new Database(path.join(server.dataDir, 'yishi.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServe();
  const s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  const codes = await server.must<{ kind: string; id: number; code: string }[]>('seatCodes.list');
  const { client, token } = await pairWithCode(wsUrl(), codes.find((c) => c.kind === 'member')!.code);
  terminalToken = token;
  await signIn(client);
  await client.close();
  before = rowCounts();
});

afterAll(async () => {
  await server?.stop();
});

// Values that have broken servers: objects whose toString/valueOf are not functions, prototype
// keys, numbers past every limit, long and odd strings, deep nesting. `HUGE` and `PROTO` are
// placeholders put into the text after JSON.stringify (JSON.stringify cannot write them).
const PROTO_KEY = '__PROTO_KEY__';
const HUGE = '__HUGE_NUMBER__';
const nasty = fc.constantFrom<unknown>(
  { toString: 1 },
  { valueOf: 1 },
  { toString: {}, valueOf: {}, toJSON: 1 },
  { [PROTO_KEY]: { type: 'cmd', toString: 1 } },
  { constructor: { prototype: { toString: 1 } } },
  { hasOwnProperty: 1, __defineGetter__: 1 },
  [],
  [{ toString: 1 }],
  null,
  true,
  -1,
  0.5,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  HUGE,
  '',
  '\u0000',
  '\ud800',
  'x'.repeat(20_000),
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
);
const anyValue = fc.oneof(nasty, fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 40 }));
const COMMAND_NAMES = {
  // Names whose input no arbitrary value makes both valid and changing (no open ballot or sheet).
  terminal: ['terminal.state', 'terminal.remarks', 'terminal.vote', 'terminal.submitSheet', 'terminal.withdrawRemark', 'terminal.pair'],
  display: ['live.terminalInfo', 'live.state', 'terminal.vote'],
  console: ['live.state', 'sessions.list', 'sessions.get', 'ballots.get', 'seatCodes.list', 'seatCodes.lockout', 'system.info'],
  guest: ['terminal.pair', 'terminal.vote', 'live.state'],
} as const;
type Role = keyof typeof COMMAND_NAMES;

const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 2, arbitrary: good }, { weight: 3, arbitrary: anyValue });

function frameText(role: Role): fc.Arbitrary<string> {
  const structured = fc
    .record(
      {
        type: field(fc.constantFrom('hello', 'cmd', 'ping')),
        id: field(fc.oneof(fc.nat(), fc.string({ minLength: 1, maxLength: 10 }))),
        name: field(fc.constantFrom(...COMMAND_NAMES[role], '__proto__', 'constructor', 'hasOwnProperty', 'no.such')),
        input: field(fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 4 })),
        role: field(fc.constantFrom('terminal', 'display', 'console')),
        token: field(fc.string({ maxLength: 60 })),
        [PROTO_KEY]: anyValue,
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o));
  return fc
    .oneof(
      { weight: 6, arbitrary: structured },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '',
          '{',
          '{"type":',
          '{"type":{"toString":1}}',
          '{"type":"cmd","id":{"valueOf":1},"name":{"toString":1}}',
          '{"type":"hello","role":{"toString":1},"token":{"toString":1}}',
          '{"type":"cmd","id":1e400,"name":"live.state"}',
          deep(3000),
          `{"type":"cmd","id":1,"name":"terminal.vote","input":${deepObject(2000)}}`,
          `{"type":"cmd","id":2,"name":"terminal.vote","input":{"__proto__":{"ballotId":1,"choice":"yes","pressSeq":1}}}`,
        ),
      },
    )
    .map((text) => text.replaceAll(`"${PROTO_KEY}"`, '"__proto__"').replaceAll(`"${HUGE}"`, '1e400'));
}

const oversized = fc.nat({ max: 4096 }).map((n) => JSON.stringify({ type: 'cmd', id: 1, name: 'live.state', input: { pad: 'x'.repeat(MAX_FRAME_BYTES + n) } }));

/** A socket in the given role: hello said (and answered) for the three roles, silent as a guest. */
async function socketAs(role: Role): Promise<TerminalClient> {
  const t = await TerminalClient.connect(wsUrl());
  await t.waitFor((f) => f.type === 'welcome', 5000, true);
  if (role === 'guest') return t;
  const answer = await t.hello(role, role === 'terminal' ? terminalToken : role === 'console' ? server.adminToken : undefined);
  expect(answer.type, JSON.stringify(answer)).toBe('hello-ok');
  return t;
}

let sentinel = 0;
/** Sends a frame, then a ping with a known id; returns what the server answered before the pong. */
async function exchange(t: TerminalClient, text: string): Promise<{ answers: Frame[]; closed: number | null }> {
  const from = t.frames.length;
  t.send(text);
  const mark = `sentinel-${++sentinel}`;
  const closed = t.closed.then((c) => c.code);
  t.send({ type: 'cmd', id: mark, name: 'no.such.command', input: {} });
  // (a socket that closes instead never answers: its waits end quietly)
  const done = t.waitFor((f) => f.type === 'result' && f.id === mark, 10_000).then(() => null, () => null);
  let code = await Promise.race([done, closed]);
  // Commands are answered when they finish, not in order: a valid command may answer after the
  // sentinel (ids exist for that), so wait for its own result too.
  const own = commandId(text);
  const answered = () => t.frames.slice(from).some((f) => f.type === 'result' && f.id === own);
  if (code === null && own !== undefined && !answered()) {
    code = await Promise.race([t.waitFor((f) => f.type === 'result' && f.id === own, 10_000).then(() => null, () => null), closed]);
  }
  const answers = t.frames.slice(from).filter((f) => !(f.type === 'result' && f.id === mark));
  return { answers, closed: code };
}

/** The id of a well-formed command frame (whose result must come), else undefined. */
function commandId(text: string): string | number | undefined {
  const f = safeParse(text);
  if (!f || typeof f !== 'object' || Array.isArray(f)) return undefined;
  const frame = f as Record<string, unknown>;
  return frame.type === 'cmd' && !hasWrongKind(frame) ? (frame.id as string | number) : undefined;
}

const isErrorAnswer = (f: Frame) =>
  (f.type === 'error' && ERROR_CODES.includes(f.error.code)) || (f.type === 'result' && !f.result.ok && ERROR_CODES.includes(f.result.error.code));
const isAnswer = (f: Frame) => isErrorAnswer(f) || f.type === 'result' || f.type === 'pong' || f.type === 'hello-ok';

describe('the live protocol under arbitrary frames', () => {
  for (const role of ['guest', 'terminal', 'display', 'console'] as const) {
    it(`answers every frame ${role === 'guest' ? 'before hello' : `after hello as ${role}`}, and keeps serving`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(frameText(role), { minLength: 1, maxLength: 4 }), async (texts) => {
          const t = await socketAs(role);
          try {
            for (const text of texts) {
              const { answers, closed } = await exchange(t, text);
              if (closed !== null) {
                // Only a frame too big for the protocol closes the socket, with the documented code.
                expect(closed).toBe(CLOSE_TOO_BIG);
                expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_FRAME_BYTES);
                return;
              }
              expect(answers.some(isAnswer), `no answer to ${text.slice(0, 200)}: ${JSON.stringify(answers).slice(0, 300)}`).toBe(true);
              // A frame with a field of the wrong kind is refused with a code, never run.
              const frame = safeParse(text);
              if (frame && typeof frame === 'object' && !Array.isArray(frame) && hasWrongKind(frame as Record<string, unknown>)) {
                expect(answers.some(isErrorAnswer), `not refused: ${text.slice(0, 200)}`).toBe(true);
              }
            }
          } finally {
            if (t.ws.readyState === t.ws.OPEN) await t.close();
          }
        }),
        { numRuns: 60 },
      );
      expect(server.proc.exitCode).toBeNull();
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    });
  }

  it('closes the socket of a frame above 64 KiB with 1009, for every role', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Role>('guest', 'terminal', 'display', 'console'), oversized, async (role, text) => {
        const t = await socketAs(role);
        const { closed } = await exchange(t, text);
        expect(closed).toBe(CLOSE_TOO_BIG);
      }),
      { numRuns: 8 },
    );
  });

  it('changed nothing: the same rows in every table, the audit log verifies, nothing unexpected was logged', async () => {
    expect(server.proc.exitCode).toBeNull();
    expect(rowCounts()).toEqual(before);
    expect(server.output()).not.toMatch(/未预期的错误|未处理的异步错误|\[protocol\]|unexpected error/);
    await server.stop();
    const out = execFileSync(process.execPath, [path.join(ROOT, 'out/main/verify.js'), '--data-dir', server.dataDir], { encoding: 'utf8' });
    expect(out).toMatch(/审计日志完整/);
  });
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A field the protocol types, holding a value of another kind (checked without calling anything on it). */
function hasWrongKind(f: Record<string, unknown>): boolean {
  const str = (v: unknown) => typeof v === 'string';
  if (!str(f.type)) return true;
  if (f.type === 'hello') return !(str(f.role) && ['terminal', 'display', 'console'].includes(f.role as string)) || (f.token !== undefined && !str(f.token));
  if (f.type === 'cmd') {
    const idOk = (typeof f.id === 'number' && Number.isSafeInteger(f.id) && f.id >= 0) || (str(f.id) && (f.id as string).length > 0 && (f.id as string).length <= 64);
    const inputOk = f.input === undefined || (f.input !== null && typeof f.input === 'object' && !Array.isArray(f.input));
    return !idOk || !str(f.name) || !inputOk;
  }
  return false;
}
