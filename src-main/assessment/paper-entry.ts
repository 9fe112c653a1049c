// Paper fallback: the tallies the secretary counted from paper sheets, checked for consistency (with
// Chinese messages naming the line at fault) and turned into the same outcome as electronic sheets.
// Project ballots may also be entered sheet by sheet: a sheet marking more than N is counted invalid.
import { AppError } from '../shared/result';
import { validateProjectSheet } from '../domain/project-ballot';
import { scaleLevels } from '../domain/satisfaction';
import type { AssessmentRow } from './assessment-store';
import { projectOutcome, satisfactionOutcome } from './results';
import type { ProjectOutcome, SatisfactionOutcome } from './types';

export interface PaperSatisfaction {
  /** Sheets counted. */
  sheetsReturned: number;
  /** Incomplete sheets not counted (only when the rules set incomplete sheets aside). */
  sheetsSetAside: number;
  /** Per subject, in sheet order: the count per level (best first). Unmarked = sheetsReturned − Σ. */
  levels: number[][];
}

export type PaperProject =
  | { sheets: number[][] }
  | { votes: number[]; validSheets: number; invalidSheets: number };

export function paperSatisfactionOutcome(a: AssessmentRow, p: PaperSatisfaction, limit: number): SatisfactionOutcome {
  const labels = scaleLevels(a.scale ?? 'three');
  if (p.levels.length !== a.subjects.length) throw new AppError('BAD_INPUT', `应录入${a.subjects.length}位测评对象的票数，收到${p.levels.length}位`);
  if (p.sheetsSetAside > 0 && a.countIncomplete) {
    throw new AppError('BAD_INPUT', '按本次会议规则，有未填项目的测评表也计入统计，不应有未计入的测评表');
  }
  const total = p.sheetsReturned + p.sheetsSetAside;
  if (total > limit) throw new AppError('BAD_INPUT', `收回测评表${total}份，超过了可参加测评的人数${limit}人`);
  if (p.sheetsReturned > a.allMembers) throw new AppError('BAD_INPUT', `计入统计的测评表${p.sheetsReturned}份，超过了全体组成人员${a.allMembers}人`);
  const unmarked = p.levels.map((levels, i) => {
    const who = `第${i + 1}位测评对象（${a.subjects[i]!.name}）`;
    if (levels.length !== labels.length) throw new AppError('BAD_INPUT', `${who}应按${labels.join('、')}${labels.length}档录入`);
    const sum = levels.reduce((x, y) => x + y, 0);
    if (sum > p.sheetsReturned) throw new AppError('BAD_INPUT', `${who}各档票数合计${sum}，超过了计入统计的测评表${p.sheetsReturned}份`);
    return p.sheetsReturned - sum;
  });
  return satisfactionOutcome(a, { levels: p.levels, unmarked, sheetsReturned: p.sheetsReturned, sheetsSetAside: p.sheetsSetAside }, limit, 'paper');
}

export function paperProjectOutcome(a: AssessmentRow, p: PaperProject, limit: number): ProjectOutcome {
  const m = a.subjects.length;
  const chooseMax = a.chooseMax ?? 1;
  let votes: number[];
  let valid: number;
  let invalid: number;
  if ('sheets' in p) {
    votes = new Array<number>(m).fill(0);
    valid = 0;
    invalid = 0;
    for (const sheet of p.sheets) {
      if (!validateProjectSheet(sheet, m, chooseMax).valid) {
        invalid++;
        continue;
      }
      valid++;
      for (const i of sheet) votes[i]!++;
    }
  } else {
    ({ votes, validSheets: valid, invalidSheets: invalid } = p);
    if (votes.length !== m) throw new AppError('BAD_INPUT', `应录入${m}个候选项目的得票，收到${votes.length}个`);
    votes.forEach((v, i) => {
      if (v > valid) throw new AppError('BAD_INPUT', `第${i + 1}个项目（${a.subjects[i]!.name}）得票${v}，超过了有效票${valid}张`);
    });
    const sum = votes.reduce((x, y) => x + y, 0);
    if (sum > chooseMax * valid) throw new AppError('BAD_INPUT', `得票合计${sum}，多于${valid}张有效票每张最多选${chooseMax}项的${chooseMax * valid}`);
  }
  if (valid + invalid > limit) throw new AppError('BAD_INPUT', `收回选票${valid + invalid}张，超过了可参加票决的人数${limit}人`);
  return projectOutcome(a, votes, valid, invalid, limit, 'paper');
}
