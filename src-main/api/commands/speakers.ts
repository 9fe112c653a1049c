// The speaker queue (申请发言, issue 10): members ask to speak and withdraw from their terminals; the
// secretary calls the next speaker, marks the turn done and records what was said (a review remark).
import { z } from 'zod';
import { linesText } from '../../domain/text';
import { listSpeakers } from '../../meeting/speakers';
import { AppError } from '../../shared/result';
import { command, type CallContext } from '../command';
import { engineOf } from './live';
import { bindingOf } from './terminal';

const id = z.number().int().positive();
const text = linesText(5000);

const memberOf = (ctx: CallContext): number => {
  const b = bindingOf(ctx);
  if (b.memberId === null) throw new AppError('FORBIDDEN', '列席人员不在组成人员发言名单中，请向会务人员示意');
  return b.memberId;
};

export const speakerCommands = {
  /** The session's queue (the live session's when none is given), every item, in the order asked. */
  'speakers.list': command({
    access: ['admin', 'display'],
    input: z.object({ sessionId: id.optional() }),
    run: (ctx, { sessionId }) => listSpeakers(ctx.store, sessionId ?? engineOf(ctx).requireLive().id),
  }),
  /** 请发言: the given request, or the next one in order on the current item (who is speaking is finished first). */
  'speakers.call': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ id: id.optional() }),
    run: (ctx, input) => engineOf(ctx).speakers.call(ctx.who, input.id),
  }),
  /** 发言结束, optionally with what was said (kept as the member's spoken review remark). */
  'speakers.finish': command({
    access: ['admin'],
    printed: true,
    sessionBusiness: true,
    input: z.object({ id, remark: text.optional() }),
    run: (ctx, { id: entryId, remark }) => engineOf(ctx).speakers.finish(ctx.who, entryId, remark),
  }),
  /** Attaches the spoken remark to a turn: new text, or a remark of that member on that item. */
  'speakers.attachRemark': command({
    access: ['admin'],
    printed: true,
    input: z.object({ id, text: text.optional(), remarkId: id.optional() }),
    run: (ctx, { id: entryId, text: t, remarkId }) => engineOf(ctx).speakers.attachRemark(ctx.who, entryId, { text: t, remarkId }),
  }),

  'terminal.requestSpeak': command({
    access: ['terminal'],
    sessionBusiness: true,
    input: z.object({}),
    run: (ctx) => engineOf(ctx).speakers.request(ctx.who, memberOf(ctx)),
  }),
  'terminal.withdrawSpeak': command({
    access: ['terminal'],
    sessionBusiness: true,
    input: z.object({}),
    run: (ctx) => engineOf(ctx).speakers.withdraw(ctx.who, memberOf(ctx)),
  }),
};
