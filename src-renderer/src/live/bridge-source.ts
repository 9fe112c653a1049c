// The console inside Electron: the hub's frames arrive through the preload bridge
// (window.yishi.onEvent, pushed by electron/console-events.ts) and commands go through call().
// There is no socket, so it is always "connected"; it reads live.state once at the start and then
// follows the pushed frames: no polling (the connections refused for the bound likewise: live.connectionRefusals, then `refusals` frames).
import { adminRefusals, call, type YishiBridge } from '../api';
import { initialView, Listeners, type LiveCmd, type LiveSnapshotView, type LiveSource } from './client';
import { applyProgress, type ChangePart, type ConsoleState, type ServerFrame } from './protocol';

export class BridgeSource implements LiveSource<ConsoleState | null> {
  private snapshot: LiveSnapshotView<ConsoleState | null> = { ...initialView<ConsoleState | null>(true), connected: true, everConnected: true };
  private readonly listeners = new Listeners();
  private readonly changes = new Listeners<[ChangePart[]]>();
  private off: (() => void) | null = null;
  private offRefusals: (() => void) | null = null;
  /** A pushed state arrived: the first read is not needed any more (and must not overwrite it). */
  private pushed = false;
  private refusalsPushed = false;

  constructor(private readonly bridge: YishiBridge) {}

  getSnapshot = (): LiveSnapshotView<ConsoleState | null> => this.snapshot;
  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);
  onChange = (listener: (parts: ChangePart[]) => void): (() => void) => this.changes.add(listener);

  start(): void {
    this.off = this.bridge.onEvent?.((e) => this.onFrame(e as ServerFrame)) ?? null;
    this.offRefusals = adminRefusals.add((message) => this.update({ refused: message }));
    void call('live.state', {}).then((r) => {
      if (this.pushed) return;
      if (r.ok) this.update({ state: r.value, hasState: true, error: null });
      else this.update({ error: r.error.message });
      const sessionId = r.ok ? (r.value?.session?.id ?? null) : null;
      // The speaker queue as it is now; later `speakers` frames replace it.
      if (sessionId !== null) void call('speakers.list', {}).then((q) => q.ok && !this.snapshot.speakers && this.update({ speakers: { sessionId, entries: q.value } }));
    });
    // The connections refused now; later `refusals` frames replace it.
    void call('live.connectionRefusals', {}).then((r) => r.ok && !this.refusalsPushed && this.update({ refusals: r.value.refusals }));
  }

  stop(): void {
    this.off?.();
    this.offRefusals?.();
    this.off = null;
  }

  cmd: LiveCmd = (name, input) => call(name, input);

  private onFrame(f: ServerFrame): void {
    if (!f || typeof f !== 'object') return;
    if (f.type === 'state') {
      this.pushed = true;
      this.update({ state: f.state as ConsoleState | null, hasState: true });
    } else if ((f.type === 'progress' || f.type === 'sheet-progress') && this.snapshot.state) {
      this.update({ state: applyProgress(this.snapshot.state, f) });
    } else if (f.type === 'changed') this.changes.emit(f.parts);
    else if (f.type === 'speakers') this.update({ speakers: { sessionId: f.sessionId, entries: f.entries } });
    else if (f.type === 'refusals') {
      this.refusalsPushed = true;
      this.update({ refusals: f.refusals });
    }
  }

  private update(patch: Partial<LiveSnapshotView<ConsoleState | null>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.emit();
  }
}
