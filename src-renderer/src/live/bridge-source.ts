// The console inside Electron: the same frames arrive through the preload bridge (window.yishi.onEvent)
// and commands go through call(). No socket, so it is always "connected". Until the first event
// arrives (a main process that does not push events yet) it polls live.state once a second.
import type { YishiBridge } from '../api';
import { applyProgress, type ConsoleState, type Result, type ServerFrame } from './protocol';
import type { CmdOptions, LiveSnapshotView, LiveSource } from './socket';

export class BridgeSource implements LiveSource<ConsoleState> {
  private snapshot: LiveSnapshotView<ConsoleState> = {
    connected: true,
    everConnected: true,
    hasState: false,
    state: null,
    pairingNumber: null,
    error: null,
    identified: true,
    clockOffsetMs: 0,
  };
  private readonly listeners = new Set<() => void>();
  private off: (() => void) | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private eventsSeen = false;

  constructor(private readonly bridge: YishiBridge) {}

  getSnapshot = (): LiveSnapshotView<ConsoleState> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    this.off = this.bridge.onEvent?.((e) => this.onFrame(e as ServerFrame)) ?? null;
    void this.refresh();
    this.poll = setInterval(() => {
      if (!this.eventsSeen) void this.refresh();
    }, 1000);
  }

  stop(): void {
    this.off?.();
    this.off = null;
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }

  async cmd<T = unknown>(name: string, input: unknown, _opts?: CmdOptions): Promise<Result<T>> {
    const r = (await this.bridge.invoke(name, input)) as Result<T>;
    if (!this.eventsSeen && name !== 'live.state') void this.refresh();
    return r;
  }

  private async refresh(): Promise<void> {
    const r = await this.cmd<ConsoleState | null>('live.state', {});
    if (r.ok) this.update({ state: r.value, hasState: true, error: null });
    else this.update({ error: r.error.message });
  }

  private onFrame(f: ServerFrame): void {
    if (!f || typeof f !== 'object') return;
    if (f.type === 'state' || f.type === 'progress') this.eventsSeen = true;
    if (f.type === 'state') this.update({ state: f.state as ConsoleState, hasState: true });
    else if (f.type === 'progress' && this.snapshot.state) this.update({ state: applyProgress(this.snapshot.state, f) });
  }

  private update(patch: Partial<LiveSnapshotView<ConsoleState>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
