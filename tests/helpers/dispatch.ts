// Commands called in process through the core's dispatcher, as the console or a terminal would.
import type { Caller } from '../../src-main/api/command';
import type { Core } from '../../src-main/app/core';

export const ADMIN: Caller = { kind: 'admin', source: 'test' };

/** `core` is read at each call (tests create it in beforeAll). */
export function commandsOf(core: () => Core) {
  const call = (name: string, input: unknown = {}, caller: Caller = ADMIN) => core().dispatch(name, input, caller);
  return {
    call,
    /** The value, or a thrown Error naming the code and the message. */
    must: async (name: string, input: unknown = {}, caller: Caller = ADMIN): Promise<any> => {
      const r = await call(name, input, caller);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    /** 'ok', or "CODE message". */
    outcome: async (name: string, input: unknown = {}, caller: Caller = ADMIN): Promise<string> => {
      const r = await call(name, input, caller);
      return r.ok ? 'ok' : `${r.error.code} ${r.error.message}`;
    },
  };
}
