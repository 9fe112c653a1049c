import { z } from 'zod';
import { GENDERS, MEMBER_ROLES, nameProblem } from '../../domain/people';
import { lineText, linesText } from '../../domain/text';
import { attendees, officials } from '../../store/directory';
import { createMember, listMembers, retireMember, updateMember } from '../../store/members';
import { command, idInput, isoDate } from '../command';
import { NAME_ORDERS } from '../../domain/strokes';
import { sessionNameOrder, setSessionNameOrder } from '../../people/name-order';
import { orderByName } from '../../people/strokes';

const text = (max: number) => lineText(max).default('');
const personName = z
  .string()
  .trim()
  .min(1, '姓名不能为空')
  .max(50)
  .superRefine((n, ctx) => {
    const problem = nameProblem(n); // and printable: the command is `printed`
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const sort = z.number().int().min(0).max(100000);

export const memberFields = z.object({
  sort,
  name: personName,
  gender: z.enum(GENDERS).default(''),
  role: z.enum(MEMBER_ROLES),
  seat: z.number().int().positive().nullable(),
  inOfficeFrom: isoDate.nullable().default(null),
  inOfficeTo: isoDate.nullable().default(null),
  note: linesText(200).default(''),
});

export const attendeeFields = z.object({ sort, name: personName, unit: text(100), title: text(100) });
export const officialFields = z.object({ sort, name: personName, unit: text(100), post: text(100), category: text(50) });

const listInput = z.object({ includeInactive: z.boolean().default(false) });
const order = z.enum(NAME_ORDERS);

export const peopleCommands = {
  /** 按姓氏笔画: the positions of the given names in stroke order (for lists kept in the renderer, e.g. 测评对象). */
  'names.strokeOrder': command({
    access: ['admin'],
    input: z.object({ names: z.array(z.string().max(200)).max(2000) }),
    run: (_ctx, { names }) => ({ order: orderByName(names.map((name, i) => ({ name, i })), (x) => x.name, 'strokes').map((x) => x.i) }),
  }),
  /** How the session's name lists (签到表, 记名表决名单, 任免名单) are printed. */
  'nameOrder.get': command({ access: ['admin'], input: z.object({ sessionId: z.number().int().positive() }), run: ({ store }, { sessionId }) => ({ order: sessionNameOrder(store, sessionId) }) }),
  'nameOrder.set': command({
    access: ['admin'],
    input: z.object({ sessionId: z.number().int().positive(), order }),
    run: ({ store, who }, { sessionId, order: o }) => ({ order: setSessionNameOrder(store, who, sessionId, o) }),
  }),
  'members.list': command({
    access: ['admin'],
    input: listInput,
    run: ({ store }, { includeInactive }) => listMembers(store, { includeRetired: includeInactive }),
  }),
  'members.create': command({ access: ['admin'], printed: true, input: memberFields, run: ({ store, who }, f) => createMember(store, who, f) }),
  'members.update': command({
    access: ['admin'],
    printed: true,
    input: memberFields.extend({ id: z.number().int().positive() }),
    run: ({ store, who }, { id, ...f }) => updateMember(store, who, id, f),
  }),
  'members.retire': command({
    access: ['admin'],
    input: idInput.extend({ date: isoDate }),
    run: ({ store, who }, { id, date }) => retireMember(store, who, id, date),
  }),

  'attendees.list': command({ access: ['admin'], input: listInput, run: ({ store }, i) => attendees.list(store, i) }),
  'attendees.create': command({ access: ['admin'], printed: true, input: attendeeFields, run: ({ store, who }, f) => attendees.create(store, who, f) }),
  'attendees.update': command({
    access: ['admin'],
    printed: true,
    input: attendeeFields.extend({ id: z.number().int().positive() }),
    run: ({ store, who }, { id, ...f }) => attendees.update(store, who, id, f),
  }),
  'attendees.setActive': command({
    access: ['admin'],
    input: idInput.extend({ active: z.boolean() }),
    run: ({ store, who }, { id, active }) => attendees.setActive(store, who, id, active),
  }),

  'officials.list': command({ access: ['admin'], input: listInput, run: ({ store }, i) => officials.list(store, i) }),
  'officials.create': command({ access: ['admin'], printed: true, input: officialFields, run: ({ store, who }, f) => officials.create(store, who, f) }),
  'officials.update': command({
    access: ['admin'],
    printed: true,
    input: officialFields.extend({ id: z.number().int().positive() }),
    run: ({ store, who }, { id, ...f }) => officials.update(store, who, id, f),
  }),
  'officials.setActive': command({
    access: ['admin'],
    input: idInput.extend({ active: z.boolean() }),
    run: ({ store, who }, { id, active }) => officials.setActive(store, who, id, active),
  }),
};
