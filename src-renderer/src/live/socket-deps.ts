// What a page's live socket (socket.ts) needs of the browser, and where the browser gives it: the
// WebSocket to /ws on the page's host, the console's credential and command call, the page events that
// mean "check the link now", and the HTTP probe that asks why connections are refused. Tests pass
// fakes (tests/unit/live-client.test.ts).
import { adminToken, call } from '../api';
import type { Result } from './protocol';
import { refusalProbe } from './refusal-probe';

/** What LiveSocket needs of a WebSocket (the browser's, or a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
}

export interface LiveSocketDeps {
  createSocket: (url: string) => SocketLike;
  /** The console's admin credential (sessionStorage in the browser). */
  consoleToken: () => string;
  /** How the console runs commands (HTTP or the Electron bridge). */
  consoleCall: (name: string, input: unknown) => Promise<Result<unknown>>;
  /** Page events that mean "check the link now" (back online, tab visible again). */
  watchWakeUp: (wake: () => void) => () => void;
  /**
   * After connections that failed before any greeting: asks the meeting machine over HTTP (GET /ws)
   * whether it refuses sockets from here, since a browser's WebSocket never sees the 503. Its Chinese
   * reason, or null (accepting, or not reachable at all).
   */
  probe: () => Promise<string | null>;
}

export function liveSocketUrl(): string {
  const proto = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${proto}://${window.location.host}/ws`;
}

export const browserDeps = (): LiveSocketDeps => ({
  createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
  consoleToken: () => adminToken() ?? '',
  consoleCall: (name, input) => call(name as never, input as never) as Promise<Result<unknown>>,
  probe: refusalProbe,
  watchWakeUp: (wake) => {
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
    };
  },
});
