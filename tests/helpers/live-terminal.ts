// The real server (HTTP and WebSocket) with session 16 open and the first member's terminal paired
// over the WebSocket: for tests that send the same input through the admin edge and a terminal's.
import { startServer, type RunningServer } from '../../src-main/app/server';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { adminCalls, type AdminCore } from './admin-core';
import { tempDataDir } from './server';
import { prepareSession16, type Session16 } from './session-fixture';

export interface LiveWithTerminal extends Pick<AdminCore, 'call' | 'must'> {
  running: RunningServer;
  s16: Session16;
  terminal: TerminalClient;
  /** The audit log's length: a refused input changes nothing. */
  audit: () => number;
  close: () => Promise<void>;
}

/** `present`: members signed in and business started (needed by ballots and resolutions). */
export async function openLiveWithTerminal(prefix: string, opts: { present?: number } = {}): Promise<LiveWithTerminal> {
  const running = await startServer({ dataDir: tempDataDir(prefix), port: 0, host: '127.0.0.1', staticDir: null });
  const { call, must } = adminCalls(running.core);
  const s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
  if (opts.present) {
    for (const m of s16.members.slice(0, opts.present)) await must('attendance.set', { memberId: m.id, status: 'present' });
    await must('live.startBusiness', {});
  }
  const codes: { kind: string; id: number; code: string }[] = await must('seatCodes.list');
  const terminal = await TerminalClient.connect(`ws://127.0.0.1:${running.port}/ws`);
  const r = await terminal.cmd('terminal.pair', { code: codes.find((c) => c.kind === 'member' && c.id === s16.members[0]!.id)!.code });
  if (!r.ok) throw new Error(r.error.message);
  const audit = () => (running.core.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const close = async () => {
    await terminal.close();
    await running.close();
  };
  return { running, s16, terminal, call, must, audit, close };
}
