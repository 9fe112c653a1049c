// The session's tie-break (rules.satisfaction.tieBreak) reaches the ranks stored at close: in the
// 第四十四次会议 曾杰 and 蒋伟志 both have 93.94% and 25 满意; shared by default (both 10th), by the
// sheet's order 曾杰 10th and 蒋伟志 11th, by surname strokes 蒋 (12 strokes, first 横) before 曾 (12, 点).
import { afterEach, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { prepareSession44, SESSION44_COUNTS } from '../helpers/assessment-fixture';
import { markAttendance } from '../helpers/live-setup';

let app: AdminCore | null = null;
afterEach(() => app?.close());

async function ranksUnder(tieBreak: string | null): Promise<Record<string, number>> {
  app = openAdminCore('yishi-tiebreak-');
  const { must } = app;
  const { defaults } = await must('settings.get');
  const rules = tieBreak ? { ...defaults, satisfaction: { ...defaults.satisfaction, tieBreak } } : undefined;
  const s44 = await prepareSession44(must, { rules });
  await must('live.open', { sessionId: s44.sessionId });
  await markAttendance(must, s44.members);
  const a = await must('assessments.create', { itemId: s44.assessmentItemId, method: 'paper' });
  const done = await must('assessments.enterPaper', { assessmentId: a.id, satisfaction: { sheetsReturned: 33, levels: SESSION44_COUNTS.map(([x, y, z]) => [x, y, z]) } });
  expect(done.result.tieBreak).toBe(tieBreak ?? 'shared');
  return Object.fromEntries(done.result.rows.map((x: any) => [x.name, x.rank]));
}

describe('the session’s tie-break in the stored ranks', () => {
  it('shared by default', async () => {
    const r = await ranksUnder(null);
    expect([r['曾杰'], r['蒋伟志'], r['田婷波']]).toEqual([10, 10, 12]);
  });
  it('by the sheet’s order', async () => {
    const r = await ranksUnder('sheet');
    expect([r['曾杰'], r['蒋伟志'], r['田婷波']]).toEqual([10, 11, 12]);
  });
  it('by surname strokes', async () => {
    const r = await ranksUnder('strokes');
    expect([r['蒋伟志'], r['曾杰'], r['田婷波']]).toEqual([10, 11, 12]);
  });
});
