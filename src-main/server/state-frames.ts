// The `state` frames of one broadcast: the snapshot every seat shares is checked against the
// protocol and serialized once, every terminal adds only its own small `me` (checked for one
// terminal per broadcast: they all have the same shape), and each terminal's state is built as the
// complete bytes of its WebSocket frame (textFrame). A terminal whose `me` has not changed since the
// last it received gets the shared frame itself, without `me` (docs/terminal-protocol.md): for an
// announced result, one buffer written to every socket.
import type { MeetingEngine } from '../meeting/engine';
import type { TerminalBinding } from '../meeting/pairing';
import type { ConsoleState, TerminalMe } from '../meeting/types';
import { consoleState, liveSnapshot, meLookup, terminalMe, type MeLookup } from '../meeting/views';
import { stateProblem } from '../shared/protocol';
import { lastClosedSession } from './closed-session';

export type Snapshot = ReturnType<typeof liveSnapshot>;

const FRAME_END = Buffer.from('}}');
const STATE_HEAD = Buffer.from('{"type":"state","state":');
const FRAME_CLOSE = Buffer.from('}');

/**
 * Whether two of a terminal's own parts say the same: every field equal, the recorded vote by its
 * ballot and choice (fields are plain values or one level of them, see TerminalMe).
 */
export function sameMe(a: TerminalMe, b: TerminalMe): boolean {
  const ka = Object.keys(a) as (keyof TerminalMe)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    const kx = Object.keys(x);
    if (kx.length !== Object.keys(y).length || kx.some((f) => (x as Record<string, unknown>)[f] !== (y as Record<string, unknown>)[f])) return false;
  }
  return true;
}

/**
 * One unmasked, unfragmented WebSocket text frame (RFC 6455 §5.2) of head + middle + tail, in one
 * buffer: the bytes ws would write for `send(text)` on this server (no compression), built without
 * its header buffer, the concatenation and the two-part write.
 */
export function textFrame(head: Buffer, middle: string, tail: Buffer): Buffer {
  const length = head.length + Buffer.byteLength(middle) + tail.length;
  const headerLength = length > 0xffff ? 10 : length > 125 ? 4 : 2;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, text
  if (headerLength === 2) frame[1] = length;
  else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  let at = headerLength + head.copy(frame, headerLength);
  at += frame.write(middle, at);
  tail.copy(frame, at);
  return frame;
}

export class StateFrames {
  private sharedJson = new WeakMap<object, string>();
  private sharedFrames = new WeakMap<object, Buffer>();
  private terminalHeads = new WeakMap<object, Buffer>();
  private lookups = new WeakMap<object, MeLookup>();
  private checkedMe = new WeakSet<object>();

  constructor(
    private readonly engine: MeetingEngine,
    private readonly reportProblem: (problem: string) => void,
  ) {}

  /**
   * A terminal's state: the shared snapshot plus its own "me" (see views.terminalState), as the bytes
   * of its WebSocket frame: the snapshot's part is encoded once per broadcast, only `me` per terminal.
   * `broadcast`: this state goes to every terminal, so the members' seats and choices are read once for all.
   * `last`: the `me` this terminal holds; when the new one is the same, the frame is the shared one
   * without `me` (the terminal keeps its own), and `me` is `last` itself.
   */
  terminal(base: Snapshot, binding: TerminalBinding, broadcast = false, last: TerminalMe | null = null): { frame: Buffer; me: TerminalMe } {
    const me = terminalMe(this.engine, binding, base.focus, this.lookupFor(base, broadcast));
    if (!this.checkedMe.has(base)) {
      this.checkedMe.add(base);
      this.check('me', me);
    }
    if (last && sameMe(last, me)) return { frame: this.sharedFrame(base), me: last };
    let head = this.terminalHeads.get(base);
    if (!head) this.terminalHeads.set(base, (head = Buffer.concat([STATE_HEAD, Buffer.from(`${this.snapshotJson(base).slice(0, -1)},"me":`)])));
    return { frame: textFrame(head, JSON.stringify(me), FRAME_END), me };
  }

  /**
   * The big screen's state: the shared snapshot (with the session that closed last when none is
   * open), as the bytes of its WebSocket frame, built once per broadcast. The same frame goes to
   * every terminal whose own part has not changed.
   */
  sharedFrame(base: Snapshot): Buffer {
    let frame = this.sharedFrames.get(base);
    if (!frame) this.sharedFrames.set(base, (frame = textFrame(STATE_HEAD, this.snapshotJson(base), FRAME_CLOSE)));
    return frame;
  }

  console(unpaired: ConsoleState['unpairedTerminals']): string {
    const state = consoleState(this.engine, unpaired);
    this.check('console', state);
    return JSON.stringify({ type: 'state', state });
  }

  private check(role: 'public' | 'console' | 'me', state: unknown): void {
    const problem = stateProblem(role, state);
    if (problem) this.reportProblem(problem);
  }

  private lookupFor(base: Snapshot, broadcast: boolean): MeLookup {
    let l = this.lookups.get(base);
    if (!l || (broadcast && !l.seats)) this.lookups.set(base, (l = meLookup(this.engine, base.session?.id ?? null, base.focus, broadcast)));
    return l;
  }

  private snapshotJson(base: Snapshot): string {
    let json = this.sharedJson.get(base);
    if (json === undefined) {
      const { focus: _focus, ...snapshot } = base;
      const shared = snapshot.session ? snapshot : { ...snapshot, closedSession: lastClosedSession(this.engine.store) };
      this.check('public', shared); // once per broadcast, not per terminal
      this.sharedJson.set(base, (json = JSON.stringify(shared)));
    }
    return json;
  }
}
