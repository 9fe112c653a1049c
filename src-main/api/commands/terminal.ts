// Commands of members' and attendees' terminals (and of a terminal that is not paired yet).
import { z } from 'zod';
import { liveFocus, terminalMe, terminalState } from '../../meeting/views';
import type { TerminalBinding } from '../../meeting/pairing';
import { AppError } from '../../shared/result';
import { getItem } from '../../store/agenda';
import { command, type CallContext } from '../command';
import { engineOf } from './live';

export function bindingOf(ctx: CallContext): TerminalBinding {
  if (ctx.caller.kind !== 'terminal') throw new AppError('FORBIDDEN', '请先用座位码绑定终端');
  const { terminalId, sessionId, memberId, attendeeId } = ctx.caller;
  return { terminalId, sessionId, memberId, attendeeId };
}

export const terminalCommands = {
  'terminal.pair': command({
    access: ['guest', 'terminal'],
    sessionBusiness: true,
    input: z.object({ code: z.string().trim().regex(/^\d{6}$/, '座位码应为6位数字') }),
    run: async (ctx, { code }) => {
      const address = ctx.caller.kind === 'guest' ? ctx.caller.address : ctx.caller.source;
      const connection = ctx.caller.kind === 'guest' ? ctx.caller.connectionId : ctx.caller.kind === 'terminal' ? ctx.caller.terminalId : undefined;
      const e = engineOf(ctx);
      const { token, binding } = await e.pairWithCode(ctx.who, code, address, connection);
      return { token, me: terminalMe(e, binding, liveFocus(e)) };
    },
  }),
  'terminal.signIn': command({
    access: ['terminal'],
    sessionBusiness: true,
    input: z.object({}),
    run: async (ctx) => {
      const binding = bindingOf(ctx);
      if (binding.memberId === null) throw new AppError('FORBIDDEN', '列席人员无需签到');
      const e = engineOf(ctx);
      await e.signIn(ctx.who, binding.memberId);
      return terminalMe(e, binding, liveFocus(e));
    },
  }),
  /** The materials of any item of this terminal's session (the state carries the current item's). */
  'terminal.itemDocuments': command({
    access: ['terminal'],
    input: z.object({ itemId: z.number().int().positive() }),
    run: (ctx, { itemId }) => {
      const binding = bindingOf(ctx);
      let item;
      try {
        item = getItem(ctx.store, itemId);
      } catch {
        item = null;
      }
      if (!item || item.sessionId !== binding.sessionId) throw new AppError('NOT_FOUND', '本次会议没有这一项议程');
      return {
        itemId: item.id,
        title: item.title,
        documents: item.documents.map((d) => ({ id: d.id, fileName: d.fileName, mime: d.mime, size: d.size })),
      };
    },
  }),
  'terminal.state': command({
    access: ['terminal'],
    input: z.object({}),
    run: (ctx) => terminalState(engineOf(ctx), bindingOf(ctx)),
  }),
};
