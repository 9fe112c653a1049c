// A project ballot with a runoff, through the command API on a real SQLite file: round 1 selects 9
// of 10 with a tie for the 10th place (中小学校食堂改造 and 口袋公园建设, 18 votes each); the runoff
// decides it; the console's row and the 票决结果 PDF give one final list of 10 with the round that
// decided each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATES, PROJECT_VOTES, prepareSession44, type Session44 } from '../helpers/assessment-fixture';
import { pdfText, savePdf } from '../helpers/pdf';
import { openAdminCore } from '../helpers/admin-core';
import { markAttendance } from '../helpers/live-setup';

const app = openAdminCore('yishi-runoff-');
const { must } = app;
let s44: Session44;

beforeAll(async () => {
  s44 = await prepareSession44(must);
  await must('live.open', { sessionId: s44.sessionId });
  await markAttendance(must, s44.members);
});
afterAll(() => app.close());

describe('runoff consolidation in a real session', () => {
  it('round 1 alone: 9 selected, the final result still waits for the 10th place', async () => {
    const r1 = await must('assessments.create', { itemId: s44.projectItemId, method: 'paper' });
    const done = await must('assessments.enterPaper', { assessmentId: r1.id, projectTallies: { votes: PROJECT_VOTES, validSheets: 33 } });
    expect(done.result.tieAtCutoff.map((i: number) => CANDIDATES[i])).toEqual(['中小学校食堂改造', '口袋公园建设']);
    expect(done.result.final).toMatchObject({ places: 10, complete: false, placesLeft: 1, rounds: 1, pending: ['中小学校食堂改造', '口袋公园建设'] });
    expect(done.result.final.selected).toHaveLength(9);
  });

  it('the runoff decides the 10th place: one final list of 10, each with its round, in the console and the 票决结果', async () => {
    const r2 = await must('assessments.create', { itemId: s44.projectItemId, method: 'paper', runoff: true });
    expect(r2.subjects.map((s: any) => s.name)).toEqual(['中小学校食堂改造', '口袋公园建设']);
    expect(r2.chooseMax).toBe(1);
    const done = await must('assessments.enterPaper', { assessmentId: r2.id, projectTallies: { votes: [12, 21], validSheets: 33 } });
    const f = done.result.final;
    expect(f).toMatchObject({ places: 10, complete: true, placesLeft: 0, rounds: 2, pending: [] });
    expect(f.selected).toHaveLength(10);
    expect(f.selected.at(-1)).toEqual({ name: '口袋公园建设', round: 2, votes: 21 });
    expect(f.selected.filter((s: any) => s.round === 1)).toHaveLength(9);
    expect(f.selected.some((s: any) => s.name === '中小学校食堂改造')).toBe(false);

    const pdf = await must('assessments.pdf', { assessmentId: r2.id });
    const text = pdfText(savePdf('第四十四次会议-票决结果（再次票决后的最终结果）', Buffer.from(pdf.base64, 'base64'))).replace(/\s+/g, '');
    expect(text).toContain('最终结果（共2轮票决）');
    expect(text).toContain('口袋公园建设第2轮21');
    expect(text).toContain('最终入选项目10个：社区嵌入式养老服务中心建设（第1轮）');
    expect(text).toContain('口袋公园建设（第2轮）。');
  });
});
