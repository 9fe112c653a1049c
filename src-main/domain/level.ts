// The committee's administrative level (区 / 县 / 市 / 旗) and the words documents build from it:
// "报送区委，并反馈区人民政府" for a district, "报送县委，并反馈县人民政府" for a county. The level is a
// committee setting; unset, it is read from the end of the region's name ("示例区" → 区,
// "某某自治县" → 县, "某某市" → 市, "某某旗" → 旗).
import { z } from 'zod';

export const LEVELS = ['区', '县', '市', '旗'] as const;
export type Level = (typeof LEVELS)[number];
export const levelSchema = z.enum(LEVELS);

/** The level a region's name ends with, or null when the name says none of 区/县/市/旗. */
export function levelFromName(region: string): Level | null {
  const last = Array.from(region.trim()).at(-1) ?? '';
  return (LEVELS as readonly string[]).includes(last) ? (last as Level) : null;
}

/** The level in force: the committee's setting, else the one the name ends with, else 区. */
export function levelOf(region: string, setting: Level | null | undefined): Level {
  return setting ?? levelFromName(region) ?? '区';
}

export interface LevelWords {
  /** 区 */
  level: Level;
  /** 区委 (the party committee at that level) */
  party: string;
  /** 区人民政府 */
  government: string;
  /** 区人大常委会 */
  standingCommittee: string;
  /** 区级 */
  tier: string;
}

export function levelWords(level: Level): LevelWords {
  return { level, party: `${level}委`, government: `${level}人民政府`, standingCommittee: `${level}人大常委会`, tier: `${level}级` };
}
