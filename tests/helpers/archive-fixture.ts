// Two sessions for the archive tests, held and closed through the admin commands: the 第十五次会议
// (2025) and the 第十六次会议 (2026) of tests/fixtures/sample-sessions.md, each with a show-of-hands
// ballot on the same budget title, remarks, review opinions with their 文号, and a document.
import { prepareSession16, type Session16 } from './session-fixture';
import { markAttendance } from './live-setup';

type Must = <T = any>(name: string, input?: unknown) => Promise<T>;

export const BUDGET_BALLOT = '关于批准区级预算调整方案的决议（草案）';
export const MEDICAL_REMARK = '建议加强医保基金监管，对定点医药机构开展专项检查。';

export interface ArchiveFixture {
  s16: Session16;
  session15: number;
  ballot15: number;
  ballot16: number;
  remarkId: number;
  /** 示人常审〔2026〕3号, registered, being handled (办理中). */
  handlingOpinion: number;
  /** 示人常审〔2026〕4号, drafted at the 第十六次会议 and sent (已交办). */
  sentOpinion: number;
  documentId: number;
}

/** Present 20 members, start business and hold a show-of-hands ballot on `title` (adopted 18:1:1). */
async function holdBallot(must: Must, sessionId: number, memberIds: number[], title: string): Promise<number> {
  const item = await must<{ id: number }>('agenda.add', { sessionId, kind: 'vote', title: `审议${title}` });
  await must('live.open', { sessionId });
  await markAttendance(must, memberIds.slice(0, 20));
  await must('live.startBusiness', {});
  await must('live.setItem', { itemId: item.id });
  const b = await must<{ id: number }>('ballots.create', { itemId: item.id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null });
  await must('ballots.enterResult', { ballotId: b.id, yes: 18, no: 1, abstain: 1 });
  await must('ballots.announce', { ballotId: b.id });
  return b.id;
}

export async function prepareArchive(must: Must): Promise<ArchiveFixture> {
  const s16 = await prepareSession16(must);
  const memberIds = s16.members.map((m) => m.id);
  const s15 = await must<{ id: number }>('sessions.create', { term: 2, number: 15, date: '2025-06-20', startTime: '09:00', place: '区人大常委会会议室', chair: '邱东竹', expectedMembers: 33 });
  const ballot15 = await holdBallot(must, s15.id, memberIds, BUDGET_BALLOT);
  await must('live.close');

  const earlier = await must<{ id: number }>('opinions.register', {
    reportTitle: '区人民政府关于开发区建设情况的报告',
    addressee: '区人民政府',
    docNumber: '示人常审〔2026〕3号',
    sentAt: '2026-01-10',
  });
  await must('opinions.markHandling', { id: earlier.id, since: '2026-02-01' });
  const report = s16.items[0]!.id; // 医疗保障基金使用情况的报告
  const doc = await must<{ id: number }>('documents.attach', { itemId: report, fileName: '医疗保障基金使用情况的报告.pdf', data: Buffer.from('%PDF-1.4\n% 医疗保障基金\n').toString('base64') });
  const ballot16 = await holdBallot(must, s16.sessionId, memberIds, BUDGET_BALLOT);
  const remark = await must<{ id: number }>('remarks.add', { itemId: report, memberId: memberIds[3], mode: 'written', text: MEDICAL_REMARK });
  await must('remarks.add', { itemId: s16.items[1]!.id, memberId: memberIds[4], mode: 'spoken', text: '公益诉讼案件线索来源单一，建议拓宽渠道。' });
  const draft = await must<{ id: number }>('opinions.createDraft', { itemId: report });
  await must('opinions.send', { id: draft.id, sentAt: '2026-09-25' });
  await must('live.close');
  return { s16, session15: s15.id, ballot15, ballot16, remarkId: remark.id, handlingOpinion: earlier.id, sentOpinion: draft.id, documentId: doc.id };
}
