// The attendance line is one sentence on every face (shared/domain.md: "应出席常委会组成人员33人，实到29人，
// 符合法定人数"): when 应到 differs from the members in office, its stated reason follows it in brackets
// on the console, the big screen and the terminals exactly as in the chair's script (主持词) — the live
// view had dropped the reason. Through the command map on a real SQLite file, the script read back
// with pdftotext.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { pdfText, savePdf } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance } from '../helpers/live-setup';

let admin: AdminCore;
let s16: Session16;
const REASON = '委员谭云已辞去常委会组成人员职务，缺额1人';

beforeAll(async () => {
  admin = openAdminCore('yishi-attendance-line-');
  s16 = await prepareSession16(admin.must);
  const s = (await admin.must('sessions.get', { id: s16.sessionId })).session;
  const { id, term, number, date, startTime, place, chair } = s;
  await admin.must('sessions.update', { id, term, number, date, startTime, place, chair, expectedMembers: 32, expectedReason: REASON });
  await admin.must('live.open', { sessionId: s16.sessionId });
  await markAttendance(admin.must, s16.members.slice(0, 17));
});
afterAll(() => admin.close());

describe('the attendance line with the reason for 应到', () => {
  it('the live view says 应到 with its reason, and 17 of 32 is a quorum (more than half)', async () => {
    const state = await admin.must('live.state');
    expect(state.attendance).toMatchObject({ expected: 32, present: 17, quorumMet: true });
    expect(state.attendance.announcement).toBe(`应出席常委会组成人员32人（${REASON}），实到17人，缺席15人，符合法定人数。`);
  });

  it('the chair’s script prints the same sentence', async () => {
    const f = await admin.must('documents.render', { sessionId: s16.sessionId, id: 'chairScript', format: 'pdf' });
    const data = Buffer.from(f.base64, 'base64');
    savePdf('attendance-line-chair-script', data);
    const state = await admin.must('live.state');
    expect(pdfText(data).replace(/\s+/g, '')).toContain(state.attendance.announcement);
  });

  it('one member fewer (16 of 32, exactly half) is no quorum, said the same way', async () => {
    await admin.must('attendance.set', { memberId: s16.members[16]!.id, status: 'absent' });
    const state = await admin.must('live.state');
    expect(state.attendance.announcement).toBe(`应出席常委会组成人员32人（${REASON}），实到16人，缺席16人，不符合法定人数。`);
  });
});
