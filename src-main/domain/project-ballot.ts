// 票决 (e.g. 民生实事项目): M candidates, each sheet marks at most N; rank by votes; a minimum share
// of the valid sheets may be required; a tie at the cut-off goes to a new ballot.
//
// Decisions:
// - Candidates are 0-based indexes into the agenda item's candidate list.
// - A sheet with an index out of range, a repeated index, or more than N marks is invalid as a
//   whole. An empty sheet is VALID: a blank ballot (空白票) counts among the valid sheets (so it
//   weighs against a minimum share) and gives no candidate a vote.
// - A candidate with no votes is never eligible (nobody chose it), whatever the minimum share.
// - Selection: if more than N candidates are eligible and the N-th and (N+1)-th eligible have the same
//   votes, every eligible candidate with those votes is left unselected and listed in tieAtCutoff
//   (they go to a new ballot for the remaining places); those above the tie are selected.
import { assertCount } from './counts';
import { meetsThreshold, type Threshold } from './fraction';

export type SheetValidity = { valid: true } | { valid: false; reason: string };

export function validateProjectSheet(marked: number[], candidateCount: number, chooseMax: number): SheetValidity {
  assertCount('candidateCount', candidateCount);
  if (!Number.isInteger(chooseMax) || chooseMax < 1) throw new RangeError(`chooseMax must be a positive integer, got ${chooseMax}`);
  if (marked.some((i) => !Number.isInteger(i) || i < 0 || i >= candidateCount)) return { valid: false, reason: '所选项目不在候选项目之列，本票无效' };
  if (new Set(marked).size !== marked.length) return { valid: false, reason: '同一项目重复选择，本票无效' };
  if (marked.length > chooseMax) return { valid: false, reason: `所选项目超过${chooseMax}个，本票无效` };
  return { valid: true };
}

export interface ProjectRanking {
  index: number;
  votes: number;
  /** Competition rank by votes (1, 2, 2, 4); equal votes keep candidate order. */
  rank: number;
  /** Has votes and meets the minimum share of valid sheets (when one is set). */
  eligible: boolean;
  selected: boolean;
}

export interface ProjectBallotResult {
  /** All candidates, most votes first. */
  ranking: ProjectRanking[];
  /** Candidates tied at the cut-off, in candidate order: a new ballot decides among them. */
  tieAtCutoff: number[];
  selectedCount: number;
}

export interface ProjectBallotOptions {
  chooseMax: number;
  validSheets: number;
  /** Minimum share of the valid sheets a candidate needs (e.g. more than half). */
  minShare?: Threshold;
}

