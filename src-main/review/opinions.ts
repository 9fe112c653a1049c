// Review opinions (审议意见书): drafted in the console for a report item, starting from the remarks;
// numbered with a yearly 发文字号 ("示人常审〔2026〕12号"); sent (交办) with a deadline. Earlier
// opinions that were not drafted here can be registered so their handling reports can be linked.
// The status always follows from the facts (see rules.statusOf) and is refreshed after every change.
import { AppError } from '../shared/result';
import { committeeName } from '../domain/numerals';
import { getItem } from '../store/agenda';
import type { Actor } from '../store/audit';
import { getCommittee, levelWordsOf } from '../store/committee';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';
import { listRemarks } from './remarks';
import {
  addMonths,
  formatDocNumber,
  handlingRequestOf,
  localToday,
  OPINION_STATUS_LABELS,
  statusOf,
  type OpinionBlock,
  type OpinionStatus,
} from '../domain/review';
import { remarkToThirdPerson, sectionOf } from '../domain/remark-style';
import { DRAFT_KINDS, draftTexts } from './oversight';
import { getReviewSettings } from './settings';

export interface Opinion {
  id: number;
  origin: 'drafted' | 'registered' | 'inquiry' | 'interpellation';
  sessionId: number | null;
  itemId: number | null;
  sessionTitle: string;
  sessionDate: string | null;
  reportTitle: string;
  title: string;
  addressee: string;
  opening: string;
  body: OpinionBlock[];
  handlingRequest: string;
  deadlineMonths: number;
  docPrefix: string;
  docYear: number | null;
  docSeq: number | null;
  /** "示人常审〔2026〕12号", or null before numbering. */
  docNumber: string | null;
  docDate: string | null;
  issuer: string;
  cc: string;
  printedBy: string;
  status: OpinionStatus;
  statusLabel: string;
  handlingSince: string | null;
  sentAt: string | null;
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the secretary edits in a draft. */
export interface OpinionFields {
  title: string;
  reportTitle: string;
  addressee: string;
  opening: string;
  body: OpinionBlock[];
  handlingRequest: string;
  deadlineMonths: number;
  docPrefix: string;
  docDate: string | null;
  issuer: string;
  cc: string;
  printedBy: string;
}

interface Row {
  id: number;
  origin: Opinion['origin'];
  session_id: number | null;
  item_id: number | null;
  report_title: string;
  title: string;
  addressee: string;
  opening: string;
  body: string;
  handling_request: string;
  deadline_months: number;
  doc_prefix: string;
  doc_year: number | null;
  doc_seq: number | null;
  doc_date: string | null;
  issuer: string;
  cc: string;
  printed_by: string;
  status: OpinionStatus;
  handling_since: string | null;
  sent_at: string | null;
  deadline: string | null;
  created_at: string;
  updated_at: string;
}

function toOpinion(store: Store, r: Row): Opinion {
  const s = r.session_id === null ? null : getSession(store, r.session_id);
  return {
    id: r.id,
    origin: r.origin,
    sessionId: r.session_id,
    itemId: r.item_id,
    sessionTitle: s?.title ?? '',
    sessionDate: s?.date ?? null,
    reportTitle: r.report_title,
    title: r.title,
    addressee: r.addressee,
    opening: r.opening,
    body: JSON.parse(r.body) as OpinionBlock[],
    handlingRequest: r.handling_request,
    deadlineMonths: r.deadline_months,
    docPrefix: r.doc_prefix,
    docYear: r.doc_year,
    docSeq: r.doc_seq,
    docNumber: r.doc_year !== null && r.doc_seq !== null ? formatDocNumber(r.doc_prefix, r.doc_year, r.doc_seq) : null,
    docDate: r.doc_date,
    issuer: r.issuer,
    cc: r.cc,
    printedBy: r.printed_by,
    status: r.status,
    statusLabel: OPINION_STATUS_LABELS[r.status],
    handlingSince: r.handling_since,
    sentAt: r.sent_at,
    deadline: r.deadline,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getOpinion(store: Store, id: number): Opinion {
  const row = store.db.prepare('SELECT * FROM review_opinions WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为${id}的审议意见`);
  return toOpinion(store, row);
}

export function listOpinions(store: Store, filter: { sessionId?: number } = {}): Opinion[] {
  const rows = (
    filter.sessionId === undefined
      ? store.db.prepare('SELECT * FROM review_opinions ORDER BY id').all()
      : store.db.prepare('SELECT * FROM review_opinions WHERE session_id = ? ORDER BY id').all(filter.sessionId)
  ) as Row[];
  return rows.map((r) => toOpinion(store, r));
}

export function opinionOfReportItem(store: Store, itemId: number): Opinion | null {
  const row = store.db.prepare('SELECT * FROM review_opinions WHERE item_id = ?').get(itemId) as Row | undefined;
  return row ? toOpinion(store, row) : null;
}

/** Recomputes the status from the facts; records the row when it changed. Call inside a change. */
export function refreshStatus(store: Store, who: Actor, id: number): OpinionStatus {
  const row = store.db.prepare('SELECT status, sent_at, handling_since FROM review_opinions WHERE id = ?').get(id) as
    | { status: OpinionStatus; sent_at: string | null; handling_since: string | null }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为${id}的审议意见`);
  const handlings = (store.db.prepare('SELECT round, heard_at, outcome FROM opinion_handlings WHERE opinion_id = ?').all(id) as {
    round: number;
    heard_at: string | null;
    outcome: 'accepted' | 'report_again' | null;
  }[]).map((h) => ({ round: h.round, heard: h.heard_at !== null, outcome: h.outcome }));
  const next = statusOf({ sent: row.sent_at !== null, handlingMarked: row.handling_since !== null, handlings });
  if (next !== row.status) {
    store.db.prepare('UPDATE review_opinions SET status = ?, updated_at = ? WHERE id = ?').run(next, new Date().toISOString(), id);
    store.audit.recordRow(who, `opinion.status.${next}`, 'review_opinions', id);
  }
  return next;
}

/**
 * The body of a new draft: 总体评价, 存在的问题, 意见和建议, each remark turned into the office's third
 * person ("有的委员指出，……" / "有的委员建议，……") under the section it most likely belongs to — an
 * editable starting point, never the remark pasted in the first person.
 */
export function draftBody(remarks: readonly { text: string; memberId?: number | null }[]): OpinionBlock[] {
  const problems: OpinionBlock[] = [];
  const suggestions: OpinionBlock[] = [];
  // Only members' remarks are "有的委员…"; what a reporting official said is not the committee's opinion.
  for (const r of remarks.filter((x) => x.memberId !== null)) {
    const section = sectionOf(r.text);
    const text = remarkToThirdPerson(r.text, section);
    if (text) (section === 'problems' ? problems : suggestions).push({ kind: 'p', text });
  }
  return [
    { kind: 'h1', text: '总体评价' },
    { kind: 'p', text: '常委会组成人员认为，' },
    { kind: 'h1', text: '存在的问题' },
    { kind: 'p', text: '常委会组成人员在审议中也指出了存在的问题：' },
    ...problems,
    { kind: 'h1', text: '意见和建议' },
    ...(suggestions.length ? suggestions : [{ kind: 'h2' as const, text: '' }, { kind: 'p' as const, text: '' }]),
  ];
}

/** A new draft for a report item: titles, addressee and standard sentences from the session, body from the remarks. */
export function createDraft(store: Store, who: Actor, itemId: number): Opinion {
  return store.change(who, () => {
    const item = getItem(store, itemId);
    if (!DRAFT_KINDS.includes(item.kind)) throw new AppError('INVALID_STATE', `“${item.title}”不是听取审议的专项工作报告、专题询问或质询案，不能起草审议意见`);
    const existing = opinionOfReportItem(store, itemId);
    if (existing) throw new AppError('CONFLICT', `“${item.title}”已有审议意见（编号${existing.id}）`);
    const session = getSession(store, item.sessionId);
    if (session.status === 'draft') throw new AppError('INVALID_STATE', `会议“${session.title}”尚未召开，报告审议后才能起草审议意见`);
    const { region } = getCommittee(store);
    // 区人大常委会 / 县人大常委会: the committee's level setting (committee_level), not its name's last character
    const words = levelWordsOf(store, region);
    const settings = getReviewSettings(store);
    const texts = draftTexts(store, item, session, words, draftBody(listRemarks(store, { itemId })));
    const months = session.rules.reviewOpinion.deadlineMonths;
    const now = new Date().toISOString();
    const id = Number(
      store.db
        .prepare(
          `INSERT INTO review_opinions (origin, session_id, item_id, report_title, title, addressee, opening, body, handling_request,
             deadline_months, doc_prefix, doc_year, issuer, cc, printed_by, created_at, updated_at)
           VALUES (@origin, @session_id, @item_id, @report_title, @title, @addressee, @opening, @body, @handling_request,
             @deadline_months, @doc_prefix, @doc_year, @issuer, @cc, @printed_by, @now, @now)`,
        )
        .run({
          origin: texts.origin,
          session_id: session.id,
          item_id: item.id,
          report_title: texts.reportTitle,
          title: `${committeeName(region)}\n${texts.title}`,
          addressee: texts.addressee,
          opening: texts.opening,
          body: JSON.stringify(texts.body),
          handling_request: handlingRequestOf(words.level, months),
          deadline_months: months,
          doc_prefix: settings.docPrefix,
          doc_year: Number(session.date.slice(0, 4)),
          issuer: settings.issuer,
          cc: settings.cc,
          printed_by: settings.printedBy,
          now,
        }).lastInsertRowid,
    );
    store.audit.recordRow(who, 'opinion.draft', 'review_opinions', id);
    return getOpinion(store, id);
  });
}

function assertDraft(o: Opinion): void {
  if (o.status !== 'draft') throw new AppError('INVALID_STATE', `审议意见“${o.title.replace(/\n/g, '')}”已经交办，不能再修改；如需修改，请先退回草拟`);
}

export function updateOpinion(store: Store, who: Actor, id: number, f: OpinionFields): Opinion {
  return store.change(who, () => {
    assertDraft(getOpinion(store, id));
    const year = f.docDate ? Number(f.docDate.slice(0, 4)) : undefined;
    store.db
      .prepare(
        `UPDATE review_opinions SET title = @title, report_title = @report_title, addressee = @addressee, opening = @opening, body = @body,
           handling_request = @handling_request, deadline_months = @deadline_months,
           -- a new 机关代字 or year drops the number: it belonged to the old sequence
           doc_seq = CASE WHEN doc_prefix <> @doc_prefix OR coalesce(@doc_year, doc_year) IS NOT doc_year THEN NULL ELSE doc_seq END,
           doc_prefix = @doc_prefix, doc_date = @doc_date, doc_year = coalesce(@doc_year, doc_year),
           issuer = @issuer, cc = @cc, printed_by = @printed_by, updated_at = @now WHERE id = @id`,
      )
      .run({
        id,
        title: f.title.trim(),
        report_title: f.reportTitle.trim(),
        addressee: f.addressee.trim().replace(/[：:]$/, ''),
        opening: f.opening.trim(),
        body: JSON.stringify(f.body.map((b) => ({ kind: b.kind, text: b.text.trim() }))),
        handling_request: f.handlingRequest.trim(),
        deadline_months: f.deadlineMonths,
        doc_prefix: f.docPrefix.trim(),
        doc_date: f.docDate,
        doc_year: year ?? null,
        issuer: f.issuer.trim(),
        cc: f.cc.trim(),
        printed_by: f.printedBy.trim(),
        now: new Date().toISOString(),
      });
    store.audit.recordRow(who, 'opinion.update', 'review_opinions', id);
    return getOpinion(store, id);
  });
}

/** The next number of the year for a prefix: one more than the highest used (no zero padding). */
export function nextDocSeq(store: Store, prefix: string, year: number): number {
  const r = store.db.prepare('SELECT max(doc_seq) AS n FROM review_opinions WHERE doc_prefix = ? AND doc_year = ?').get(prefix, year) as { n: number | null };
  return (r.n ?? 0) + 1;
}

/** Gives a draft its 发文字号, or changes it before it is sent: the next of its year, or the one the secretary chose if that year has not used it. */
export function assignNumber(store: Store, who: Actor, id: number, seq?: number): Opinion {
  return store.change(who, () => {
    const o = getOpinion(store, id);
    assertDraft(o);
    if (!o.docPrefix) throw new AppError('BAD_INPUT', '请先填写发文机关代字（如“示人常审”）');
    const year = o.docDate ? Number(o.docDate.slice(0, 4)) : (o.docYear ?? Number(localToday().slice(0, 4)));
    const n = seq ?? (o.docSeq !== null && o.docYear === year ? o.docSeq : nextDocSeq(store, o.docPrefix, year));
    const clash = store.db
      .prepare('SELECT id, title FROM review_opinions WHERE doc_prefix = ? AND doc_year = ? AND doc_seq = ? AND id <> ?')
      .get(o.docPrefix, year, n, id) as { id: number; title: string } | undefined;
    if (clash) throw new AppError('CONFLICT', `文号${formatDocNumber(o.docPrefix, year, n)}已被使用（${clash.title.replace(/\n/g, '')}），本年度下一个可用序号为${nextDocSeq(store, o.docPrefix, year)}`);
    store.db.prepare('UPDATE review_opinions SET doc_year = ?, doc_seq = ?, updated_at = ? WHERE id = ?').run(year, n, new Date().toISOString(), id);
    store.audit.recordRow(who, 'opinion.number', 'review_opinions', id);
    return getOpinion(store, id);
  });
}

/** 交办: numbered if not yet, dated, and given its deadline (sent date + the months, unless set). */
export function sendOpinion(store: Store, who: Actor, id: number, sentAt: string, deadline?: string): Opinion {
  return store.change(who, () => {
    let o = getOpinion(store, id);
    assertDraft(o);
    if (!o.docDate) {
      store.db.prepare('UPDATE review_opinions SET doc_date = ?, doc_year = ? WHERE id = ?').run(sentAt, Number(sentAt.slice(0, 4)), id);
      o = getOpinion(store, id);
    }
    if (o.docSeq === null) o = assignNumber(store, who, id);
    const due = deadline ?? addMonths(sentAt, o.deadlineMonths);
    if (due <= sentAt) throw new AppError('BAD_INPUT', '办理期限应晚于交办日期');
    store.db.prepare('UPDATE review_opinions SET sent_at = ?, deadline = ?, updated_at = ? WHERE id = ?').run(sentAt, due, new Date().toISOString(), id);
    store.audit.recordRow(who, 'opinion.send', 'review_opinions', id);
    refreshStatus(store, who, id);
    return getOpinion(store, id);
  });
}

/** Back to 草拟 (keeps the number), while no handling report is linked. */
export function reopenDraft(store: Store, who: Actor, id: number): Opinion {
  return store.change(who, () => {
    const o = getOpinion(store, id);
    if (o.origin === 'registered') throw new AppError('INVALID_STATE', '登记的既往审议意见没有草稿');
    const n = store.db.prepare('SELECT count(*) AS n FROM opinion_handlings WHERE opinion_id = ?').get(id) as { n: number };
    if (n.n > 0) throw new AppError('INVALID_STATE', '已有办理情况报告关联到这份审议意见，不能退回草拟');
    store.db.prepare('UPDATE review_opinions SET sent_at = NULL, deadline = NULL, handling_since = NULL, updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
    store.audit.recordRow(who, 'opinion.reopen', 'review_opinions', id);
    refreshStatus(store, who, id);
    return getOpinion(store, id);
  });
}

export function deleteDraft(store: Store, who: Actor, id: number): void {
  store.change(who, () => {
    const o = getOpinion(store, id);
    const n = store.db.prepare('SELECT count(*) AS n FROM opinion_handlings WHERE opinion_id = ?').get(id) as { n: number };
    if (o.status !== 'draft' && !(o.origin === 'registered' && n.n === 0)) throw new AppError('INVALID_STATE', '只能删除草拟中的审议意见');
    if (n.n > 0) throw new AppError('INVALID_STATE', '已有办理情况报告关联到这份审议意见，不能删除');
    store.db.prepare('DELETE FROM review_opinions WHERE id = ?').run(id);
    store.audit.recordRow(who, 'opinion.delete', 'review_opinions', id);
  });
}
