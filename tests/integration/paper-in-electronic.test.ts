// Paper sheets inside an electronic round (issue 10): in a satisfaction assessment and a project ballot
// run on terminals, the secretary enters the paper sheets of members without a working terminal, one by
// one. Each becomes a sealed receipt in that member's voter row (the same length as a terminal's), the
// member is marked as handed in and their terminal refuses a second sheet (over the real WebSocket);
// the result combines both and says how many came on paper; the audit log names who entered a sheet
// for whom, never what it marks. Then paper tallies and show-of-hands results are corrected before the
// announcement, with the reason in the audit log, and never mention keypads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { verifyAuditLog } from '../../src-main/store/audit';
import { pdfText, savePdf } from '../helpers/pdf';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, pairAndSignIn } from '../helpers/live-setup';
import { commandsOf } from '../helpers/dispatch';

let running: RunningServer;
let s16: Session16;
const { call, must } = commandsOf(() => running.core);
const refusal = async (name: string, input: unknown) => {
  const r = await call(name, input);
  return r.ok ? 'ok' : `${r.error.code} ${r.error.message}`;
};
const terminals = new Map<number, TerminalClient>(); // member index → its terminal
const db = () => running.core.store.db;
const flat = (s: string) => s.replace(/\s+/g, '');
let assessmentItem = 0;
let projectItem = 0;

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-paper-in-electronic-'), port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  assessmentItem = (await must('agenda.add', { sessionId: s16.sessionId, kind: 'assessment', title: '对三位报告人进行满意度测评', details: { subjects: [{ name: '张一' }, { name: '王二' }, { name: '李三' }] } })).id;
  projectItem = (await must('agenda.add', { sessionId: s16.sessionId, kind: 'project_ballot', title: '票决2027年民生实事项目', details: { candidates: ['老旧小区改造', '社区食堂', '口袋公园', '学校扩容'], chooseMax: 2 } })).id;
  await must('live.open', { sessionId: s16.sessionId });
  // Members 0–5 have terminals (member 5's will "fail"); 6–7 have none and are signed in by the secretary.
  (await pairAndSignIn(must, `ws://127.0.0.1:${running.port}/ws`, s16.members.slice(0, 6))).forEach((t, m) => terminals.set(m, t));
  await markAttendance(must, s16.members.slice(6, 8));
  // Members 8–16 are present too, without terminals and taking no part: 17 of 33, the quorum a round needs to begin.
  await markAttendance(must, s16.members.slice(8, 17));
  await must('live.startBusiness');
});
afterAll(async () => {
  for (const t of terminals.values()) await t.close();
  await running.close();
});

const member = (m: number) => s16.members[m]!.id;

