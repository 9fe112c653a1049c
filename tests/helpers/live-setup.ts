// The live session as most tests need it before their own steps: 开始会议 (live.open), members
// signed in by the secretary, 开始议程 (live.startBusiness); and terminals paired with their seat
// codes over the WebSocket, signed in from the terminal. Every step goes through the real commands.
import { TerminalClient } from '../../src-main/cli/terminal-client';
import type { Must } from './session-fixture';

export type AttendanceStatus = 'present' | 'leave' | 'left' | 'absent';

/** The secretary sets each member's attendance (签到 on their behalf, 请假, 离会…), one attendance.set each, in order. */
export async function markAttendance(must: Must, members: readonly ({ id: number } | number)[], status: AttendanceStatus = 'present'): Promise<void> {
  for (const m of members) await must('attendance.set', { memberId: typeof m === 'number' ? m : m.id, status });
}

/** 开始会议 of the session, its first `present` members marked present by the secretary, then 开始议程. */
export async function openAndStartBusiness(must: Must, session: { sessionId: number; members: readonly { id: number }[] }, present: number): Promise<void> {
  await must('live.open', { sessionId: session.sessionId });
  await markAttendance(must, session.members.slice(0, present));
  await must('live.startBusiness', {});
}

/** The member seat codes of the open session (seatCodes.list): a member's code by member id; throws for a member without one. */
export async function memberSeatCodes(must: Must): Promise<(memberId: number) => string> {
  const codes = await must<{ kind: string; id: number; code: string }[]>('seatCodes.list');
  return (memberId) => {
    const found = codes.find((c) => c.kind === 'member' && c.id === memberId);
    if (!found) throw new Error(`no seat code for member ${memberId}`);
    return found.code;
  };
}

export interface PairedTerminal {
  client: TerminalClient;
  /** The terminal token the pairing returned (what a tablet keeps to reconnect). */
  token: string;
}

/** A new terminal connected to `url` (from `localAddress` if given) and paired with the seat code; a refusal is thrown with its code. */
export async function pairWithCode(url: string, code: string, opts: { localAddress?: string } = {}): Promise<PairedTerminal> {
  const client = await TerminalClient.connect(url, opts);
  const r = await client.cmd('terminal.pair', { code });
  if (!r.ok) throw new Error(`terminal.pair: ${r.error.code} ${r.error.message}`);
  return { client, token: r.value.token };
}

/** Signs the paired terminal in (签到 from the terminal); a refusal is thrown with its code. */
export async function signIn(client: TerminalClient): Promise<void> {
  const r = await client.cmd('terminal.signIn');
  if (!r.ok) throw new Error(`terminal.signIn: ${r.error.code} ${r.error.message}`);
}

/** For each member in order: a terminal paired with their seat code of the open session and signed in. */
export async function pairAndSignIn(must: Must, url: string, members: readonly { id: number }[]): Promise<TerminalClient[]> {
  const codeOf = await memberSeatCodes(must);
  const clients: TerminalClient[] = [];
  for (const m of members) {
    const { client } = await pairWithCode(url, codeOf(m.id));
    await signIn(client);
    clients.push(client);
  }
  return clients;
}
