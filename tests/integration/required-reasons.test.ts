// Every reason a command requires (作废 / 更正 a round, 暂不付表决 / 撤回 an item and its 撤销) is asked
// for in words when it is left out, as when it is blank: BAD_INPUT "输入有误：原因：请填写……的原因",
// never zod's "期望 string，实际接收 undefined" (domain/text.ts, the one edge schema of a typed text).
// Over the real dispatcher on a real SQLite file; nothing is written: the audit log and the rounds' and
// dispositions' rows are as before, and the same call with a reason then goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { markAttendance } from '../helpers/live-setup';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let admin: AdminCore;
let s16: Session16;
let ballotId: number;
let assessmentId: number;
let voteItem: number;
const LEVELS = [
  [20, 5, 5],
  [25, 3, 2],
];

const footprint = () => {
  const db = admin.core.store.db;
  return {
    audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    ballots: db.prepare('SELECT * FROM ballots ORDER BY id').all(),
    assessments: db.prepare('SELECT * FROM assessments ORDER BY id').all(),
    dispositions: db.prepare('SELECT * FROM item_dispositions ORDER BY id').all(),
  };
};

beforeAll(async () => {
  admin = openAdminCore('yishi-required-reasons-');
  s16 = await prepareSession16(admin.must);
  voteItem = s16.items.find((i) => i.kind === 'vote')!.id;
  const assessmentItem = (await admin.must('agenda.add', { sessionId: s16.sessionId, kind: 'assessment', title: '对两位报告人进行满意度测评', details: { subjects: [{ name: '张一' }, { name: '王二' }] } })).id;
  await admin.must('live.open', { sessionId: s16.sessionId });
  await markAttendance(admin.must, s16.members.slice(0, 30));
  await admin.must('live.startBusiness', {});
  const appointment = s16.items.find((i) => i.kind === 'appointment')!.id;
  ballotId = (await admin.must('ballots.create', { itemId: appointment, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null, personIndexes: [0] })).id;
  await admin.must('ballots.enterResult', { ballotId, yes: 25, no: 3, abstain: 2 });
  assessmentId = (await admin.must('assessments.create', { itemId: assessmentItem, method: 'paper' })).id;
  await admin.must('assessments.enterPaper', { assessmentId, satisfaction: { sheetsReturned: 30, levels: LEVELS } });
});
afterAll(() => admin?.close());

describe('a required reason left out', () => {
  it('is asked for in the same words as a blank one, by every command that requires one, and nothing is written', async () => {
    const cases: [string, () => Record<string, unknown>, string][] = [
      ['ballots.void', () => ({ ballotId }), '请填写作废的原因'],
      ['ballots.correctResult', () => ({ ballotId, yes: 26, no: 2, abstain: 2 }), '请填写更正的原因'],
      ['assessments.void', () => ({ assessmentId }), '请填写作废的原因'],
      ['assessments.correctPaper', () => ({ assessmentId, satisfaction: { sheetsReturned: 30, levels: [LEVELS[0], [26, 2, 2]] } }), '请填写更正的原因'],
      ['agenda.dispose', () => ({ itemId: voteItem, kind: 'deferred' }), '请填写理由'],
      ['agenda.undoDisposition', () => ({ itemId: voteItem }), '请填写撤销的理由'],
    ];
    const before = footprint();
    for (const [name, input, words] of cases)
      for (const reason of [undefined, '', ' \n '])
        expect([name, reason, await admin.call(name, { ...input(), reason })]).toEqual([name, reason, { ok: false, error: { code: 'BAD_INPUT', message: `输入有误：原因：${words}` } }]);
    expect(footprint()).toEqual(before);

    // a reason of another type is still refused as one (zod's own words), and nothing is written
    expect(await admin.call('ballots.correctResult', { ballotId, yes: 26, no: 2, abstain: 2, reason: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^输入有误：原因：/) } });
    expect(footprint()).toEqual(before);

    // with its reason the same correction goes through: the refusal was the reason's
    expect(await admin.must('ballots.correctResult', { ballotId, yes: 26, no: 2, abstain: 2, reason: '举手表决计数有误，复核后更正' })).toMatchObject({ result: { yes: 26 } });
    expect(footprint().audit).toBe((before.audit as number) + 1);
  });
});
