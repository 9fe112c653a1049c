// Review (审议) and its documents: review groups and remarks (members on their terminals, the
// secretary for spoken remarks), review opinions with the register and the handling reports,
// resolutions/decisions, and their PDF/DOCX/XLSX files.
import { z } from 'zod';
import { lineText, linesText, textRule } from '../../domain/text';
import type { DocModel } from '../../documents/model';
import { renderPdf } from '../../documents/pdf';
import { renderDocx } from '../../documents-docx/docx';
import { opinionDoc, opinionFileName, resolutionDoc, resolutionFileName } from '../../review/documents';
import { listGroups, proposeGroups, saveGroups, groupOfMember } from '../../review/groups';
import { decideHandling, handlingOfItem, handlingsOf, linkHandling, markHandling, setDeadline, unlinkHandling } from '../../review/handlings';
import {
  assignNumber,
  createDraft,
  deleteDraft,
  getOpinion,
  listOpinions,
  opinionOfReportItem,
  reopenDraft,
  sendOpinion,
  updateOpinion,
} from '../../review/opinions';
import { DRAFT_KINDS } from '../../review/oversight';
import { numbersUsed } from '../../review/numbers';
import { registerEarlier } from '../../review/registered';
import { AGENDA_KIND_LABELS } from '../../domain/agenda';
import { registerRows, registerXlsx } from '../../review/register';
import { addRemark, deleteRemark, getRemark, listRemarks, REMARK_KINDS, REMARK_MAX_CHARS, remarksByItem, updateRemark } from '../../review/remarks';
import { createResolution, deleteResolution, listResolutions, resolutionCandidates, updateResolution } from '../../review/resolutions';
import { getReviewSettings, reviewSettingsSchema, setReviewSettings } from '../../review/settings';
import { getItem, listItems } from '../../store/agenda';
import { getSession } from '../../store/sessions';
import { AppError } from '../../shared/result';
import { command, isoDate, type CallContext, type FilePayload } from '../command';
import { bindingOf } from './terminal';

const id = z.number().int().positive();
const remarkText = linesText(REMARK_MAX_CHARS, '发言内容不能为空', `发言内容不能超过${REMARK_MAX_CHARS}字`);
const format = z.enum(['pdf', 'docx']);
const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** Remarks changed: the views that show remarks are refreshed at once. */
const pushed = <T>(ctx: CallContext, value: T): T => {
  const r = value as { itemId?: unknown; memberId?: unknown } | null;
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  ctx.services.engine?.changed({ itemId: num(r?.itemId), memberId: num(r?.memberId) }, 'remarks');
  return value;
};

async function file(model: DocModel, kind: 'pdf' | 'docx', fileName: string): Promise<FilePayload> {
  const bytes = kind === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  return { fileName, mime: MIME[kind], base64: bytes.toString('base64') };
}

/** The member of a terminal, in the live session, on an item of that session that is reviewed. */
function terminalTarget(ctx: CallContext, itemId: number | undefined) {
  const b = bindingOf(ctx);
  if (b.memberId === null) throw new AppError('FORBIDDEN', '列席人员不提交审议发言');
  const s = getSession(ctx.store, b.sessionId);
  const current = ctx.services.engine?.liveRow(s.id).currentItemId ?? null;
  const target = itemId ?? current;
  if (target === null) return { binding: b, memberId: b.memberId, session: s, item: null };
  const item = getItem(ctx.store, target);
  if (item.sessionId !== s.id) throw new AppError('BAD_INPUT', '该议程项不属于本次会议');
  return { binding: b, memberId: b.memberId, session: s, item };
}

const opinionFields = z.object({
  title: linesText(300, '请填写标题'),
  reportTitle: lineText(300, '请填写所审议的报告'),
  addressee: lineText(100),
  opening: z.string().max(3000).superRefine(textRule('lines')),
  body: z.array(z.object({ kind: z.enum(['h1', 'h2', 'h3', 'p']), text: z.string().max(REMARK_MAX_CHARS).superRefine(textRule('lines')) })).max(1000),
  handlingRequest: z.string().max(500).superRefine(textRule('lines')),
  deadlineMonths: z.number().int().min(1, '办理期限至少1个月').max(24),
  docPrefix: lineText(20),
  docDate: isoDate.nullable(),
  issuer: lineText(60, '请填写发文机关署名'),
  cc: lineText(500),
  printedBy: lineText(60),
});