describe('paper sheets inside an electronic round', () => {
  it('a satisfaction assessment: five sheets from terminals, three on paper, one result that says so', async () => {
    const a = await must('assessments.create', { itemId: assessmentItem, method: 'electronic' });
    await must('assessments.open', { assessmentId: a.id });
    const marks = (m: number) => [m % 3, (m + 1) % 3, m === 2 ? null : 0];
    for (let m = 0; m < 5; m++) expect((await terminals.get(m)!.cmd('terminal.submitSheet', { assessmentId: a.id, marks: marks(m) })).ok).toBe(true);

    // Paper: member 5 (tablet failed), members 6 and 7 (no terminal); a sheet of the wrong shape is refused first.
    expect(await refusal('assessments.paperSheet', { assessmentId: a.id, memberId: member(7), marks: [0, 0] })).toMatch(/^BAD_INPUT 测评表应有3项/);
    for (const m of [5, 6, 7]) await must('assessments.paperSheet', { assessmentId: a.id, memberId: member(m), marks: marks(m) });
    // The failed tablet comes back: its sheet is refused, plainly, and it shows the member has handed in.
    const late = await terminals.get(5)!.cmd('terminal.submitSheet', { assessmentId: a.id, marks: [0, 0, 0] });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您的测评表已由会务工作人员按纸质表录入，不能再从终端提交' } });
    const me5 = await terminals.get(5)!.waitForState((s) => s.me?.sheetSubmitted === true);
    expect(me5.me.canSubmitSheet).toBe(false);
    // A second paper sheet for anyone who has handed in (paper or terminal) is refused; so is one for a member not present.
    expect(await refusal('assessments.paperSheet', { assessmentId: a.id, memberId: member(6), marks: [0, 0, 0] })).toBe('CONFLICT 该组成人员已经交表（终端或纸质），不能再录入');
    expect(await refusal('assessments.paperSheet', { assessmentId: a.id, memberId: member(0), marks: [0, 0, 0] })).toMatch(/^CONFLICT 该组成人员已经交表/);
    expect(await refusal('assessments.paperSheet', { assessmentId: a.id, memberId: member(20), marks: [0, 0, 0] })).toMatch(/^INVALID_STATE 该组成人员在测评开始时未签到/);

    // While open: eight voter rows, each a sealed receipt of one length; the console shows all eight handed in.
    const receipts = db().prepare('SELECT member_id, length(receipt) AS n FROM round_receipts WHERE round = ? ORDER BY member_id').all(`assessment-${a.id}`) as { member_id: number; n: number }[];
    expect(receipts.map((r) => r.member_id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map(member).sort((x, y) => x - y));
    expect(new Set(receipts.map((r) => r.n)).size).toBe(1);
    const state = await must('live.state');
    expect(state.assessment).toMatchObject({ id: a.id, submitted: 8, eligible: 17 });
    expect(state.members.filter((x: any) => x.sheetSubmitted).length).toBe(8);
    // The audit log names who entered a paper sheet for whom, nothing of its marks.
    const paperAudit = db().prepare("SELECT actor, data FROM audit_log WHERE action = 'assessment.paperSheet' ORDER BY seq").all() as { actor: string; data: string }[];
    expect(paperAudit.map((r) => JSON.parse(r.data))).toEqual([5, 6, 7].map((m) => ({ memberId: member(m) })));

    const closed = await must('assessments.close', { assessmentId: a.id });
    const r = closed.result;
    expect(r).toMatchObject({ sheetsReturned: 8, paperSheets: 3, method: 'electronic' });
    const all = [0, 1, 2, 3, 4, 5, 6, 7].map(marks);
    for (let s = 0; s < 3; s++) {
      const row = r.rows.find((x: any) => x.index === s);
      expect(row.levels).toEqual([0, 1, 2].map((l) => all.filter((mk) => mk[s] === l).length));
    }
    expect(db().prepare('SELECT count(*) AS n FROM round_receipts').get()).toEqual({ n: 0 });
    const pdf = await must('assessments.pdf', { assessmentId: a.id });
    const text = flat(pdfText(Buffer.from(pdf.base64, 'base64')));
    savePdf('paper-in-electronic-assessment.pdf', Buffer.from(pdf.base64, 'base64'));
    expect(text).toContain('收回测评表8份（其中纸质测评表3份），计入统计8份');
    expect(text).not.toContain('表决器');
  });

  it('a project ballot: a paper sheet that marks too many is refused like a terminal\'s (no 无效票 only paper can cast), and the result says how many came on paper', async () => {
    const p = await must('assessments.create', { itemId: projectItem, method: 'electronic' });
    await must('assessments.open', { assessmentId: p.id });
    const chose = (a: number, b: number) => [0, 1, 2, 3].map((c) => (c === a || c === b ? 0 : null));
    for (let m = 0; m < 5; m++) expect((await terminals.get(m)!.cmd('terminal.submitSheet', { assessmentId: p.id, marks: chose(0, 1 + (m % 3)) })).ok).toBe(true);
    // A terminal refuses an over-marked sheet, and so does the entry of a paper one: terminals take no
    // invalid sheet, so a 无效票 could only be a paper sheet, and would tell whose it was.
    expect(await terminals.get(5)!.cmd('terminal.submitSheet', { assessmentId: p.id, marks: [0, 0, 0, null] })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const voterRows = () => db().prepare('SELECT count(*) AS n FROM assessment_voters WHERE assessment_id = ? AND member_id = ?').get(p.id, member(5));
    const receiptRows = () => db().prepare('SELECT count(*) AS n FROM round_receipts WHERE member_id = ?').get(member(5));
    const auditBefore = db().prepare('SELECT max(seq) AS seq FROM audit_log').get();
    expect(await refusal('assessments.paperSheet', { assessmentId: p.id, memberId: member(5), marks: [0, 0, 0, null] })).toBe(
      'INVALID_STATE 所选项目超过2个：这张纸质选票按规定无效（多选的票无效）。本轮在终端上进行，终端不收无效票；若录入它，结果中的无效票只能出自交纸质选票的组成人员，会泄露其选择。请将选票交还本人修改后重新录入',
    );
    // Nothing written: the member is not marked as handed in, no receipt, no audit entry.
    expect([voterRows(), receiptRows(), db().prepare('SELECT max(seq) AS seq FROM audit_log').get()]).toEqual([{ n: 0 }, { n: 0 }, auditBefore]);
    // The member corrects the sheet, which is then entered; a correction that marks too many is refused too.
    await must('assessments.paperSheet', { assessmentId: p.id, memberId: member(5), marks: chose(0, 2) });
    expect(await refusal('assessments.correctPaperSheet', { assessmentId: p.id, memberId: member(5), marks: [0, 0, 0, 0] })).toMatch(/^INVALID_STATE 所选项目超过2个：这张纸质选票按规定无效/);
    await must('assessments.paperSheet', { assessmentId: p.id, memberId: member(6), marks: chose(2, 3) });
    const closed = await must('assessments.close', { assessmentId: p.id });
    const r = closed.result;
    expect(r).toMatchObject({ validSheets: 7, invalidSheets: 0, paperSheets: 2 });
    expect([...r.rows].sort((x: any, y: any) => x.index - y.index).map((x: any) => x.votes)).toEqual([6, 2, 4, 2]);
    // What the file keeps: combined counts only, no 无效票 that only paper sheets could have cast.
    const stored = JSON.parse((db().prepare('SELECT result FROM assessments WHERE id = ?').get(p.id) as { result: string }).result);
    expect(stored).toMatchObject({ validSheets: 7, invalidSheets: 0, paperSheets: 2 });
    const pdf = await must('assessments.pdf', { assessmentId: p.id });
    expect(flat(pdfText(Buffer.from(pdf.base64, 'base64')))).toContain('收回选票7张（其中纸质选票2张），其中有效票7张，无效票0张');
  });

  it('corrects a paper tally before it is announced, with the reason in the audit log; not after', async () => {
    const a = await must('assessments.create', { itemId: assessmentItem, method: 'paper' });
    const levels = [
      [5, 2, 1],
      [6, 1, 1],
      [4, 4, 0],
    ];
    await must('assessments.enterPaper', { assessmentId: a.id, satisfaction: { sheetsReturned: 8, levels } });
    const fixed = [levels[0], [7, 1, 0], levels[2]];
    expect(await refusal('assessments.correctPaper', { assessmentId: a.id, satisfaction: { sheetsReturned: 8, levels: fixed }, reason: ' ' })).toMatch(/^BAD_INPUT .*请填写更正的原因/);
    const corrected = await must('assessments.correctPaper', { assessmentId: a.id, satisfaction: { sheetsReturned: 8, levels: fixed }, reason: '第二位测评对象的票数抄录有误' });
    expect(corrected.result.rows.find((x: any) => x.index === 1).levels).toEqual([7, 1, 0]);
    expect(corrected.state).toBe('closed');
    const entry = db().prepare("SELECT data FROM audit_log WHERE action = 'assessment.correct' ORDER BY seq DESC LIMIT 1").get() as { data: string };
    const data = JSON.parse(entry.data);
    expect(data.reason).toBe('第二位测评对象的票数抄录有误');
    expect(data.was.rows.find((x: any) => x.index === 1).levels).toEqual([6, 1, 1]);
    await must('assessments.announce', { assessmentId: a.id });
    expect(await refusal('assessments.correctPaper', { assessmentId: a.id, satisfaction: { sheetsReturned: 8, levels }, reason: '再改' })).toMatch(/^INVALID_STATE 测评结果已经宣布，不能再更正/);
    // An electronic round's result is never corrected by hand.
    const electronic = (await must('assessments.list', { sessionId: s16.sessionId })).find((x: any) => x.method === 'electronic' && x.kind === 'satisfaction');
    expect(await refusal('assessments.correctPaper', { assessmentId: electronic.id, satisfaction: { sheetsReturned: 8, levels }, reason: '改' })).toMatch(/^INVALID_STATE 电子测评的结果由终端统计，不能更正/);
  });

  it('corrects a show-of-hands result before it is announced; the result never mentions keypads', async () => {
    const item = s16.items[3]!;
    await must('live.setItem', { itemId: item.id });
    const b = await must('ballots.create', { itemId: item.id, secret: false, pressRule: 'last', method: 'show_of_hands' });
    await must('ballots.enterResult', { ballotId: b.id, yes: 5, no: 2, abstain: 1 });
    // 17 present of 33: 5 赞成 does not adopt; the count was misread: 7 赞成 still does not. Reason required.
    expect(await refusal('ballots.correctResult', { ballotId: b.id, yes: 7, no: 1, abstain: 0, reason: '' })).toMatch(/^BAD_INPUT/);
    expect(await refusal('ballots.correctResult', { ballotId: b.id, yes: 15, no: 2, abstain: 1, reason: '重新清点' })).toBe('BAD_INPUT 赞成、反对、弃权合计18，超过了实到人数17');
    const fixed = await must('ballots.correctResult', { ballotId: b.id, yes: 7, no: 1, abstain: 0, reason: '重新清点举手人数' });
    expect(fixed.result).toMatchObject({ yes: 7, no: 1, abstain: 0, adopted: false, notPressed: null, announcement: '赞成7票，反对1票，弃权0票。未通过' });
    expect(fixed.result.verdict).toBe('赞成7票，未超过全体组成人员33人的半数，未通过。');
    const entry = JSON.parse((db().prepare("SELECT data FROM audit_log WHERE action = 'ballot.correct' ORDER BY seq DESC LIMIT 1").get() as { data: string }).data);
    expect(entry).toMatchObject({ reason: '重新清点举手人数', was: { yes: 5, no: 2, abstain: 1 }, row: { yes: 7, no: 1, abstain: 0 } });
    const pdf = await must('documents.pdf', { kind: 'ballotResult', ballotId: b.id });
    const text = flat(pdfText(Buffer.from(pdf.base64, 'base64')));
    expect(text).toContain('赞成7票，反对1票，弃权0票。未通过');
    expect(text).not.toMatch(/表决器|按键/);
    await must('ballots.announce', { ballotId: b.id });
    expect(await refusal('ballots.correctResult', { ballotId: b.id, yes: 8, no: 0, abstain: 0, reason: '再改' })).toMatch(/^INVALID_STATE 结果已经宣布，不能再更正/);
    expect(verifyAuditLog(db()).driftedRows).toEqual([]);
  });

  it('a paper sheet entered wrongly is entered again while the round is open; a sheet from a terminal never is', async () => {
    const a = await must('assessments.create', { itemId: assessmentItem, method: 'electronic' });
    await must('assessments.open', { assessmentId: a.id });
    expect((await terminals.get(0)!.cmd('terminal.submitSheet', { assessmentId: a.id, marks: [0, 0, 0] })).ok).toBe(true);
    expect(await refusal('assessments.correctPaperSheet', { assessmentId: a.id, memberId: member(6), marks: [1, 1, 1] })).toBe('INVALID_STATE 还没有为该组成人员录入纸质测评表，请直接录入');
    await must('assessments.paperSheet', { assessmentId: a.id, memberId: member(6), marks: [2, 2, 2] }); // entered wrongly
    const fixed = await must('assessments.correctPaperSheet', { assessmentId: a.id, memberId: member(6), marks: [0, 1, null] });
    expect(fixed).toMatchObject({ id: a.id, state: 'open', submitted: 2 });
    // A member's own sheet from a terminal is never replaced; a sheet of the wrong shape is refused as at entry.
    expect(await refusal('assessments.correctPaperSheet', { assessmentId: a.id, memberId: member(0), marks: [2, 2, 2] })).toBe(
      'CONFLICT 该组成人员的测评表是从终端提交的，只有会务工作人员录入的纸质测评表可以更正',
    );
    expect(await refusal('assessments.correctPaperSheet', { assessmentId: a.id, memberId: member(6), marks: [0] })).toMatch(/^BAD_INPUT 测评表应有3项/);
    // Still one sealed receipt per member, of one length.
    const receipts = db().prepare('SELECT member_id, length(receipt) AS n FROM round_receipts WHERE round = ? ORDER BY member_id').all(`assessment-${a.id}`) as { member_id: number; n: number }[];
    expect(receipts.map((r) => r.member_id)).toEqual([member(0), member(6)].sort((x, y) => x - y));
    expect(new Set(receipts.map((r) => r.n)).size).toBe(1);
    // Who entered it again for whom, nothing of its marks.
    const again = db().prepare("SELECT actor, data FROM audit_log WHERE action = 'assessment.paperSheetCorrect' ORDER BY seq").all() as { actor: string; data: string }[];
    expect(again.map((r) => JSON.parse(r.data))).toEqual([{ memberId: member(6) }]);

    const closed = await must('assessments.close', { assessmentId: a.id });
    // The corrected sheet is counted, not the wrong one: [0,0,0] from the terminal and [0,1,—] on paper.
    expect(closed.result).toMatchObject({ sheetsReturned: 2, paperSheets: 1 });
    expect([0, 1, 2].map((i) => closed.result.rows.find((x: any) => x.index === i).levels)).toEqual([
      [2, 0, 0],
      [1, 1, 0],
      [1, 0, 0],
    ]);
    expect(await refusal('assessments.correctPaperSheet', { assessmentId: a.id, memberId: member(6), marks: [1, 1, 1] })).toMatch(/^INVALID_STATE 测评已经结束/);
    expect(verifyAuditLog(db()).ok).toBe(true);
  });
});
