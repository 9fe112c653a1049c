// 专题询问 and 质询案 (监督法 2024 arts. 47–51) in the review loop: an interpellation must be filed by
// enough members in office (rules.interpellation.minMembers, default 3) and name the body it
// questions; each item's 研究处理情况报告 is tracked in the register as an opinion row (origin
// 'inquiry' / 'interpellation'), sent, heard, assessed and reported again like a review opinion.
import type { LevelWords } from '../domain/level';
import { AppError } from '../shared/result';
import { interpellationFilingProblem, type AgendaDetails, type AgendaKind } from '../domain/agenda';
import { inOfficeOn } from '../domain/people';
import { remarkToThirdPerson } from '../domain/remark-style';
import {
  inquiryOpeningOf,
  inquirySubjectOf,
  inquiryTitleOf,
  interpellationOpeningOf,
  interpellationTitleOf,
  openingOf,
  opinionTitleOf,
  reportingBodyOf,
  reportTitleOf,
  type OpinionBlock,
} from '../domain/review';
import type { AgendaItem } from '../store/agenda';
import { getMember } from '../store/members';
import type { Session } from '../store/sessions';
import type { Store } from '../store/store';

/** The agenda kinds a register entry is drafted from. */
export const DRAFT_KINDS: readonly AgendaKind[] = ['report', 'inquiry', 'interpellation'];

/** Refuses an interpellation item that too few members in office filed, or that names no body. */
export function checkOversightItem(store: Store, session: Session, kind: AgendaKind, details: AgendaDetails): void {
  if (kind !== 'interpellation') return;
  const filers = [...new Set(details.filers ?? [])];
  for (const id of filers) {
    const m = getMember(store, id);
    if (!inOfficeOn(m, session.date)) throw new AppError('BAD_INPUT', `${m.name}在会议日期不是在任的常委会组成人员，不能联名提出质询案`);
  }
  const problem = interpellationFilingProblem(filers.length, session.rules.interpellation.minMembers);
  if (problem) throw new AppError('BAD_INPUT', problem);
  if (!details.addressee?.trim()) throw new AppError('BAD_INPUT', '请填写受质询机关（如“区人民政府”）');
}

export interface DraftTexts {
  origin: 'drafted' | 'inquiry' | 'interpellation';
  reportTitle: string;
  title: string;
  addressee: string;
  opening: string;
  body: OpinionBlock[];
}

const lines = (text: string): OpinionBlock[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ kind: 'p', text: l }));

/** The texts a new register entry starts from, by the kind of item it follows. */
/** `words`: the committee's level words (its 区/县/市/旗 setting, domain/level.ts), never guessed from the region's name. */
export function draftTexts(store: Store, item: AgendaItem, session: Session, words: LevelWords, remarksBody: OpinionBlock[]): DraftTexts {
  if (item.kind === 'inquiry') {
    const subject = inquirySubjectOf(item.title);
    const questions = item.details.questions ?? [];
    return {
      origin: 'inquiry',
      reportTitle: item.title,
      title: inquiryTitleOf(subject),
      addressee: item.presenter.replace(/\s.*$/, '') || words.government,
      opening: inquiryOpeningOf(words.level, session.term, session.number, subject),
      body: [
        { kind: 'h1', text: '询问的主要问题' },
        ...questions.map((q): OpinionBlock => ({ kind: 'p', text: remarkToThirdPerson(q.question, 'problems').replace(/^有的委员指出/, '有的委员询问') || q.question })),
        ...remarksBody.slice(2),
      ],
    };
  }
  if (item.kind === 'interpellation') {
    const filers = (item.details.filers ?? []).map((id) => getMember(store, id).name);
    const addressee = item.details.addressee ?? '';
    const answer = item.details.answer?.trim();
    return {
      origin: 'interpellation',
      reportTitle: item.title,
      title: interpellationTitleOf(item.title),
      addressee,
      opening: interpellationOpeningOf(filers, addressee),
      body: [
        { kind: 'h1', text: '质询的问题' },
        ...lines(item.details.questionsText ?? ''),
        { kind: 'h1', text: '答复情况' },
        { kind: 'p', text: answer ? `${item.details.answeredBy ? `${item.details.answeredBy}：` : ''}${answer}` : '（答复后填写）' },
      ],
    };
  }
  const reportTitle = reportTitleOf(item.title);
  return {
    origin: 'drafted',
    reportTitle,
    title: opinionTitleOf(reportTitle),
    addressee: reportingBodyOf(reportTitle),
    opening: openingOf(words.level, session.term, session.number, reportTitle),
    body: remarksBody,
  };
}
