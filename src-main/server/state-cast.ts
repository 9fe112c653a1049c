// The `state` and `progress` frames to every connected client (server/ws-hub.ts holds the sockets):
// changes are coalesced into one state per client, at most one every STATE_DELAY_MS, and progress is
// throttled to the screens. A terminal's state leaves as one prebuilt WebSocket frame written straight
// to its TCP socket (StateFrames.terminal): for three thousand terminals the broadcast is then one
// write per socket and nothing else. A change that says it leaves every terminal's own part as it is
// (an announcement: ChangeScope.ownPartsUnchanged) does not even build those parts to compare them.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { TerminalBinding } from '../meeting/pairing';
import type { TerminalMe } from '../meeting/types';
import type { LiveRole, ServerFrame } from '../shared/protocol';
import type { StateFrames, Snapshot } from './state-frames';

const STATE_DELAY_MS = 50;
const PROGRESS_DELAY_MS = 200;

/** What the cast needs of a connection (ws-hub's Client). */
export interface CastClient {
  ws: WebSocket;
  /** The TCP socket under ws. */
  socket: Duplex;
  role: 'guest' | LiveRole;
  binding: TerminalBinding | null;
  me: TerminalMe | null;
}

/** A terminal's state frame and the `me` it carries. */
export type OwnState = ReturnType<StateFrames['terminal']>;

export interface CastHost<C extends CastClient> {
  clients(): Iterable<C>;
  unpaired(): Parameters<StateFrames['console']>[0];
  /** The public snapshot as it stands now, shared until the next change (server/live-cache.ts). */
  snapshot(): Snapshot;
  send(c: C, frame: ServerFrame): void;
  guarded(handler: () => void): void;
}

export class StateCast<C extends CastClient> {
  private stateTimer: NodeJS.Timeout | null = null;
  private progressTimer: NodeJS.Timeout | null = null;
  private pendingAll = false;
  /** Every change pending for all clients says no terminal's own part changed (ChangeScope.ownPartsUnchanged). */
  private pendingKeepsMe = false;
  private lastStateAt = -Infinity;

  constructor(
    private readonly frames: StateFrames,
    private readonly host: CastHost<C>,
  ) {}

  /**
   * `broadcast`: the same snapshot goes to every client now (see StateFrames.terminal), and a
   * terminal whose own part is unchanged gets the shared frame without it (it keeps the `me` it
   * holds: the first state after identifying always carries `me`). `keepsMe` (a broadcast after
   * changes that all leave `me` as it is): a terminal holding its `me` gets the shared frame without
   * its part being built. A frame is complete WebSocket bytes written to the socket itself: ws
   * sends every frame of this server synchronously (no compression, no Blobs), so frames never
   * interleave.
   */
  sendState(c: C, base: Snapshot, broadcast = false, keepsMe = false, own?: OwnState): void {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (c.role === 'terminal' && c.binding && keepsMe && c.me) c.socket.write(this.frames.sharedFrame(base));
    else if (c.role === 'terminal' && c.binding) {
      const { frame, me } = own ?? this.frames.terminal(base, c.binding, broadcast, broadcast ? c.me : null);
      c.me = me;
      c.socket.write(frame);
    } else if (c.role === 'display') c.socket.write(this.frames.sharedFrame(base));
    else if (c.role === 'console') c.ws.send(this.frames.console(this.host.unpaired()));
  }

  /**
   * A terminal's first state (as it pairs or says hello), built before it is sent so that the `me`
   * of the answer that precedes it is the same one: pass it to sendState.
   */
  ownState(base: Snapshot, binding: TerminalBinding): OwnState {
    return this.frames.terminal(base, binding);
  }

  /**
   * Coalesces changes into one state per client, at most one every STATE_DELAY_MS: a change after a
   * quiet moment is sent at once (the changes of the same turn together), a burst waits for the rest
   * of the interval. `consoleOnly` refreshes just the console(s). `ownPartsUnchanged`: this change
   * leaves every terminal's `me` as it is (an announcement); if all changes of the interval say so,
   * a terminal holding its `me` is written the shared frame without its own part being built.
   */
  schedule(consoleOnly: boolean, ownPartsUnchanged = false): void {
    if (!consoleOnly) {
      this.pendingKeepsMe = (this.pendingAll ? this.pendingKeepsMe : true) && ownPartsUnchanged;
      this.pendingAll = true;
    }
    if (this.stateTimer) return;
    this.stateTimer = setTimeout(
      () => {
        this.stateTimer = null;
        this.lastStateAt = performance.now();
        const all = this.pendingAll;
        const keepsMe = all && this.pendingKeepsMe;
        this.pendingAll = false;
        this.pendingKeepsMe = false;
        this.host.guarded(() => {
          const targets = all ? [...this.host.clients()] : [...this.host.clients()].filter((c) => c.role === 'console');
          if (targets.length === 0) return; // a press with no console connected builds nothing
          const base = this.host.snapshot();
          for (const c of targets) this.sendState(c, base, all, keepsMe);
        });
      },
      Math.max(0, this.lastStateAt + STATE_DELAY_MS - performance.now()),
    );
  }

  scheduleProgress(): void {
    if (this.progressTimer) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null;
      this.host.guarded(() => this.sendProgress());
    }, PROGRESS_DELAY_MS);
  }

  stop(): void {
    for (const t of [this.stateTimer, this.progressTimer]) if (t) clearTimeout(t);
  }

  private sendProgress(): void {
    // Only the screens follow the count: terminals learn the totals at close, which keeps a
    // thousand-terminal ballot from spending its time on progress frames.
    const watchers = [...this.host.clients()].filter((c) => c.role === 'console' || c.role === 'display');
    if (watchers.length === 0) return;
    const base = this.host.snapshot();
    const frames: ServerFrame[] = [];
    if (base.ballot) frames.push({ type: 'progress', ballotId: base.ballot.id, voted: base.ballot.voted, eligible: base.ballot.eligible });
    if (base.assessment) frames.push({ type: 'sheet-progress', assessmentId: base.assessment.id, submitted: base.assessment.submitted, eligible: base.assessment.eligible });
    for (const c of watchers) {
      if (c.role === 'console') this.sendState(c, base);
      else for (const f of frames) this.host.send(c, f);
    }
  }
}
