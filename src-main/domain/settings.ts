// The procedural rules a session runs under, with the defaults of shared/domain.md.
// Localities differ, so every rule is a setting; each session keeps a frozen copy.
import { z } from 'zod';

const threshold = z.object({
  numerator: z.number().int().min(1).max(99),
  denominator: z.number().int().min(1).max(99),
  inclusive: z.boolean(),
});

export const SATISFACTION_SCALES = {
  three: ['满意', '基本满意', '不满意'],
  four: ['优秀', '称职', '基本称职', '不称职'],
} as const;

export const rulesSchema = z.object({
  /** Quorum: present members against all members in office (组织法 art. 51: more than half). */
  quorum: threshold,
  /** Adoption: 赞成 against a base: all members (default), those present, or votes cast. */
  adoption: z.object({
    base: z.enum(['all_members', 'present', 'votes_cast']),
    threshold,
  }),
  /** Which press counts when a member presses more than once before the ballot closes. */
  pressRule: z.enum(['last', 'first']),
  /** Show "未按表决器N人" on the big screen and in the announcement. */
  showNotPressed: z.boolean(),
  /** Default ballot method for new ballots. */
  defaultBallotSecret: z.boolean(),
  satisfaction: z.object({
    scale: z.enum(['three', 'four']),
    /** A: rate = (满意+基本满意)/sheets returned; B: grade against half of all members. */
    rule: z.enum(['rate', 'grade']),
    /** Whether a sheet with unmarked subjects counts at all. */
    countIncompleteSheets: z.boolean(),
    /**
     * How a subject left unmarked on a counted sheet is counted: 'against' — the sheet still counts in
     * that subject's denominator (rate = satisfied / sheets returned, domain.md rule A); 'excluded' —
     * the subject's rate is over the sheets that marked it.
     */
    unmarkedSubjects: z.enum(['against', 'excluded']),
    /**
     * Ranks: by rate, then by the count of the best level; subjects still tied share the rank
     * ('shared'), or follow the sheet's order ('sheet') or their surnames' strokes ('strokes').
     */
    tieBreak: z.enum(['shared', 'sheet', 'strokes']),
  }),
  /** 质询案 (监督法 2024): the members who must sign one (county level 3; 设区的市 and above 5). */
  interpellation: z.object({ minMembers: z.number().int().min(1).max(50) }),
  reviewOpinion: z.object({
    /** Months the reporting body has to report its handling (2, 3 or 6 by locality). */
    deadlineMonths: z.number().int().min(1).max(24),
  }),
});

export type Rules = z.infer<typeof rulesSchema>;

export const DEFAULT_RULES: Rules = {
  quorum: { numerator: 1, denominator: 2, inclusive: false },
  adoption: { base: 'all_members', threshold: { numerator: 1, denominator: 2, inclusive: false } },
  pressRule: 'last',
  showNotPressed: true,
  defaultBallotSecret: true,
  satisfaction: { scale: 'three', rule: 'rate', countIncompleteSheets: true, unmarkedSubjects: 'against', tieBreak: 'shared' },
  interpellation: { minMembers: 3 },
  reviewOpinion: { deadlineMonths: 3 },
};

/** Rules stored by an older version may lack newer keys: fill them from the defaults. */
export function normalizeRules(stored: unknown): Rules {
  const base = structuredClone(DEFAULT_RULES) as Record<string, unknown>;
  if (stored && typeof stored === 'object') {
    for (const [k, v] of Object.entries(stored)) {
      if (k in base && v && typeof v === 'object' && !Array.isArray(v)) {
        base[k] = { ...(base[k] as object), ...(v as object) };
      } else if (k in base) base[k] = v;
    }
  }
  return rulesSchema.parse(base);
}
