// 暂不付表决 and 撤回 on an agenda item (store/item-dispositions.ts; rule and words in
// domain/item-disposition.ts): recorded by the secretary with the reason stated, undone before 闭会.
// Every view follows (the item's line on the console, the big screen and the terminals).
import { z } from 'zod';
import { DISPOSITION_KINDS } from '../../domain/item-disposition';
import { linesText } from '../../domain/text';
import { dispositionHistory, recordDisposition, undoDisposition, type ItemDisposition } from '../../store/item-dispositions';
import { command, type CallContext } from '../command';

const id = z.number().int().positive();

/** The views follow when the live engine runs (a draft session's agenda has no live views). */
function changedItem(ctx: CallContext, d: ItemDisposition): ItemDisposition {
  ctx.services.engine?.changed({ itemId: d.itemId }, 'agenda');
  return d;
}

export const dispositionCommands = {
  /** 暂不付表决 (the chair's decision on the 主任会议's proposal) or 提案人撤回, with the reason. */
  'agenda.dispose': command({
    access: ['admin'],
    printed: true,
    sessionBusiness: true,
    input: z.object({ itemId: id, kind: z.enum(DISPOSITION_KINDS), reason: linesText(500, '请填写理由') }),
    run: (ctx, { itemId, kind, reason }) => changedItem(ctx, recordDisposition(ctx.store, ctx.who, itemId, kind, reason)),
  }),
  /** 撤销: the decision no longer stands (before 闭会), with the reason stated; its row keeps when and why. */
  'agenda.undoDisposition': command({
    access: ['admin'],
    printed: true,
    sessionBusiness: true,
    input: z.object({ itemId: id, reason: linesText(500, '请填写撤销的理由') }),
    run: (ctx, { itemId, reason }) => changedItem(ctx, undoDisposition(ctx.store, ctx.who, itemId, reason)),
  }),
  /** Every decision recorded on the item, undone ones too. */
  'agenda.dispositions': command({
    access: ['admin'],
    input: z.object({ itemId: id }),
    run: (ctx, { itemId }) => dispositionHistory(ctx.store, itemId),
  }),
};
