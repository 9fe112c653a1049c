import { z } from 'zod';
import { AGENDA_KINDS, agendaDetailsSchema } from '../../domain/agenda';
import { rulesSchema } from '../../domain/settings';
import { checkOversightItem } from '../../review/oversight';
import { addItem, attachDocument, deleteItem, getItem, listItems, readDocument, removeDocument, reorderItems, updateItem } from '../../store/agenda';
import { createSession, deleteSession, getSession, listSessions, membersInOfficeOn, updateSession } from '../../store/sessions';
import { base64, command, idInput, isoDate, type FilePayload } from '../command';

const sessionFields = z.object({
  term: z.number().int().min(1).max(99),
  number: z.number().int().min(1).max(9999),
  date: isoDate,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')
    .or(z.literal(''))
    .default(''),
  place: z.string().trim().max(100).default(''),
  chair: z.string().trim().max(50).default(''),
  expectedMembers: z.number().int().min(1, '应到人数至少为1').max(10000),
  rules: rulesSchema.optional(),
});

const itemFields = z.object({
  kind: z.enum(AGENDA_KINDS),
  title: z.string().trim().min(1, '议程标题不能为空').max(300),
  presenter: z.string().trim().max(100).default(''),
  details: agendaDetailsSchema.default({}),
});

const id = z.number().int().positive();

export const sessionCommands = {
  'sessions.list': command({ access: ['admin'], input: z.object({}), run: ({ store }) => listSessions(store) }),
  'sessions.get': command({
    access: ['admin'],
    input: idInput,
    run: ({ store }, { id }) => ({ session: getSession(store, id), items: listItems(store, id) }),
  }),
  /** 应到 defaults to the members in office on the session date. */
  'sessions.expectedMembers': command({
    access: ['admin'],
    input: z.object({ date: isoDate }),
    run: ({ store }, { date }) => membersInOfficeOn(store, date),
  }),
  'sessions.create': command({ access: ['admin'], input: sessionFields, run: ({ store, who }, f) => createSession(store, who, f) }),
  'sessions.update': command({
    access: ['admin'],
    input: sessionFields.extend({ id }),
    run: ({ store, who }, { id, ...f }) => updateSession(store, who, id, f),
  }),
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
    input: itemFields.extend({ sessionId: id }),
    run: ({ store, who }, { sessionId, ...f }) => {
      checkOversightItem(store, getSession(store, sessionId), f.kind, f.details);
      return addItem(store, who, sessionId, f);
    },
  }),
  'agenda.update': command({
    access: ['admin'],
    input: itemFields.extend({ id }),
    run: ({ store, who }, { id, ...f }) => {
      checkOversightItem(store, getSession(store, getItem(store, id).sessionId), f.kind, f.details);
      return updateItem(store, who, id, f);
    },
  }),
  'agenda.delete': command({
    access: ['admin'],
    input: idInput,
    run: ({ store, who }, { id }) => {
      const { sessionId } = getItem(store, id);
      deleteItem(store, who, id);
      return listItems(store, sessionId);
    },
  }),
  'agenda.reorder': command({
    access: ['admin'],
    input: z.object({ sessionId: id, orderedIds: z.array(id).max(500) }),
    run: ({ store, who }, { sessionId, orderedIds }) => reorderItems(store, who, sessionId, orderedIds),
  }),
  'documents.attach': command({
    access: ['admin'],
    input: z.object({ itemId: id, fileName: z.string().trim().min(1).max(255), data: base64 }),
    run: ({ store, who }, { itemId, fileName, data }) => attachDocument(store, who, itemId, fileName, Buffer.from(data, 'base64')),
  }),
  'documents.remove': command({
    access: ['admin'],
    input: idInput,
    run: ({ store, who }, { id }) => {
      removeDocument(store, who, id);
      return { deleted: id };
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
