// What satisfaction assessments (满意度测评) and project ballots (票决) look like on the wire: the
// public block of the live snapshot (terminals, big screen, console) and the results stored at close.
// Types only, so the renderer can import them without pulling in the server.

export type SheetKind = 'satisfaction' | 'project';
export type AssessmentMethod = 'electronic' | 'paper';
export type AssessmentState = 'draft' | 'open' | 'closed' | 'announced';
export type ScaleName = 'three' | 'four';
export type SatisfactionRuleName = 'rate' | 'grade';

/** One line of the sheet: an official, a report, a handling report, or a candidate project. */
export interface SheetSubject {
  name: string;
  unit: string;
  post: string;
  category: string;
  /** The official assessed (links the result to the official's year record). */
  officialId: number | null;
}

export interface ShareThreshold {
  numerator: number;
  denominator: number;
  /** false: strictly more than (过半数); true: at least (以上). */
  inclusive: boolean;
}

/** One subject's result, in ranked order. */
export interface SatisfactionRow {
  /** Position on the sheet (0-based). */
  index: number;
  name: string;
  unit: string;
  post: string;
  category: string;
  officialId: number | null;
  /** Count per level of the scale, best first. */
  levels: number[];
  /** Counted sheets that left this subject unmarked. */
  unmarked: number;
  /** satisfied / sheets that marked the subject, e.g. "87.88%"; null when nobody marked it. */
  rate: string | null;
  rateNumerator: number;
  rateDenominator: number;
  /** A level label or "未评定". */
  grade: string;
  consequence: string | null;
  /** Competition rank by rate (1, 2, 2, 4). */
  rank: number;
}

export interface SatisfactionOutcome {
  kind: 'satisfaction';
  method: AssessmentMethod;
  scale: ScaleName;
  levelLabels: string[];
  rule: SatisfactionRuleName;
  /** "满意率=（满意+基本满意）÷该对象的有效测评票数" or the grade rule, for documents and screens. */
  ruleText: string;
  countIncompleteSheets: boolean;
  /** How a subject left unmarked on a counted sheet counts (see domain/satisfaction.ts). */
  unmarkedSubjects: 'against' | 'excluded';
  /** Members who could take part (present at the opening, or at paper entry). */
  eligible: number;
  /** All members in office (rule B's base). */
  allMembers: number;
  /** Sheets counted. */
  sheetsReturned: number;
  /** Incomplete sheets not counted (countIncompleteSheets off). */
  sheetsSetAside: number;
  rows: SatisfactionRow[];
  /** How ties after the rate and the best level's count were ranked (absent in results stored before it existed: shared). */
  tieBreak?: 'shared' | 'sheet' | 'strokes';
  /** "满意度测评" / "称职测评" and "满意率" / "称职率": what the scale's documents are titled by. */
  scaleTitle?: string;
  rateLabel?: string;
  /** An electronic round: the sheets of those that came on paper (entered by the secretary). */
  paperSheets?: number;
}

export interface ProjectRow {
  index: number;
  name: string;
  votes: number;
  /** votes / valid sheets, e.g. "87.88%". */
  share: string | null;
  rank: number;
  eligible: boolean;
  selected: boolean;
  /** Tied at the cut-off: goes to a new ballot. */
  tied: boolean;
}

export interface ProjectOutcome {
  kind: 'project';
  method: AssessmentMethod;
  chooseMax: number;
  minShare: ShareThreshold | null;
  /** "得票须超过有效票的半数" when a minimum share is set. */
  minShareText: string | null;
  eligible: number;
  validSheets: number;
  invalidSheets: number;
  rows: ProjectRow[];
  tieAtCutoff: number[];
  selectedCount: number;
  /** An electronic round: the sheets of those that came on paper (entered by the secretary). */
  paperSheets?: number;
  /**
   * Filled in when read (not stored): the item's final result across its rounds up to this one — the
   * projects selected and the round that decided each (see domain/project-ballot.ts consolidateRounds).
   */
  final?: ProjectFinal;
}

export interface ProjectFinal {
  /** Places to fill (N of the first round). */
  places: number;
  selected: Array<{ name: string; round: number; votes: number }>;
  /** Still tied after the last round: another round is needed for these places. */
  pending: string[];
  placesLeft: number;
  complete: boolean;
  rounds: number;
}

export type AssessmentOutcome = SatisfactionOutcome | ProjectOutcome;

/** The assessment in focus, as every seat may see it. */
export interface PublicAssessment {
  id: number;
  itemId: number;
  round: number;
  kind: SheetKind;
  /** What is assessed: "对区政府工作部门负责人等35人的满意度测评". */
  title: string;
  method: AssessmentMethod;
  state: AssessmentState;
  /** Labels of the marks a subject can get: the scale, or ["选"] for a project ballot. */
  levels: string[];
  /** The scale of a satisfaction round (its words: domain/satisfaction.ts scaleWords); null for a project ballot. */
  scale: ScaleName | null;
  countIncompleteSheets: boolean;
  unmarkedSubjects: 'against' | 'excluded';
  /** Project ballots: the most a sheet may mark. */
  chooseMax: number | null;
  subjects: Array<Omit<SheetSubject, 'officialId'>>;
  /** Members who may submit (present at the opening). */
  eligible: number;
  /** Sheets submitted so far (never who or what, on public screens). */
  submitted: number;
  openedAt: string | null;
  closedAt: string | null;
  /** Public screens: once announced; the console: once closed. */
  result: AssessmentOutcome | null;
}

/** What a member's terminal adds about the sheet in focus. */
export interface SheetStatus {
  /** This member has submitted the sheet in focus. */
  sheetSubmitted: boolean;
  /** This member may submit it now (present at its opening, open, electronic, not yet submitted). */
  canSubmitSheet: boolean;
}
