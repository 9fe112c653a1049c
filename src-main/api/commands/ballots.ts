// Ballots of the live session (secretary) and presses from members' terminals.
import { z } from 'zod';
import { lineText, linesText } from '../../domain/text';
import { PERSON_ID, THRESHOLD_NAMES } from '../../domain/agenda';
import { CHOICES } from '../../domain/vote';
import { ballotWords } from '../../domain/provision-vote';
import { getBallot, personIndexes } from '../../meeting/ballot-store';
import { liveBallotRow } from '../../meeting/views';
import { AppError } from '../../shared/result';
import { command, type CallContext } from '../command';
import { engineOf } from './live';

const id = z.number().int().positive();
const count = z.number().int().min(0).max(10000);
/** A paper ballot's sheets: handed out, handed back, invalid (domain/paper-ballot.ts). */
const sheets = z.object({ issued: count, returned: count, invalid: count }).optional();

const ballotRow = (ctx: CallContext, ballotId: number) => {
  const row = liveBallotRow(engineOf(ctx), ballotId);
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为${ballotId}的表决`);
  return row;
};

export const ballotCommands = {
  'ballots.create': command({
    access: ['admin'],
    printed: true,
    input: z.object({
      itemId: id,
      secret: z.boolean(),
      pressRule: z.enum(['first', 'last']),
      method: z.enum(['electronic', 'show_of_hands', 'paper']).default('electronic'),
      timerSeconds: z.number().int().min(5).max(3600).nullable().default(null),
      personIndexes: z.array(z.number().int().min(0)).max(200).optional(),
      /** Appointment persons by their stable ids (instead of personIndexes): any set, alone or together. */
      personIds: z.array(z.string().regex(PERSON_ID)).max(200).optional(),
      /** This ballot's threshold (过半数 / 三分之二以上); default the item's, else the session's rules. */
      threshold: z.enum(THRESHOLD_NAMES).optional(),
      /** 单独表决: the provision decided before the whole text, as the ballot's title ("第十二条（物业服务收费）"). */
      provision: lineText(200).optional(),
    }),
    run: (ctx, input) => ballotRow(ctx, engineOf(ctx).ballots.create(ctx.who, input).id),
  }),
  'ballots.open': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ ballotId: id }),
    run: (ctx, { ballotId }) => ballotRow(ctx, engineOf(ctx).ballots.open(ctx.who, ballotId).id),
  }),
  'ballots.close': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ ballotId: id }),
    run: (ctx, { ballotId }) => ballotRow(ctx, engineOf(ctx).ballots.close(ctx.who, ballotId).id),
  }),
  'ballots.announce': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ ballotId: id }),
    run: (ctx, { ballotId }) => ballotRow(ctx, engineOf(ctx).ballots.announce(ctx.who, ballotId).id),
  }),
  /** 作废本轮: an open secret ballot whose receipts cannot be opened here, back to draft (RoundEngine.voidRound). */
  'ballots.void': command({
    access: ['admin'],
    printed: true,
    sessionBusiness: true,
    input: z.object({ ballotId: id, reason: linesText(500, '请填写作废的原因') }),
    run: (ctx, { ballotId, reason }) => ballotRow(ctx, engineOf(ctx).ballots.voidRound(ctx.who, ballotId, reason).id),
  }),
  'ballots.enterResult': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ ballotId: id, yes: count, no: count, abstain: count, sheets }),
    run: (ctx, { ballotId, sheets, ...counts }) => ballotRow(ctx, engineOf(ctx).ballots.enterResult(ctx.who, ballotId, counts, sheets).id),
  }),
  /** A show-of-hands or paper result corrected before it is announced; the reason goes into the audit log. */
  'ballots.correctResult': command({
    access: ['admin'],
    printed: true,
    sessionBusiness: true,
    input: z.object({ ballotId: id, yes: count, no: count, abstain: count, sheets, reason: linesText(500, '请填写更正的原因') }),
    run: (ctx, { ballotId, reason, sheets, ...counts }) => ballotRow(ctx, engineOf(ctx).ballots.correctResult(ctx.who, ballotId, counts, reason, sheets).id),
  }),
  'ballots.get': command({
    access: ['admin'],
    input: z.object({ ballotId: id }),
    /**
     * The ballot; `subject` as every face names it (a provision's: 对……进行单独表决, ballotWords; `provision`
     * keeps its bare name), `persons` are places in the item's list now, `personSnapshot` the persons as voted on.
     */
    run: (ctx, { ballotId }) => {
      const b = getBallot(ctx.store, ballotId);
      return { ...b, subject: ballotWords(b), persons: personIndexes(ctx.store, b), personSnapshot: b.persons };
    },
  }),

  'terminal.vote': command({
    access: ['terminal'],
    sessionBusiness: true,
    input: z.object({ ballotId: id, choice: z.enum(CHOICES), pressSeq: z.number().int().positive() }),
    run: (ctx, input) => {
      if (ctx.caller.kind !== 'terminal') throw new AppError('FORBIDDEN', '只有组成人员的终端可以表决');
      const { terminalId, sessionId, memberId, attendeeId } = ctx.caller;
      return engineOf(ctx).ballots.vote(ctx.who, { terminalId, sessionId, memberId, attendeeId }, input);
    },
  }),
};
