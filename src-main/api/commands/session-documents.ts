// The session's printed documents: the catalogue of every document of a session (during it, after
// 闭会, at any later date) and one command that renders any of them as PDF or DOCX; the live
// console's PDF shortcuts; the appointment list.
import { z } from 'zod';
import { renderPdf } from '../../documents/pdf';
import { appointmentList } from '../../meeting/appointments';
import { getBallot } from '../../meeting/ballot-store';
import { appointmentListDoc, ballotResultDoc, resultSheetDoc, seatCodesDoc, signInSheetDoc } from '../../meeting/documents';
import { renderSessionDocument, sessionCatalogue } from '../../documents-session/catalogue';
import { safeFileName } from '../../documents-assessment/common';
import { AppError } from '../../shared/result';
import { command, type CallContext, type FilePayload } from '../command';

const id = z.number().int().positive();

/** The session given, else the live one (commands of the live console may leave it out). */
export function sessionIdOf(ctx: CallContext, given: number | undefined): number {
  if (given) return given;
  const live = ctx.services.engine?.liveSession();
  if (!live) throw new AppError('BAD_INPUT', '请指定会议');
  return live.id;
}

export const sessionDocumentCommands = {
  'documents.catalogue': command({
    access: ['admin'],
    input: z.object({ sessionId: id }),
    run: (ctx, { sessionId }) => sessionCatalogue(ctx.store, sessionId),
  }),
  'documents.render': command({
    access: ['admin'],
    input: z.object({ sessionId: id, id: z.string().trim().min(1).max(100), format: z.enum(['pdf', 'docx']) }),
    run: async (ctx, input): Promise<FilePayload> => {
      const doc = await renderSessionDocument(ctx.store, input.sessionId, input.id, input.format, { terminalUrl: ctx.services.lan?.terminalUrls()[0] ?? null });
      return { fileName: doc.fileName, mime: doc.mime, base64: doc.data.toString('base64') };
    },
  }),
  'appointments.list': command({
    access: ['admin'],
    input: z.object({ sessionId: id.optional() }),
    run: (ctx, { sessionId }) => appointmentList(ctx.store, sessionIdOf(ctx, sessionId)),
  }),
  'documents.pdf': command({
    access: ['admin'],
    input: z.object({
      kind: z.enum(['ballotResult', 'resultSheet', 'signInSheet', 'appointmentList', 'seatCodes']),
      sessionId: id.optional(),
      ballotId: id.optional(),
    }),
    run: async (ctx, { kind, sessionId, ballotId }): Promise<FilePayload> => {
      let model;
      if (kind === 'ballotResult') {
        if (!ballotId) throw new AppError('BAD_INPUT', '请指定表决');
        getBallot(ctx.store, ballotId);
        model = ballotResultDoc(ctx.store, ballotId);
      } else {
        const sid = sessionIdOf(ctx, sessionId);
        if (kind === 'resultSheet') model = resultSheetDoc(ctx.store, sid);
        else if (kind === 'signInSheet') model = signInSheetDoc(ctx.store, sid);
        else if (kind === 'appointmentList') model = appointmentListDoc(ctx.store, sid);
        else model = seatCodesDoc(ctx.store, sid, ctx.services.lan?.terminalUrls()[0] ?? null);
      }
      const pdf = await renderPdf(model);
      return { fileName: `${safeFileName(model.fileTitle)}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
    },
  }),
};
