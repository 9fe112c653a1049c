// The chair's script (主持词) and the session record (会议记录) say the attendance the chair announced
// when business began ("应出席常委会组成人员33人，实到20人，请假2人，缺席11人，符合法定人数。现在开会。"),
// not the attendance at the moment they are printed: members who leave or arrive later change the live
// count (shared/domain.md), never the figure read out at the opening. Before business begins the script
// is prepared with the live figure. After 闭会 an item never voted on says so instead of blanks. Through the command map on a real SQLite file, the PDFs read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { pdfText, savePdf } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance } from '../helpers/live-setup';

let admin: AdminCore;
let s16: Session16;

const text = async (id: 'chairScript' | 'minutes', name: string): Promise<string> => {
  const f = await admin.must('documents.render', { sessionId: s16.sessionId, id, format: 'pdf' });
  const data = Buffer.from(f.base64, 'base64');
  savePdf(name, data);
  return pdfText(data).replace(/\s+/g, '');
};

const AT_OPENING = '应出席常委会组成人员33人，实到20人，请假2人，缺席11人，符合法定人数。';

beforeAll(async () => {
  admin = openAdminCore('yishi-chair-script-opening-');
  s16 = await prepareSession16(admin.must);
  await admin.must('live.open', { sessionId: s16.sessionId });
  await markAttendance(admin.must, s16.members.slice(0, 20));
  await markAttendance(admin.must, s16.members.slice(20, 22), 'leave');
});
afterAll(() => admin.close());

describe('the attendance in the chair’s script is the one announced at the opening', () => {
  it('before business begins, the script is prepared with the live figure', async () => {
    expect(await text('chairScript', 'opening-before-start')).toContain(`${AT_OPENING}现在开会。`);
  });

  it('after three members leave and one arrives late, the script still says the opening figure', async () => {
    await admin.must('live.startBusiness', {});
    await markAttendance(admin.must, s16.members.slice(0, 3), 'left');
    await admin.must('attendance.set', { memberId: s16.members[25]!.id, status: 'present' });
    const live = await admin.must('live.state');
    expect(live.attendance).toMatchObject({ present: 18, onLeave: 2 }); // the live count moved
    const script = await text('chairScript', 'opening-after-departures');
    expect(script).toContain(`${AT_OPENING}现在开会。`);
    expect(script).not.toContain('实到18人');
  });

  it('printed after 闭会, the script and the record keep the opening figure', async () => {
    await markAttendance(admin.must, s16.members.slice(3, 12), 'left');
    await admin.must('live.close');
    expect(await text('chairScript', 'opening-after-close')).toContain(`${AT_OPENING}现在开会。`);
    expect(await text('minutes', 'opening-minutes-after-close')).toContain(AT_OPENING);
  });

  it('after 闭会, a vote or appointment item never voted on says 本项未付表决, not blanks to fill in', async () => {
    const script = await text('chairScript', 'not-voted-after-close');
    expect(script).not.toContain('____');
    expect(script).toContain('审议关于开展第八个五年法治宣传教育的决议（草案）。请区人大常委会法制工作委员会作说明。本项未付表决。');
    expect(script.match(/本项未付表决。/g)).toHaveLength(2); // the 决议 and the 人事任免
    const minutes = await text('minutes', 'not-voted-minutes');
    expect(minutes.match(/本项未付表决。/g)).toHaveLength(2);
  });
});