export const reviewCommands = {
  // ---- groups and remarks --------------------------------------------------------------
  'reviewGroups.list': command({ access: ['admin'], input: z.object({ sessionId: id }), run: ({ store }, { sessionId }) => listGroups(store, sessionId) }),
  'reviewGroups.propose': command({
    access: ['admin'],
    input: z.object({ sessionId: id, count: z.number().int().min(1, '至少分为1组').max(20) }),
    run: ({ store }, { sessionId, count }) => proposeGroups(store, sessionId, count),
  }),
  'reviewGroups.save': command({
    access: ['admin'],
    printed: true,
    input: z.object({
      sessionId: id,
      groups: z
        .array(z.object({ id: id.optional(), name: lineText(30, '请填写组名'), convener: lineText(50).default(''), memberIds: z.array(id).max(500) }))
        .max(20),
    }),
    run: (ctx, { sessionId, groups }) => pushed(ctx, saveGroups(ctx.store, ctx.who, sessionId, groups)),
  }),
  'remarks.list': command({
    access: ['admin'],
    input: z.object({ sessionId: id }),
    run: ({ store }, { sessionId }) => ({ items: remarksByItem(store, sessionId), groups: listGroups(store, sessionId) }),
  }),
  'remarks.add': command({
    access: ['admin'],
    printed: true,
    input: z.object({
      itemId: id,
      memberId: id.nullable().default(null),
      speaker: lineText(50).optional(),
      groupId: id.nullable().optional(),
      mode: z.enum(['spoken', 'written']).default('spoken'),
      text: remarkText,
    }),
    run: (ctx, r) => pushed(ctx, addRemark(ctx.store, ctx.who, { ...r, recordedBy: 'secretary' })),
  }),
  'remarks.update': command({
    access: ['admin'],
    printed: true,
    input: z.object({ id, text: remarkText, memberId: id.nullable().optional(), speaker: lineText(50).optional(), groupId: id.nullable().optional() }),
    run: (ctx, { id: remarkId, ...patch }) => pushed(ctx, updateRemark(ctx.store, ctx.who, remarkId, patch)),
  }),
  'remarks.delete': command({
    access: ['admin'],
    input: z.object({ id }),
    run: (ctx, { id: remarkId }) => pushed(ctx, deleteRemark(ctx.store, ctx.who, remarkId)),
  }),
  /** A member's own remarks on an item (default: the current item), and whether they may write one. */
  'terminal.remarks': command({
    access: ['terminal'],
    input: z.object({ itemId: id.optional() }),
    run: (ctx, { itemId }) => {
      const t = terminalTarget(ctx, itemId);
      const group = groupOfMember(ctx.store, t.session.id, t.memberId);
      if (!t.item) return { itemId: null, itemTitle: '', canRemark: false, group: group?.name ?? null, remarks: [] };
      return {
        itemId: t.item.id,
        itemTitle: t.item.title,
        canRemark: t.session.status === 'open' && REMARK_KINDS.includes(t.item.kind),
        group: group?.name ?? null,
        remarks: listRemarks(ctx.store, { itemId: t.item.id, memberId: t.memberId }),
      };
    },
  }),
  'terminal.addRemark': command({
    access: ['terminal'],
    printed: true,
    sessionBusiness: true,
    input: z.object({ itemId: id, text: remarkText }),
    run: (ctx, { itemId, text }) => {
      const t = terminalTarget(ctx, itemId);
      if (t.session.status !== 'open') throw new AppError('INVALID_STATE', '会议不在进行中，不能提交审议发言');
      return pushed(ctx, addRemark(ctx.store, ctx.who, { itemId, memberId: t.memberId, mode: 'written', recordedBy: 'terminal', text }));
    },
  }),
  'terminal.withdrawRemark': command({
    access: ['terminal'],
    sessionBusiness: true,
    input: z.object({ id }),
    run: (ctx, { id: remarkId }) => {
      const t = terminalTarget(ctx, undefined);
      const r = getRemark(ctx.store, remarkId);
      if (r.memberId !== t.memberId || r.recordedBy !== 'terminal') throw new AppError('FORBIDDEN', '只能撤回自己在终端提交的发言');
      if (t.session.status !== 'open' || r.sessionId !== t.session.id) throw new AppError('INVALID_STATE', '会议不在进行中，不能撤回发言');
      return pushed(ctx, deleteRemark(ctx.store, ctx.who, remarkId));
    },
  }),

  // ---- review opinions ---------------------------------------------------------------------
  'reviewSettings.get': command({ access: ['admin'], input: z.object({}), run: ({ store }) => getReviewSettings(store) }),
  'reviewSettings.update': command({ access: ['admin'], printed: true, input: reviewSettingsSchema, run: ({ store, who }, s) => setReviewSettings(store, who, s) }),
  /** The session's report items with their remarks count and opinion, and its opinions. */
  'opinions.forSession': command({
    access: ['admin'],
    input: z.object({ sessionId: id }),
    run: ({ store }, { sessionId }) => {
      const remarks = listRemarks(store, { sessionId });
      const items = listItems(store, sessionId)
        .filter((i) => DRAFT_KINDS.includes(i.kind))
        .map((i) => {
          const o = opinionOfReportItem(store, i.id);
          return { itemId: i.id, position: i.position, kind: i.kind, kindLabel: AGENDA_KIND_LABELS[i.kind], title: i.title, remarkCount: remarks.filter((r) => r.itemId === i.id).length, opinionId: o?.id ?? null, status: o?.statusLabel ?? null };
        });
      return { session: getSession(store, sessionId), items, opinions: listOpinions(store, { sessionId }) };
    },
  }),
  'opinions.get': command({
    access: ['admin'],
    input: z.object({ id }),
    run: ({ store }, { id: opinionId }) => {
      const opinion = getOpinion(store, opinionId);
      return { opinion, handlings: handlingsOf(store, opinionId), remarks: opinion.itemId ? listRemarks(store, { itemId: opinion.itemId }) : [] };
    },
  }),
  'opinions.createDraft': command({ access: ['admin'], input: z.object({ itemId: id }), run: ({ store, who }, { itemId }) => createDraft(store, who, itemId) }),
  'opinions.update': command({ access: ['admin'], printed: true, input: opinionFields.extend({ id }), run: ({ store, who }, { id: oid, ...f }) => updateOpinion(store, who, oid, f) }),
  'opinions.assignNumber': command({
    access: ['admin'],
    input: z.object({ id, seq: z.number().int().positive().optional() }),
    run: ({ store, who }, { id: oid, seq }) => assignNumber(store, who, oid, seq),
  }),
  /** The 文号 a 机关代字 has used in a year, and the next free one. */
  'opinions.numbers': command({
    access: ['admin'],
    input: z.object({ prefix: lineText(20, '请填写发文机关代字'), year: z.number().int().min(1949).max(2200) }),
    run: ({ store }, { prefix, year }) => numbersUsed(store, prefix, year),
  }),
  'opinions.send': command({
    access: ['admin'],
    input: z.object({ id, sentAt: isoDate, deadline: isoDate.optional() }),
    run: ({ store, who }, { id: oid, sentAt, deadline }) => sendOpinion(store, who, oid, sentAt, deadline),
  }),
  'opinions.reopen': command({ access: ['admin'], input: z.object({ id }), run: ({ store, who }, { id: oid }) => reopenDraft(store, who, oid) }),
  'opinions.delete': command({
    access: ['admin'],
    input: z.object({ id }),
    run: ({ store, who }, { id: oid }) => {
      deleteDraft(store, who, oid);
      return { deleted: oid };
    },
  }),
  'opinions.register': command({
    access: ['admin'],
    printed: true,
    input: z.object({
      reportTitle: lineText(300, '请填写所审议的报告'),
      title: lineText(300).default(''),
      addressee: lineText(100).default(''),
      docNumber: lineText(40).default(''),
      sentAt: isoDate,
      deadline: isoDate.optional(),
    }),
    run: ({ store, who }, r) => registerEarlier(store, who, r),
  }),
  'opinions.markHandling': command({
    access: ['admin'],
    input: z.object({ id, since: isoDate.nullable() }),
    run: ({ store, who }, { id: oid, since }) => markHandling(store, who, oid, since),
  }),
  'opinions.setDeadline': command({
    access: ['admin'],
    input: z.object({ id, deadline: isoDate }),
    run: ({ store, who }, { id: oid, deadline }) => setDeadline(store, who, oid, deadline),
  }),
  /** Handling-report items of every session, with the opinion each answers (for linking). */
  'opinions.handlingItems': command({
    access: ['admin'],
    input: z.object({}),
    run: ({ store }) =>
      (store.db.prepare("SELECT id FROM agenda_items WHERE kind = 'handling_report' ORDER BY session_id DESC, position").all() as { id: number }[]).map(({ id: itemId }) => {
        const item = getItem(store, itemId);
        const s = getSession(store, item.sessionId);
        return { itemId, title: item.title, sessionId: s.id, sessionTitle: s.title, sessionDate: s.date, sessionStatus: s.status, opinionId: handlingOfItem(store, itemId)?.opinionId ?? null };
      }),
  }),
  'opinions.linkHandling': command({
    access: ['admin'],
    input: z.object({ opinionId: id, itemId: id }),
    run: ({ store, who }, { opinionId, itemId }) => linkHandling(store, who, opinionId, itemId),
  }),
  'opinions.unlinkHandling': command({ access: ['admin'], input: z.object({ itemId: id }), run: ({ store, who }, { itemId }) => unlinkHandling(store, who, itemId) }),
  /** The opinion a handling-report item answers, and which round it is (the link back). */
  'opinions.forItem': command({
    access: ['admin'],
    input: z.object({ itemId: id }),
    run: ({ store }, { itemId }) => {
      const handling = handlingOfItem(store, itemId);
      return handling ? { opinion: getOpinion(store, handling.opinionId), handling } : null;
    },
  }),
  /** Where no assessment is held: the secretary records the committee's decision on a handling report. */
  'opinions.decide': command({
    access: ['admin'],
    printed: true,
    input: z.object({ itemId: id, outcome: z.enum(['accepted', 'report_again']), note: linesText(500).default(''), deadline: isoDate.optional() }),
    run: ({ store, who }, { itemId, outcome, note, deadline }) => decideHandling(store, who, itemId, outcome, note, deadline),
  }),
  'opinions.document': command({
    access: ['admin'],
    input: z.object({ id, format }),
    run: ({ store }, { id: oid, format: f }) => file(opinionDoc(store, oid), f, opinionFileName(store, oid, f)),
  }),
  'register.list': command({ access: ['admin'], input: z.object({}), run: ({ store, who }) => registerRows(store, who) }),
  'register.export': command({ access: ['admin'], input: z.object({}), run: ({ store, who }) => registerXlsx(store, who) }),

  // ---- resolutions and decisions -----------------------------------------------------------
  'resolutions.list': command({
    access: ['admin'],
    input: z.object({ sessionId: id }),
    run: ({ store }, { sessionId }) => ({ candidates: resolutionCandidates(store, sessionId), resolutions: listResolutions(store, sessionId) }),
  }),
  'resolutions.create': command({ access: ['admin'], input: z.object({ itemId: id }), run: ({ store, who }, { itemId }) => createResolution(store, who, itemId) }),
  'resolutions.update': command({
    access: ['admin'],
    printed: true,
    input: z.object({
      id,
      kind: z.enum(['resolution', 'decision']),
      title: linesText(300, '请填写标题'),
      body: z.string().max(50_000).superRefine(textRule('lines')),
      redHeader: z.boolean().default(false),
    }),
    run: ({ store, who }, { id: rid, ...f }) => updateResolution(store, who, rid, f),
  }),
  'resolutions.delete': command({
    access: ['admin'],
    input: z.object({ id }),
    run: ({ store, who }, { id: rid }) => {
      deleteResolution(store, who, rid);
      return { deleted: rid };
    },
  }),
  'resolutions.document': command({
    access: ['admin'],
    input: z.object({ id, format }),
    run: ({ store }, { id: rid, format: f }) => file(resolutionDoc(store, rid), f, resolutionFileName(store, rid, f)),
  }),
};
