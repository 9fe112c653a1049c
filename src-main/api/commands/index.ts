// The whole command map. Each area keeps its commands in its own file; this only joins them.
import type { z } from 'zod';
import type { AnyCommand } from '../command';
import { archiveCommands } from './archive';
import { oathCommands } from './oaths';
import { dispositionCommands } from './dispositions';
import { speakerCommands } from './speakers';
import { assessmentCommands } from './assessments';
import { ballotCommands } from './ballots';
import { importCommands } from './import';
import { integrityCommands } from './integrity';
import { liveCommands } from './live';
import { sessionDocumentCommands } from './session-documents';
import { terminalCommands } from './terminal';
import { peopleCommands } from './people';
import { reviewCommands } from './review';
import { sessionCommands } from './sessions';
import { setupCommands } from './setup';
import { systemCommands } from './system';

export const commandTable = {
  ...setupCommands,
  ...peopleCommands,
  ...importCommands,
  ...sessionCommands,
  ...systemCommands,
  ...liveCommands,
  ...ballotCommands,
  ...terminalCommands,
  ...sessionDocumentCommands,
  ...assessmentCommands,
  ...reviewCommands,
  ...integrityCommands,
  ...archiveCommands,
  ...speakerCommands,
  ...oathCommands,
  ...dispositionCommands,
};

export type CommandTable = typeof commandTable;
export type CommandName = keyof CommandTable;
export type CommandInput<K extends CommandName> = z.input<CommandTable[K]['input']>;
export type CommandOutput<K extends CommandName> = Awaited<ReturnType<CommandTable[K]['run']>>;

export const anyCommandTable: Record<string, AnyCommand> = commandTable as unknown as Record<string, AnyCommand>;
