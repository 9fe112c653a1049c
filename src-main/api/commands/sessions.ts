import { z } from 'zod';
import { lineText, linesText } from '../../domain/text';
import { AGENDA_KINDS, agendaDetailsSchema, agendaKindLabel, personsWithIds } from '../../domain/agenda';
import { itemScales } from '../../assessment/assessment-store';
import type { Store } from '../../store/store';
import { rulesSchema } from '../../domain/settings';
import { checkOversightItem } from '../../review/oversight';
import { addItem, attachDocument, deleteItem, getItem, listItems, readDocument, removeDocument, reorderItems, updateItem, type AgendaItem } from '../../store/agenda';
import { castPersons } from '../../store/item-data';
import { applyCurrentRules, createSession, deleteSession, getSession, listSessions, membersInOfficeOn, updateSession } from '../../store/sessions';
import { syncHearings } from '../../review/handlings';
import { base64, command, fileName, idInput, isoDate, type CallContext, type FilePayload } from '../command';

/** An agenda edit reaches the console, the terminals and the big screen at once. */
const edited = <T>(ctx: CallContext, value: T, itemId?: number): T => {
  ctx.services.engine?.changed({ itemId }, 'agenda');
  return value;
};

const sessionFields = z.object({
  term: z.number().int().min(1).max(99),
  number: z.number().int().min(1).max(9999),
  date: isoDate,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')
    .or(z.literal(''))
    .default(''),
  place: lineText(100).default(''),
  chair: lineText(50).default(''),
  expectedMembers: z.number().int().min(1, '应到人数至少为1').max(10000),
  /** Why 应到 differs from the members in office on the date (a vacancy…): required then, printed. */
  expectedReason: linesText(200).default(''),
  rules: rulesSchema.optional(),
});

const itemFields = z.object({
  kind: z.enum(AGENDA_KINDS),
  title: lineText(300, '议程标题不能为空'),
  presenter: lineText(100).default(''),
  details: agendaDetailsSchema.default({}),
});

const id = z.number().int().positive();

/**
 * A session's items as the console lists them: every item with its kind in words, an assessment by the
 * scale it is held on (称职测评: agendaKindLabel); appointment items with the persons ballots were cast
 * for (they can no longer be removed or changed).
 */
function listed(store: Store, sessionId: number, items = listItems(store, sessionId)): (AgendaItem & { kindLabel: string; votedPersonIds?: string[] })[] {
  const scaleOf = itemScales(store, sessionId, getSession(store, sessionId).rules.satisfaction.scale);
  return items.map((i) => {
    const labelled = { ...i, kindLabel: agendaKindLabel(i.kind, scaleOf(i.id)) };
    return i.kind === 'appointment' ? { ...labelled, votedPersonIds: castPersons(store, i.id, personsWithIds(i.details.persons)).map((p) => p.id) } : labelled;
  });
}

export const sessionCommands = {
  'sessions.list': command({ access: ['admin'], input: z.object({}), run: ({ store }) => listSessions(store) }),
  'sessions.get': command({
    access: ['admin'],
    input: idInput,
    run: ({ store }, { id }) => ({ session: getSession(store, id), items: listed(store, id) }),
  }),
  /** 应到 defaults to the members in office on the session date. */
  'sessions.expectedMembers': command({
    access: ['admin'],
    input: z.object({ date: isoDate }),
    run: ({ store }, { date }) => membersInOfficeOn(store, date),
  }),
  'sessions.create': command({ access: ['admin'], printed: true, input: sessionFields, run: ({ store, who }, f) => createSession(store, who, f) }),
  'sessions.update': command({
    access: ['admin'],
    printed: true,
    input: sessionFields.extend({ id }),
    run: ({ store, who }, { id, ...f }) => updateSession(store, who, id, f),
  }),
  /** A draft session takes the rules now in 设置 (refused once the session has opened). */
  'sessions.applyRules': command({ access: ['admin'], input: idInput, run: ({ store, who }, { id }) => applyCurrentRules(store, who, id) }),
  'sessions.delete': command({
    access: ['admin'],
    input: idInput,
    run: ({ store, who }, { id }) => {
      deleteSession(store, who, id);
      return { deleted: id };
    },
  }),

  'agenda.add': command({
    access: ['admin'],
    printed: true,
    input: itemFields.extend({ sessionId: id }),
    run: (ctx, { sessionId, ...f }) => {
      checkOversightItem(ctx.store, getSession(ctx.store, sessionId), f.kind, f.details);
      const item = addItem(ctx.store, ctx.who, sessionId, f);
      return edited(ctx, item, item.id);
    },
  }),
  'agenda.update': command({
    access: ['admin'],
    printed: true,
    input: itemFields.extend({ id }),
    run: (ctx, { id, ...f }) => {
      checkOversightItem(ctx.store, getSession(ctx.store, getItem(ctx.store, id).sessionId), f.kind, f.details);
      return edited(ctx, updateItem(ctx.store, ctx.who, id, f), id);
    },
  }),
  'agenda.delete': command({
    access: ['admin'],
    input: idInput,
    run: (ctx, { id }) => {
      const { store, who } = ctx;
      const { sessionId } = getItem(store, id);
      store.change(who, () => {
        deleteItem(store, who, id);
        syncHearings(store, who); // a handling-report link of the deleted item goes with it
      });
      return edited(ctx, listed(store, sessionId), id);
    },
  }),
  'agenda.reorder': command({
    access: ['admin'],
    input: z.object({ sessionId: id, orderedIds: z.array(id).max(500) }),
    run: (ctx, { sessionId, orderedIds }) => edited(ctx, listed(ctx.store, sessionId, reorderItems(ctx.store, ctx.who, sessionId, orderedIds))),
  }),
  'documents.attach': command({
    access: ['admin'],
    input: z.object({ itemId: id, fileName, data: base64 }),
    run: (ctx, { itemId, fileName, data }) => edited(ctx, attachDocument(ctx.store, ctx.who, itemId, fileName, Buffer.from(data, 'base64')), itemId),
  }),
  'documents.remove': command({
    access: ['admin'],
    input: idInput,
    run: (ctx, { id }) => {
      removeDocument(ctx.store, ctx.who, id);
      return edited(ctx, { deleted: id });
    },
  }),
  'documents.download': command({
    access: ['admin'],
    input: idInput,
    run: ({ store }, { id }): FilePayload => {
      const d = readDocument(store, id);
      return { fileName: d.fileName, mime: d.mime, base64: d.data.toString('base64') };
    },
  }),
};
