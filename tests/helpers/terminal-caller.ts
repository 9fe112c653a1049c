// A paired terminal of the live session as a dispatcher caller, for tests that call commands in
// process: the terminal row exists (every terminal call checks it), as after pairing on a tablet.
import type { Caller } from '../../src-main/api/command';
import type { Core } from '../../src-main/app/core';
import { pairTerminal } from '../../src-main/meeting/pairing';

export function pairedCaller(core: Core, seat: { memberId?: number; attendeeId?: number }): Caller {
  const who = { actor: '会务工作人员', source: 'test' };
  const sessionId = core.engine.requireLive().id;
  const target = { memberId: seat.memberId ?? null, attendeeId: seat.attendeeId ?? null };
  const { binding } = core.store.change(who, () => pairTerminal(core.store, who, sessionId, target, 'console', 'test'));
  return { kind: 'terminal', source: `test:${binding.terminalId}`, ...binding };
}

/** Pairs a terminal for each member and signs them in (the live session is open): their callers, in order. */
export async function signInPaired(core: Core, memberIds: number[]): Promise<Caller[]> {
  const callers: Caller[] = [];
  for (const memberId of memberIds) {
    const t = pairedCaller(core, { memberId });
    const r = await core.dispatch('terminal.signIn', {}, t);
    if (!r.ok) throw new Error(`terminal.signIn: ${r.error.code} ${r.error.message}`);
    callers.push(t);
  }
  return callers;
}
