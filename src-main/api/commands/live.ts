// The secretary's commands for running the live session: open/close, quorum, agenda stepping,
// attendance, seat codes and terminal binding.
import QRCode from 'qrcode';
import { z } from 'zod';
import { linesText } from '../../domain/text';
import { AppError } from '../../shared/result';
import type { MeetingEngine } from '../../meeting/engine';
import { listSeatCodes, regenerateSeatCode } from '../../meeting/pairing';
import { consoleState } from '../../meeting/views';
import { command, type CallContext } from '../command';

const id = z.number().int().positive();

export function engineOf(ctx: CallContext): MeetingEngine {
  if (!ctx.services.engine) throw new AppError('INVALID_STATE', '会议引擎未启动');
  return ctx.services.engine;
}

const unpairedOf = (ctx: CallContext) => (ctx.services.lan?.unpaired() ?? []).map(({ pairingNumber, address }) => ({ pairingNumber, address }));

/** Runs a change on the engine and answers with the console's fresh view. */
const viewAfter = (ctx: CallContext, change: (e: MeetingEngine) => void) => {
  const e = engineOf(ctx);
  change(e);
  return consoleState(e, unpairedOf(ctx));
};

const seatTarget = z
  .object({ memberId: id.optional(), attendeeId: id.optional() })
  .refine((t) => (t.memberId === undefined) !== (t.attendeeId === undefined), '请指定一位组成人员或一位列席人员');

/**
 * 上一项 / 下一项 from the item the console showed (null: none): once the current item has moved on
 * from it, a repeat (a double click, a second console window, a retried call) moves nothing again.
 * Without it, one step from wherever the current item is.
 */
const stepFrom = z.object({ fromItemId: id.nullable().optional() });