export function projectBallotResult(votesPerCandidate: number[], opts: ProjectBallotOptions): ProjectBallotResult {
  const { chooseMax, validSheets, minShare } = opts;
  if (!Number.isInteger(chooseMax) || chooseMax < 1) throw new RangeError(`chooseMax must be a positive integer, got ${chooseMax}`);
  assertCount('validSheets', validSheets);
  votesPerCandidate.forEach((v, i) => {
    assertCount(`votes[${i}]`, v);
    if (v > validSheets) throw new RangeError(`candidate ${i} has ${v} votes but there are only ${validSheets} valid sheets`);
  });
  const total = votesPerCandidate.reduce((a, b) => a + b, 0);
  if (total > chooseMax * validSheets) throw new RangeError(`${total} votes cannot come from ${validSheets} sheets of at most ${chooseMax} marks`);

  const ranking: ProjectRanking[] = votesPerCandidate
    .map((votes, index) => ({
      index,
      votes,
      rank: 0,
      eligible: votes > 0 && (!minShare || meetsThreshold(votes, validSheets, minShare)),
      selected: false,
    }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index);
  ranking.forEach((r, i) => {
    const prev = ranking[i - 1];
    r.rank = prev && prev.votes === r.votes ? prev.rank : i + 1;
  });

  const eligible = ranking.filter((r) => r.eligible);
  let tieAtCutoff: number[] = [];
  if (eligible.length <= chooseMax) {
    for (const r of eligible) r.selected = true;
  } else {
    const cutVotes = eligible[chooseMax - 1]!.votes;
    const tied = eligible[chooseMax]!.votes === cutVotes;
    eligible.forEach((r, i) => {
      r.selected = tied ? r.votes > cutVotes : i < chooseMax;
    });
    if (tied) tieAtCutoff = eligible.filter((r) => r.votes === cutVotes).map((r) => r.index).sort((a, b) => a - b);
  }
  return { ranking, tieAtCutoff, selectedCount: ranking.filter((r) => r.selected).length };
}

/** What became of a candidate, as a result shows it (a candidate tied at the cut-off is `tied`). */
export interface ProjectStandingInput {
  selected: boolean;
  tied: boolean;
  eligible: boolean;
  votes: number;
}

/**
 * A candidate's result in words, the same on every face and document: 入选; 得票相同，另行票决 (tied
 * at the cut-off); 未入选（无得票） (nobody chose it); 未达到得票要求 (votes below the minimum share);
 * 未入选 (below the places). 'short' is the big screen's column: 入选, 同票, or nothing.
 */
export function projectStanding(x: ProjectStandingInput, form: 'full' | 'short' = 'full'): string {
  if (x.selected) return '入选';
  if (x.tied) return form === 'short' ? '同票' : '得票相同，另行票决';
  if (form === 'short') return '';
  if (!x.eligible) return x.votes === 0 ? '未入选（无得票）' : '未达到得票要求';
  return '未入选';
}

// ---- one final result across runoff rounds -------------------------------------------------------
//
// Decisions:
// - A round is a runoff of the one before when that one left a tie at the cut-off, its candidates
//   are exactly the tied ones and it fills exactly the places left. Any other round (e.g. a whole new
//   ballot on the item) starts the count again: the final result is that round's and its runoffs'.
// - Each selected project keeps the round that decided it; the final list is in the order decided
//   (round by round, most votes first within a round).
// - A round without a tie ends the matter even when fewer projects than places qualified
//   (complete, with places left unfilled); a tie still open leaves the matter pending.

export interface BallotRound<K> {
  round: number;
  /** Places this round fills (its N). */
  places: number;
  /** Candidates on the sheet, by a key shared across rounds (e.g. the project's name). */
  candidates: readonly K[];
  /** This round's outcome: selected candidates with their votes (most votes first), and those tied at the cut-off. */
  selected: ReadonlyArray<{ candidate: K; votes: number }>;
  tied: readonly K[];
}

export interface FinalProjectResult<K> {
  places: number;
  selected: Array<{ candidate: K; round: number; votes: number }>;
  /** Tied at the cut-off of the last round and not yet decided. */
  pending: K[];
  placesLeft: number;
  complete: boolean;
  /** Rounds that make up this result (the first round and its runoffs). */
  rounds: number[];
}

const sameSet = <K>(a: readonly K[], b: readonly K[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

export function consolidateRounds<K>(rounds: ReadonlyArray<BallotRound<K>>): FinalProjectResult<K> | null {
  let acc: FinalProjectResult<K> | null = null;
  for (const r of [...rounds].sort((a, b) => a.round - b.round)) {
    if (!Number.isInteger(r.places) || r.places < 1) throw new RangeError(`round ${r.round}: places must be a positive integer, got ${r.places}`);
    if (r.selected.length > r.places) throw new RangeError(`round ${r.round} selects ${r.selected.length} of ${r.places} places`);
    const runoff = acc !== null && acc.pending.length > 0 && sameSet(r.candidates, acc.pending) && r.places === acc.placesLeft;
    if (!runoff) acc = { places: r.places, selected: [], pending: [], placesLeft: r.places, complete: false, rounds: [] };
    const a = acc!;
    for (const s of r.selected) a.selected.push({ candidate: s.candidate, round: r.round, votes: s.votes });
    a.pending = [...r.tied];
    a.placesLeft = a.places - a.selected.length;
    a.complete = a.pending.length === 0;
    a.rounds.push(r.round);
  }
  return acc;
}
