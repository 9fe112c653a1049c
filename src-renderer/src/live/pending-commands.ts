// The commands a page's live socket has in flight (socket.ts): each with its id, sent once the link is
// ready, settled by its `result` frame, or refused in Chinese when the meeting machine does not answer
// in time or the link drops after it was sent; a command safe to repeat (resend) is kept and sent again
// after a reconnect.
import type { CmdOptions } from './client';
import type { ClientFrame, Result } from './protocol';

interface Pending {
  id: number;
  name: string;
  input: unknown;
  opts: CmdOptions;
  sent: boolean;
  resolve: (r: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

const failure = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

export class PendingCommands {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `transmit` sends a frame on the link, false when it is not open. */
  constructor(private readonly transmit: (frame: ClientFrame) => boolean) {}

  /** A new command, sent at once when the link is `ready` (else on sendUnsent). */
  add(name: string, input: unknown, opts: CmdOptions, ready: boolean): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      const p: Pending = { id: this.nextId++, name, input, opts, sent: false, resolve, timer: null };
      if (!opts.resend) p.timer = setTimeout(() => this.settle(p, failure('会议主机没有应答，请检查网络后重试')), opts.timeoutMs ?? 20_000);
      this.pending.set(p.id, p);
      if (ready) this.send(p);
    });
  }

  /** A `result` frame: the command with that id (if still waiting) gets it. */
  answer(id: unknown, r: Result<unknown>): void {
    const p = typeof id === 'number' ? this.pending.get(id) : undefined;
    if (p) this.settle(p, r);
  }

  /** The link is ready: what has not been sent yet goes now. */
  sendUnsent(): void {
    for (const p of this.pending.values()) if (!p.sent) this.send(p);
  }

  /** The link dropped: a command safe to repeat waits to be sent again, one already sent otherwise fails. */
  linkLost(): void {
    for (const p of this.pending.values()) {
      if (p.opts.resend) p.sent = false;
      else if (p.sent) this.settle(p, failure('与会议主机的连接已断开，请稍后重试'));
    }
  }

  /** The socket is stopped: every command still waiting fails. */
  failAll(): void {
    for (const p of this.pending.values()) this.settle(p, failure('连接已关闭'));
  }

  private send(p: Pending): void {
    if (this.transmit({ type: 'cmd', id: p.id, name: p.name, input: p.input as Record<string, unknown> })) p.sent = true;
  }

  private settle(p: Pending, r: Result<unknown>): void {
    if (!this.pending.delete(p.id)) return;
    if (p.timer) clearTimeout(p.timer);
    p.resolve(r);
  }
}
