// Every document of one session, at any time after it was prepared (during it, after 闭会, years
// later): the catalogue lists them with a stable id, and one function builds the DocModel of an id
// and renders it as PDF or DOCX. The session page's documents panel and the archive use both; no
// document needs the session to be live.
import { getAssessment, listAssessments } from '../assessment/assessment-store';
import { assessmentModel } from '../documents-assessment/pdf-files';
import { blankFormDoc } from '../documents-assessment/blank-forms';
import { scaleWords } from '../domain/satisfaction';
import { ballotWords } from '../domain/provision-vote';
import { safeFileName } from '../documents-assessment/common';
import { renderDocx } from '../documents-docx/docx';
import type { DocModel } from '../documents/model';
import { renderPdf } from '../documents/pdf';
import { appointmentListDoc, ballotResultDoc, resultSheetDoc, seatCodesDoc, signInSheetDoc } from '../meeting/documents';
import { ballotsInAgendaOrder, ballotsOfItem, getBallot, type BallotRow } from '../meeting/ballot-store';
import { opinionDoc, opinionFileName, resolutionDoc, resolutionFileName } from '../review/documents';
import { getOpinion, listOpinions } from '../review/opinions';
import { getResolution, listResolutions } from '../review/resolutions';
import { AppError } from '../shared/result';
import { getItem, listItems } from '../store/agenda';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';
import { agendaDoc } from './agenda';
import { ballotPaperDoc } from './ballot-paper';
import { chairScriptDoc } from './chair-script';
import { minutesDoc } from './minutes';

export type DocFormat = 'pdf' | 'docx';

export interface CatalogueEntry {
  /** Stable id within the session: "agenda", "ballotResult:12", "assessment:3:result", … */
  id: string;
  /** What the document is, e.g. "表决结果：关于……的决议（草案）". */
  title: string;
  /** 会议 / 表决 / 人事任免 / 测评与票决 / 审议 / 主持与记录 */
  group: string;
  formats: DocFormat[];
}

const BOTH: DocFormat[] = ['pdf', 'docx'];

const ROUND = (round: number) => (round > 1 ? `（第${round}轮）` : '');

/** The session's documents, in the order the office needs them. */
export function sessionCatalogue(store: Store, sessionId: number): CatalogueEntry[] {
  const session = getSession(store, sessionId);
  const items = listItems(store, sessionId);
  const out: CatalogueEntry[] = [];
  const add = (id: string, title: string, group: string) => out.push({ id, title, group, formats: BOTH });
  add('agenda', '会议议程', '会议');
  add('signIn', '签到表', '会议');
  add('seatCodes', '终端座位码', '会议');
  for (const it of items.filter((i) => i.kind === 'vote' || i.kind === 'appointment')) {
    // each provision's 单独表决 has its own 表决票, before the whole text's (as they are voted), named by its first round
    for (const b of firstRoundOfEachProvision(ballotsOfItem(store, it.id))) add(`ballotPaper:${it.id}:${b.id}`, `表决票：${it.title}，${ballotWords(b)}`, '表决');
    add(`ballotPaper:${it.id}`, `表决票：${it.title}`, '表决');
  }
  const ballots = ballotsInAgendaOrder(store, sessionId).filter((b) => b.state !== 'draft');
  for (const b of ballots) add(`ballotResult:${b.id}`, `表决结果：${ballotWords(b)}${ROUND(b.round)}`, '表决');
  add('resultSheet', '表决结果汇总表', '表决');
  if (items.some((i) => i.kind === 'appointment')) add('appointments', '任免名单', '人事任免');
  for (const it of items.filter((i) => i.kind === 'assessment' || i.kind === 'project_ballot' || i.kind === 'handling_report')) {
    // the blank sheet is on the session's scale (blankFormDoc): 满意度测评表, or 称职测评表 on the four levels
    add(`blankForm:${it.id}`, `${it.kind === 'project_ballot' ? '票决票' : `${scaleWords(session.rules.satisfaction.scale).scaleTitle}表`}（空白）：${it.title}`, '测评与票决');
  }
  for (const a of listAssessments(store, sessionId).filter((x) => x.state !== 'draft')) {
    if (a.kind === 'project') add(`assessment:${a.id}:result`, `票决结果：${a.title}${ROUND(a.round)}`, '测评与票决');
    else {
      const { scaleTitle } = scaleWords(a.scale ?? 'three');
      add(`assessment:${a.id}:result`, `${scaleTitle}结果统计表：${a.title}${ROUND(a.round)}`, '测评与票决');
      add(`assessment:${a.id}:categories`, `${scaleTitle}结果分类汇总表：${a.title}${ROUND(a.round)}`, '测评与票决');
    }
  }
  for (const o of listOpinions(store, { sessionId })) add(`opinion:${o.id}`, `审议意见：${o.title.replace(/\n/g, '')}${o.docNumber ? `（${o.docNumber}）` : '（草稿）'}`, '审议');
  for (const r of listResolutions(store, sessionId)) add(`resolution:${r.id}`, `${r.kindLabel}：${r.title.replace(/\n/g, '')}`, '审议');
  add('chairScript', '主持词', '主持与记录');
  add('minutes', '会议记录', '主持与记录');
  return out;
}

