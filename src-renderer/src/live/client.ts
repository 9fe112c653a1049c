// What every page's live client offers (one per page, provided by LiveProvider): the latest view for
// its role, a typed cmd over the one command map, and the parts of each change for pages that keep
// their own data. Implemented by LiveSocket (WebSocket) and BridgeSource (Electron's preload bridge).
import type { CommandInput, CommandName, CommandOutput } from '../../../src-main/api/commands/index';
import type { ChangePart, ConnectionRefusals, Result, ServerFrames } from './protocol';

/** The live session's speaker queue (申请发言), as the last `speakers` frame gave it. */
export type SpeakerQueueView = ServerFrames['speakers'];

export interface LiveSnapshotView<S> {
  /** The socket is open and the server has greeted us. */
  connected: boolean;
  /** Has been connected once: "正在重新连接…" rather than "正在连接…". */
  everConnected: boolean;
  /** The latest state for this role (kept while reconnecting, replaced by the fresh one). */
  state: S | null;
  /** A state frame has arrived (the console's state is null while no session is open). */
  hasState: boolean;
  /** The number this connection shows so the secretary can bind it (terminals). */
  pairingNumber: string | null;
  /** Why the server dropped us, in Chinese (revoked seat, session ended, bad token…). */
  error: string | null;
  /** The server refuses this page's credential (console): said plainly, retried until accepted. */
  refused: string | null;
  /** The session this terminal belonged to has ended (闭会): its title. */
  ended: string | null;
  /** Connections keep failing and the meeting machine says it takes no more from here (its Chinese reason); null otherwise. */
  blocked: string | null;
  /** Console: the connections the meeting machine is refusing for its bound (`refusals` frames), null while none is. */
  refusals: ConnectionRefusals | null;
  /** A terminal that holds a seat token (paired); always true for other roles. */
  identified: boolean;
  /** Server clock minus this clock, in ms: for countdowns. */
  clockOffsetMs: number;
  /** The speaker queue of the live session (every item); null until the first `speakers` frame. */
  speakers: SpeakerQueueView | null;
}

export interface CmdOptions {
  /** Safe to repeat (e.g. terminal.vote with the same pressSeq): kept and resent after a reconnect. */
  resend?: boolean;
  /** Give up after this long without an answer (ignored when resend). Default 20 s. */
  timeoutMs?: number;
}

/** A typed command call: the name's input and output come from the command map. */
export type LiveCmd = <K extends CommandName>(name: K, input: CommandInput<K>, opts?: CmdOptions) => Promise<Result<CommandOutput<K>>>;

export interface LiveSource<S> {
  getSnapshot(): LiveSnapshotView<S>;
  subscribe(listener: () => void): () => void;
  /** Called with the parts of every change the server reports to this role (consoles). */
  onChange(listener: (parts: ChangePart[]) => void): () => void;
  cmd: LiveCmd;
  start(): void;
  stop(): void;
}

export const initialView = <S>(identified: boolean): LiveSnapshotView<S> => ({
  connected: false,
  everConnected: false,
  state: null,
  hasState: false,
  pairingNumber: null,
  error: null,
  refused: null,
  ended: null,
  blocked: null,
  refusals: null,
  identified,
  clockOffsetMs: 0,
  speakers: null,
});

/** A small listener set (the page's React hooks subscribe here). */
export class Listeners<A extends unknown[] = []> {
  private readonly set = new Set<(...args: A) => void>();
  add = (l: (...args: A) => void): (() => void) => {
    this.set.add(l);
    return () => this.set.delete(l);
  };
  emit(...args: A): void {
    for (const l of this.set) l(...args);
  }
}
