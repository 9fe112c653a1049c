// 宪法宣誓 of the newly appointed (issue 10), recorded with the session: who, when, who administered it.
// Only the documents show it (会议记录, 主持词): no live view changes, the console block reloads itself.
import { z } from 'zod';
import { lineText, linesText } from '../../domain/text';
import { deleteOath, listOaths, newlyAppointed, recordOath } from '../../meeting/oaths';
import { PERSON_ID } from '../../domain/agenda';
import { command } from '../command';
import { sessionIdOf } from './session-documents';

const id = z.number().int().positive();

export const oathCommands = {
  'oaths.list': command({
    access: ['admin'],
    input: z.object({ sessionId: id.optional() }),
    run: (ctx, { sessionId }) => {
      const sid = sessionIdOf(ctx, sessionId);
      return { oaths: listOaths(ctx.store, sid), appointed: newlyAppointed(ctx.store, sid) };
    },
  }),
  'oaths.record': command({
    access: ['admin'],
    printed: true,
    input: z.object({
      sessionId: id.optional(),
      itemId: id.nullable().default(null),
      personIds: z.array(z.string().regex(PERSON_ID)).max(100).default([]),
      others: z.array(z.object({ name: lineText(50), post: lineText(100).default('') })).max(100).default([]),
      /** When it was taken (ISO time); default now. */
      takenAt: z.iso.datetime({ offset: true, message: '宣誓时间格式不正确' }).optional(),
      administeredBy: lineText(50, '请填写监誓人'),
      form: z.enum(['single', 'collective']).default('single'),
      ledBy: lineText(50).default(''),
      note: linesText(500).default(''),
    }),
    run: (ctx, { sessionId, takenAt, ...o }) => recordOath(ctx.store, ctx.who, { ...o, sessionId: sessionIdOf(ctx, sessionId), takenAt: takenAt ?? new Date().toISOString() }),
  }),
  'oaths.delete': command({
    access: ['admin'],
    input: z.object({ id }),
    run: (ctx, { id: oathId }) => {
      deleteOath(ctx.store, ctx.who, oathId);
      return { deleted: oathId };
    },
  }),
};