function firstRoundOfEachProvision(ballots: BallotRow[]): BallotRow[] {
  const first = new Map<string, BallotRow>();
  for (const b of ballots) if (b.provision !== null && !first.has(b.provision)) first.set(b.provision, b);
  return [...first.values()];
}

/** A provision's 表决票: the ballot named in its id is one of the item's provision ballots. */
function provisionOfPaper(store: Store, itemId: number, ballotId: number): string {
  const b = getBallot(store, ballotId);
  if (b.itemId !== itemId || b.provision === null) throw new AppError('NOT_FOUND', '该表决票不属于这个议题');
  return b.provision;
}

function owned<T extends { sessionId: number | null }>(row: T, sessionId: number): T {
  if (row.sessionId !== sessionId) throw new AppError('NOT_FOUND', '该文件不属于这次会议');
  return row;
}

const num = (s: string | undefined): number => {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('BAD_INPUT', '文件编号不正确');
  return n;
};

export interface RenderContext {
  /** The terminal address printed on the seat codes, when the LAN server runs. */
  terminalUrl?: string | null;
}

/** The DocModel of a catalogue id. */
export function catalogueModel(store: Store, sessionId: number, id: string, ctx: RenderContext = {}): DocModel {
  getSession(store, sessionId);
  const [kind, a, b] = id.split(':');
  switch (kind) {
    case 'agenda':
      return agendaDoc(store, sessionId);
    case 'signIn':
      return signInSheetDoc(store, sessionId);
    case 'seatCodes':
      return seatCodesDoc(store, sessionId, ctx.terminalUrl ?? null);
    case 'resultSheet':
      return resultSheetDoc(store, sessionId);
    case 'appointments':
      return appointmentListDoc(store, sessionId);
    case 'chairScript':
      return chairScriptDoc(store, sessionId);
    case 'minutes':
      return minutesDoc(store, sessionId);
    case 'ballotPaper':
      return ballotPaperDoc(store, owned(getItem(store, num(a)), sessionId).id, b === undefined ? null : provisionOfPaper(store, num(a), num(b)));
    case 'ballotResult':
      return ballotResultDoc(store, owned(getBallot(store, num(a)), sessionId).id);
    case 'blankForm':
      return blankFormDoc(store, owned(getItem(store, num(a)), sessionId).id, { copies: 1 });
    case 'assessment':
      if (b !== 'result' && b !== 'categories') break;
      return assessmentModel(store, owned(getAssessment(store, num(a)), sessionId), b);
    case 'opinion':
      return opinionDoc(store, owned(getOpinion(store, num(a)), sessionId).id);
    case 'resolution':
      return resolutionDoc(store, owned(getResolution(store, num(a)), sessionId).id);
  }
  throw new AppError('NOT_FOUND', `没有这种会议文件：${id}`);
}

export interface RenderedDocument {
  fileName: string;
  mime: string;
  data: Buffer;
}

const MIME: Record<DocFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Renders a catalogue id as PDF or DOCX, with a file name that says what it is. */
export async function renderSessionDocument(store: Store, sessionId: number, id: string, format: DocFormat, ctx: RenderContext = {}): Promise<RenderedDocument> {
  const model = catalogueModel(store, sessionId, id, ctx);
  const [kind, a] = id.split(':');
  const fileName =
    kind === 'opinion' ? opinionFileName(store, num(a), format) : kind === 'resolution' ? resolutionFileName(store, num(a), format) : `${safeFileName(model.fileTitle)}.${format}`;
  const data = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  return { fileName, mime: MIME[format], data };
}
