// The console's data-integrity notice (store/integrity.ts): what was found at startup, and the
// secretary's acknowledgement, which is audited and lets business start.
import { z } from 'zod';
import type { IntegrityNotice } from '../../store/integrity';
import { command } from '../command';

export const integrityCommands = {
  'integrity.status': command({
    access: ['admin'],
    input: z.object({}),
    run: ({ services }): { pending: IntegrityNotice | null } => ({ pending: services.integrity?.notice ?? null }),
  }),
  'integrity.acknowledge': command({
    access: ['admin'],
    input: z.object({}),
    run: ({ services, who }): { pending: null } => {
      services.integrity?.acknowledge(who);
      return { pending: null };
    },
  }),
};
