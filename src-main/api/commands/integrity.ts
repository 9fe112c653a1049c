// The console's data-integrity notice (store/integrity.ts): what was found at startup, and the
// secretary's acknowledgement, which is audited and lets business start. Beside it, the file rebuild
// a migration asked for that could not run at this start (store/file-rebuild.ts): told until a start
// performs it.
import { z } from 'zod';
import type { RebuildPending } from '../../store/file-rebuild';
import type { IntegrityNotice } from '../../store/integrity';
import { command } from '../command';

export const integrityCommands = {
  'integrity.status': command({
    access: ['admin'],
    input: z.object({}),
    run: ({ services }): { pending: IntegrityNotice | null } => ({ pending: services.integrity?.notice ?? null }),
  }),
  'integrity.rebuild': command({
    access: ['admin'],
    input: z.object({}),
    run: ({ store }): { pending: RebuildPending | null } => ({ pending: store.rebuildPending }),
  }),
  'integrity.acknowledge': command({
    access: ['admin'],
    input: z.object({}),
    run: ({ services, who }): { pending: null } => {
      services.integrity?.acknowledge(who);
      services.engine?.rounds.holdLifted(); // a round held past its time now waits for the secretary: its row says so
      return { pending: null };
    },
  }),
};
