// 结束表决 / 宣布结果 of every kind of round (表决, 测评, 项目票决) are session business: after a restart
// that found records lost, with rounds open, the secretary sees the loss first. A round closed before
// that would freeze a tally that may be missing what was lost, an announcement would print it as the
// result; both are refused with DATA_LOSS_UNACKNOWLEDGED and the rounds stay open, and once the notice
// is acknowledged they close and are announced as usual.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/core';
import { databaseHead, HEAD_FILE_NAME, writeHeadFile } from '../../src-main/store/audit-head';
import { adminCalls } from '../helpers/admin-core';
import { prepareSession44 } from '../helpers/assessment-fixture';
import { tempDataDir } from '../helpers/server';
import { signInPaired } from '../helpers/terminal-caller';

const dataDir = tempDataDir('yishi-round-end-loss-');
let core: Core | undefined;
afterAll(() => {
  core?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const states = (c: Core) => [
  ...(c.store.db.prepare('SELECT state FROM ballots ORDER BY id').pluck().all() as string[]),
  ...(c.store.db.prepare('SELECT state FROM assessments ORDER BY id').pluck().all() as string[]),
];

/** Stops the app and leaves a head file that names 3 changes the database no longer has; starts again. */
function restartAfterLoss(c: Core): Core {
  const head = databaseHead(c.store.db)!;
  c.close();
  writeHeadFile(path.join(dataDir, HEAD_FILE_NAME), { seq: head.seq + 3, hash: 'lost' });
  return createCore(dataDir);
}

describe('ending a round after a loss of records', () => {
  it('close and announce of a ballot, an assessment and a project ballot wait for the acknowledgement', async () => {
    core = createCore(dataDir);
    const first = adminCalls(core);
    const s44 = await prepareSession44(first.must);
    const voteItem = (await first.must('agenda.add', { sessionId: s44.sessionId, kind: 'vote', title: '审议关于加强生态环境保护工作的决定（草案）' })).id;
    await first.must('live.open', { sessionId: s44.sessionId });
    await signInPaired(core, s44.members.slice(0, 25).map((m) => m.id));
    await first.must('live.startBusiness', {});
    const kinds: { open: (must: ReturnType<typeof adminCalls>['must']) => Promise<[string, unknown][]> }[] = [
      {
        open: async (must) => {
          const b = await must<{ id: number }>('ballots.create', { itemId: voteItem, secret: false, pressRule: 'last' });
          await must('ballots.open', { ballotId: b.id });
          return [['ballots.close', { ballotId: b.id }], ['ballots.announce', { ballotId: b.id }]];
        },
      },
      ...[
        { itemId: s44.assessmentItemId, method: 'electronic', scale: 'four', rule: 'grade' },
        { itemId: s44.projectItemId, method: 'electronic' },
      ].map((input) => ({
        open: async (must: ReturnType<typeof adminCalls>['must']): Promise<[string, unknown][]> => {
          const r = await must<{ id: number }>('assessments.create', input);
          await must('assessments.open', { assessmentId: r.id });
          return [['assessments.close', { assessmentId: r.id }], ['assessments.announce', { assessmentId: r.id }]];
        },
      })),
    ];
    for (const [k, kind] of kinds.entries()) {
      const ends = await kind.open(adminCalls(core).must);
      expect(states(core).at(-1)).toBe('open');
      core = restartAfterLoss(core);
      const { call, must } = adminCalls(core);
      expect((await must<{ pending: unknown }>('integrity.status')).pending).not.toBeNull();
      for (const [name, input] of ends) expect(await call(name, input), name).toMatchObject({ ok: false, error: { code: 'DATA_LOSS_UNACKNOWLEDGED' } });
      expect(states(core).at(-1), `round ${k + 1}`).toBe('open');
      await must('integrity.acknowledge', {});
      for (const [name, input] of ends) await must(name, input);
      expect(states(core).at(-1)).toBe('announced');
    }
    expect(states(core)).toEqual(['announced', 'announced', 'announced']);
  });
});
