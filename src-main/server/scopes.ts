// Which views a change touches (parts from shared/changes.ts). The WebSocket hub and the Electron
// console bridge both send only what this says: a remark or a sheet does not rebuild every terminal.
import type { ChangePart } from '../shared/changes';

export interface Scope {
  /** The public snapshot changed: every terminal and big screen gets a new state (and the consoles). */
  everyone: boolean;
  /** The console's view changed (members' terminals, who has voted…): consoles get a new state. */
  consoles: boolean;
  /** Presses or sheets were committed: the screens get a progress frame. */
  progress: boolean;
}

/** Parts that change what a terminal or the big screen shows. */
const PUBLIC_PARTS: readonly ChangePart[] = ['session', 'attendance', 'agenda', 'round'];
/** Parts that change only the console's live view. */
const CONSOLE_PARTS: readonly ChangePart[] = ['progress', 'terminals'];

export function scopeOf(parts: readonly ChangePart[]): Scope {
  const everyone = parts.some((p) => PUBLIC_PARTS.includes(p));
  return {
    everyone,
    consoles: everyone || parts.some((p) => CONSOLE_PARTS.includes(p)),
    progress: parts.includes('progress'),
  };
}

/** A change that may move the ballot or sheet in focus (so a cached focus is stale). */
export const movesFocus = (parts: readonly ChangePart[]): boolean => parts.some((p) => PUBLIC_PARTS.includes(p));
