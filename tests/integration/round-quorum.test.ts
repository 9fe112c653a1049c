// "A session may open only with more than half of all members present … a vote uses the attendance at
// its opening" (shared/domain.md): no round of any kind begins below the quorum. Opening a ballot, a
// satisfaction assessment or a project ballot, and entering the result of a show of hands, a paper
// ballot or a paper assessment, are refused with QUORUM_NOT_MET and a message naming the figures;
// nothing is written (the round stays a draft, no audit entry, no receipt, no key). With the quorum
// back, the same rounds begin. The session's own quorum rule counts (三分之二以上 here).
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src-main/domain/settings';
import { TWO_THIRDS_OR_MORE } from '../../src-main/domain/fraction';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { prepareSession44 } from '../helpers/assessment-fixture';
import { signInPaired } from '../helpers/terminal-caller';

let admin: AdminCore | undefined;
afterAll(() => admin?.close());

const footprint = (a: AdminCore) => ({
  audit: a.core.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  receipts: a.core.store.db.prepare('SELECT count(*) FROM round_receipts').pluck().get(),
  ballots: a.core.store.db.prepare('SELECT id, state, opened_at, eligible FROM ballots ORDER BY id').all(),
  assessments: a.core.store.db.prepare('SELECT id, state, opened_at, eligible FROM assessments ORDER BY id').all(),
});

describe('a round below the quorum', () => {
  it('is refused at its opening and at a manual result, for every kind, naming the figures; the same rounds begin with the quorum', async () => {
    admin = openAdminCore('yishi-round-quorum-');
    const { must, call } = admin;
    const s44 = await prepareSession44(must, { rules: { ...DEFAULT_RULES, quorum: TWO_THIRDS_OR_MORE } });
    const voteItem = (await must('agenda.add', { sessionId: s44.sessionId, kind: 'vote', title: '审议关于加强生态环境保护工作的决定（草案）' })).id;
    await must('live.open', { sessionId: s44.sessionId });
    // 24 of 33 present: the 2/3 quorum (22) is met when business starts; then three leave, 21 remain.
    await signInPaired(admin.core, s44.members.slice(0, 24).map((m) => m.id));
    await must('live.startBusiness', {});
    for (const m of s44.members.slice(21, 24)) await must('attendance.set', { memberId: m.id, status: 'left' });

    const electronic = await must('ballots.create', { itemId: voteItem, secret: true, pressRule: 'last' });
    const assessment = await must('assessments.create', { itemId: s44.assessmentItemId, method: 'electronic' });
    const project = await must('assessments.create', { itemId: s44.projectItemId, method: 'paper' });
    const before = footprint(admin);
    const figures = '实到21人，不足法定人数（应到33人，须三分之二以上即至少22人）';
    expect(await call('ballots.open', { ballotId: electronic.id })).toEqual({ ok: false, error: { code: 'QUORUM_NOT_MET', message: `${figures}，不能开始表决` } });
    expect(await call('assessments.open', { assessmentId: assessment.id })).toEqual({ ok: false, error: { code: 'QUORUM_NOT_MET', message: `${figures}，不能开始测评` } });
    expect(await call('assessments.enterPaper', { assessmentId: project.id, projectTallies: { votes: Array(15).fill(3), validSheets: 20, invalidSheets: 1 } })).toEqual({
      ok: false,
      error: { code: 'QUORUM_NOT_MET', message: `${figures}，不能录入票决结果` },
    });
    expect(footprint(admin)).toEqual(before);

    // One back: 22 of 33 is the 2/3 quorum, and the rounds begin.
    await must('attendance.set', { memberId: s44.members[21]!.id, status: 'present' });
    expect(await must('ballots.open', { ballotId: electronic.id })).toMatchObject({ state: 'open', eligible: 22 });
    await must('ballots.close', { ballotId: electronic.id });
    await must('assessments.open', { assessmentId: assessment.id });
    await must('assessments.close', { assessmentId: assessment.id });

    // A show of hands of the same item, entered after one more left: refused, then entered with the quorum.
    const show = await must('ballots.create', { itemId: voteItem, secret: false, pressRule: 'last', method: 'show_of_hands' });
    await must('attendance.set', { memberId: s44.members[21]!.id, status: 'left' });
    const beforeShow = footprint(admin);
    expect(await call('ballots.enterResult', { ballotId: show.id, yes: 18, no: 2, abstain: 1 })).toEqual({
      ok: false,
      error: { code: 'QUORUM_NOT_MET', message: `${figures}，不能录入表决结果` },
    });
    expect(footprint(admin)).toEqual(beforeShow);
    await must('attendance.set', { memberId: s44.members[21]!.id, status: 'present' });
    expect((await must('ballots.enterResult', { ballotId: show.id, yes: 18, no: 2, abstain: 1 })).result).toMatchObject({ yes: 18, adopted: true });
    expect((await must('assessments.enterPaper', { assessmentId: project.id, projectTallies: { votes: Array(15).fill(3), validSheets: 20, invalidSheets: 1 } })).state).toBe('closed');
  });
});