export const liveCommands = {
  'live.state': command({ access: ['admin'], input: z.object({}), run: (ctx) => consoleState(engineOf(ctx), unpairedOf(ctx)) }),
  'live.open': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ sessionId: id }),
    run: (ctx, { sessionId }) => viewAfter(ctx, (e) => e.openSession(ctx.who, sessionId)),
  }),
  /**
   * 闭会 (`sessionId`: the session the console shows). A repeat once it has closed changes nothing and
   * answers so (`alreadyClosed`, "……已闭会"), never "当前没有正在进行的会议"; the console's view follows.
   */
  'live.close': command({
    access: ['admin'],
    input: z.object({ sessionId: id.optional() }),
    run: (ctx, { sessionId }) => {
      const { session, alreadyClosed } = engineOf(ctx).closeSession(ctx.who, sessionId);
      const message = alreadyClosed ? `“${session.title}”已闭会，无需再次闭会` : `“${session.title}”已闭会`;
      return { session: { id: session.id, title: session.title, closedAt: session.closedAt ?? null }, alreadyClosed, message, view: consoleState(engineOf(ctx), unpairedOf(ctx)) };
    },
  }),
  'live.startBusiness': command({
    access: ['admin'],
    printed: true,
    sessionBusiness: true,
    input: z.object({ override: linesText(500).optional() }),
    run: (ctx, { override }) => viewAfter(ctx, (e) => e.startBusiness(ctx.who, override)),
  }),
  'live.setItem': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ itemId: id }),
    run: (ctx, { itemId }) => viewAfter(ctx, (e) => e.setItem(ctx.who, itemId)),
  }),
  /** The notices of interrupted runs not yet dismissed, newest first, whether or not a session is open (the console's state is null while none is). */
  'live.interruption': command({ access: ['admin'], input: z.object({}), run: (ctx) => ({ interruptions: engineOf(ctx).interruptions }) }),
  /** The connections the meeting machine refuses for its bound now (the console's notice; later ones come as `refusals` frames). */
  'live.connectionRefusals': command({ access: ['admin'], input: z.object({}), run: (ctx) => ({ refusals: ctx.services.lan?.refusals() ?? null }) }),
  /** 知道了 on the refusals notice: gone for every console until a connection is refused again (nothing recorded: the refusals are not kept either). */
  'live.dismissRefusals': command({ access: ['admin'], input: z.object({}), run: (ctx) => void ctx.services.lan?.dismissRefusals() }),
  /** 知道了: the secretary has read this notice of an interrupted run (`id` null: one the file could not take); recorded with who and when. */
  'live.dismissInterruption': command({
    access: ['admin'],
    input: z.object({ id: id.nullable() }),
    run: (ctx, { id: notice }) => viewAfter(ctx, (e) => e.dismissInterruption(ctx.who, notice)),
  }),
  'live.next': command({ access: ['admin'], sessionBusiness: true, input: stepFrom, run: (ctx, { fromItemId }) => viewAfter(ctx, (e) => e.step(ctx.who, 1, fromItemId)) }),
  'live.prev': command({ access: ['admin'], sessionBusiness: true, input: stepFrom, run: (ctx, { fromItemId }) => viewAfter(ctx, (e) => e.step(ctx.who, -1, fromItemId)) }),
  'attendance.set': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ memberId: id, status: z.enum(['present', 'leave', 'left', 'absent']) }),
    run: (ctx, { memberId, status }) => viewAfter(ctx, (e) => e.setAttendance(ctx.who, memberId, status, 'secretary')),
  }),
  'seatCodes.list': command({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => listSeatCodes(ctx.store, engineOf(ctx).requireLive().id),
  }),
  'seatCodes.regenerate': command({
    access: ['admin'],
    input: seatTarget,
    run: (ctx, target) => {
      const e = engineOf(ctx);
      const code = ctx.store.change(ctx.who, () => regenerateSeatCode(ctx.store, ctx.who, e.requireLive().id, target));
      e.changed({ memberId: target.memberId }, 'terminals');
      return { code };
    },
  }),
  'terminals.bind': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ pairingNumber: z.string().regex(/^\d{4}$/, '终端号应为4位数字') }).and(seatTarget),
    run: (ctx, { pairingNumber, memberId, attendeeId }) => {
      const conn = ctx.services.lan?.unpaired().find((u) => u.pairingNumber === pairingNumber);
      if (!conn) throw new AppError('NOT_FOUND', `没有找到显示终端号${pairingNumber}的未绑定终端，请确认该终端已连接`);
      return viewAfter(ctx, (e) =>
        e.pairFromConsole(ctx.who, conn.connectionId, conn.address, { memberId: memberId ?? null, attendeeId: attendeeId ?? null }),
      );
    },
  }),
  'live.terminalInfo': command({
    access: ['admin', 'display'],
    input: z.object({}),
    run: async (ctx) => {
      const urls = ctx.services.lan?.terminalUrls() ?? [];
      const qrSvg = urls[0] ? await QRCode.toString(urls[0], { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : '';
      /** Where the big screen is opened (the same machine, or a PC at the projector). */
      const displayUrls = urls.map((u) => u.replace(/#\/terminal$/, '#/display'));
      return { urls, qrSvg, displayUrls };
    },
  }),
  /** Wrong seat codes: who is locked out now (per address, or everyone when too many overall). */
  'seatCodes.lockout': command({ access: ['admin'], input: z.object({}), run: (ctx) => engineOf(ctx).rateLimiter.status() }),
  /**
   * The secretary clears a lock-out: every wrong seat code so far is forgotten, and the audit log says
   * what was cleared. With nothing to clear (a second click) nothing is recorded.
   */
  'seatCodes.clearLockout': command({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => {
      const e = engineOf(ctx);
      const { overall, addresses, recentFailures } = e.rateLimiter.status();
      if (recentFailures === 0 && addresses.length === 0) return e.rateLimiter.status();
      e.rateLimiter.reset();
      ctx.store.change(ctx.who, () => ctx.store.audit.append(ctx.who, 'seatCodes.clearLockout', 'sessions', e.liveSession()?.id ?? 0, { overall, addresses, recentFailures }));
      e.changed('terminals');
      return e.rateLimiter.status();
    },
  }),
};
