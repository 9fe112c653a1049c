// Pressing a key on the voting device more than once before the ballot closes (GB 50799-2012 names
// both rules): 'first' — the first press counts; 'last' — the last press counts (the default).
import type { Choice } from './vote';

export type PressRule = 'first' | 'last';

export interface PressResult {
  /** Whether the press is taken (a repeat of the same choice is taken, and changes nothing). */
  accepted: boolean;
  /** The member's choice after the press. */
  choice: Choice;
  /** Whether the stored choice changed. */
  changed: boolean;
}

export function applyPress(previous: Choice | null, next: Choice, rule: PressRule): PressResult {
  if (previous === null) return { accepted: true, choice: next, changed: true };
  if (previous === next) return { accepted: true, choice: previous, changed: false }; // idempotent
  if (rule === 'first') return { accepted: false, choice: previous, changed: false };
  return { accepted: true, choice: next, changed: true };
}

/** Message for a refused press under 'first' (shown on the member's terminal). */
export const PRESS_REFUSED_MESSAGE = '您已表决，按本次会议规则以第一次按键为准，不能更改';
