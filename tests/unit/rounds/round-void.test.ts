// 作废本轮 (RoundEngine.voidRound): a secret round whose receipts can no longer be opened on this
// machine — its key file gone (a backup from mid-round restored after that round had closed), or the
// data folder opened under another key store (moved to the spare computer mid-round) — can be neither
// tallied nor closed, and while it stays open no other round opens and the session cannot be closed.
// Voiding it (with a reason) discards its receipts unread and takes it back to draft; held again, it
// counts only the new presses. A round that can be tallied is never voided. Real SQLite files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../src-main/api/command';
import type { Core } from '../../../src-main/app/core';
import { verifyAuditLog } from '../../../src-main/store/audit';
import { adminCalls } from '../../helpers/admin-core';
import { coreFolders } from '../../helpers/core-folders';
import { pdfText } from '../../helpers/pdf';
import { fakeKeyStore } from '../../helpers/fake-key-store';
import { pairedCaller } from '../../helpers/terminal-caller';
import { markAttendance } from '../../helpers/live-setup';

const app = coreFolders();

const KINDS = [
  {
    name: 'a secret ballot whose key file is gone',
    table: 'secret_voters',
    round: 'ballot_id',
    create: (must: Must, items: Items) => must('ballots.create', { itemId: items.vote, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null }),
    cmd: { open: 'ballots.open', close: 'ballots.close', void: 'ballots.void', id: 'ballotId' },
    press: (core: Core, t: Caller, id: number, i: number) => core.dispatch('terminal.vote', { ballotId: id, choice: i % 2 ? 'no' : 'yes', pressSeq: 1 }, t),
    keyLost: async (must: Must, id: number) => ((await must('live.state')).ballots as { id: number; keyLost: boolean }[]).find((b) => b.id === id)!.keyLost,
    loseKey: (dataDir: string) => fs.rmSync(path.join(dataDir, 'round-keys'), { recursive: true, force: true }),
    noun: '表决',
    discarded: '作废前已表决的2人的票未计入',
    sheet: (id: number) => `ballotResult:${id}`,
  },
  {
    name: 'an assessment in a data folder opened under another key store',
    table: 'assessment_voters',
    round: 'assessment_id',
    create: (must: Must, items: Items) => must('assessments.create', { itemId: items.assessment, method: 'electronic' }),
    cmd: { open: 'assessments.open', close: 'assessments.close', void: 'assessments.void', id: 'assessmentId' },
    press: (core: Core, t: Caller, id: number, i: number) => core.dispatch('terminal.submitSheet', { assessmentId: id, marks: [i % 3, 0] }, t),
    keyLost: async (must: Must, id: number) => (await must('assessments.get', { assessmentId: id })).keyLost as boolean,
    loseKey: () => {}, // the next core opens the folder with a key store of its own
    noun: '测评',
    discarded: '作废前已交的2份测评表未计入',
    sheet: (id: number) => `assessment:${id}:result`,
  },
] as const;
type Must = ReturnType<typeof adminCalls>['must'];
type Items = { vote: number; otherVote: number; assessment: number };

async function session(): Promise<{ dataDir: string; core: Core; must: Must; items: Items; terminals: Caller[]; keyStore: ReturnType<typeof fakeKeyStore>; sessionId: number }> {
  const dataDir = app.folder('yishi-void-');
  const keyStore = fakeKeyStore();
  const { core, must } = app.start(dataDir, keyStore);
  await must('committee.update', { region: '示例区', term: 2 });
  const members: number[] = [];
  for (const [i, name] of ['甲委员', '乙委员', '丙委员'].entries()) {
    members.push((await must('members.create', { sort: i + 1, name, gender: '', role: '委员', seat: i + 1, inOfficeFrom: null, inOfficeTo: null, note: '' })).id);
  }
  const sessionId = (await must('sessions.create', { term: 2, number: 50, date: '2027-05-20', expectedMembers: 3 })).id;
  const items = {
    vote: (await must('agenda.add', { sessionId, kind: 'vote', title: '表决某决议' })).id,
    otherVote: (await must('agenda.add', { sessionId, kind: 'vote', title: '表决另一决议' })).id,
    assessment: (await must('agenda.add', { sessionId, kind: 'assessment', title: '满意度测评', details: { subjects: [{ name: '张一' }, { name: '王二' }] } })).id,
  };
  await must('live.open', { sessionId });
  const terminals = members.map((memberId) => pairedCaller(core, { memberId }));
  await markAttendance(must, members);
  await must('live.startBusiness', {});
  return { dataDir, core, must, items, terminals, keyStore, sessionId };
}

/** The same folder opened again (a restart, or the spare computer: a key store of its own). */
async function reopen(dataDir: string, old: Core): Promise<{ core: Core; must: Must; call: ReturnType<typeof adminCalls>['call'] }> {
  await app.stop(old);
  return app.start(dataDir);
}

describe.each(KINDS)('作废本轮: $name', (kind) => {
  it('cannot be closed and blocks every other round and 闭会; voided with a reason, its receipts go unread and it can be held again', async () => {
    const s = await session();
    const round = await kind.create(s.must, s.items);
    await s.must(kind.cmd.open, { [kind.cmd.id]: round.id });
    for (const [i, t] of s.terminals.slice(0, 2).entries()) expect((await kind.press(s.core, t, round.id, i)).ok).toBe(true);
    // While the key is at hand the round is tallied as usual, never voided.
    expect(await kind.keyLost(s.must, round.id)).toBe(false);
    const refusedWhileUsable = await adminCalls(s.core).call(kind.cmd.void, { [kind.cmd.id]: round.id, reason: '试图作废' });
    expect(refusedWhileUsable).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: `本轮${kind.noun}可以正常结束并计票，不能作废` } });

    kind.loseKey(s.dataDir);
    const { core, must, call } = await reopen(s.dataDir, s.core);
    const closing = await call(kind.cmd.close, { [kind.cmd.id]: round.id });
    expect(closing).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(!closing.ok && closing.error.message).toMatch(/无法读取已提交的.*请在控制台“作废本轮”/);
    expect(await kind.keyLost(must, round.id)).toBe(true);
    const other = await must('ballots.create', { itemId: s.items.otherVote, secret: false, pressRule: 'last', method: 'electronic', timerSeconds: null });
    expect(await call('ballots.open', { ballotId: other.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('live.close', {})).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    // No press can be sealed either; the member's terminal is asked to wait (the console says why).
    expect(await kind.press(core, s.terminals[2]!, round.id, 2)).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: '本轮的票暂时无法记录，请等候会务工作人员处理' } });

    // 作废 needs a reason; with one, the receipts are discarded unread and the round is back to draft.
    expect(await call(kind.cmd.void, { [kind.cmd.id]: round.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const voided = await must(kind.cmd.void, { [kind.cmd.id]: round.id, reason: '会议用计算机故障，数据已移至备用计算机' });
    expect(voided).toMatchObject({ id: round.id, state: 'draft', result: null });
    const db = core.store.db;
    expect((db.prepare(`SELECT count(*) AS n FROM ${kind.table} WHERE ${kind.round} = ?`).get(round.id) as { n: number }).n).toBe(0);
    expect(fs.existsSync(path.join(s.dataDir, 'round-keys', `${kind.cmd.id.replace('Id', '')}-${round.id}.sealed`))).toBe(false);
    const entry = db.prepare("SELECT actor, data FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1").get(`${kind.cmd.id.replace('Id', '')}.void`) as { actor: string; data: string };
    expect(JSON.parse(entry.data)).toMatchObject({ reason: '会议用计算机故障，数据已移至备用计算机', discarded: 2, row: { state: 'draft', opened_at: null } });
    expect(await call(kind.cmd.void, { [kind.cmd.id]: round.id, reason: '再次作废' })).toMatchObject({ ok: true, value: { state: 'draft' } }); // a retry: harmless
    expect(fs.statSync(path.join(s.dataDir, 'yishi.sqlite-wal')).size).toBe(0); // no page of a receipt left in the WAL
    // The attempt is kept for the record: when, why, how many discarded (a retry adds nothing).
    const attempts = db.prepare('SELECT kind, round_id, opened_at, voided_at, reason, discarded FROM round_voids').all() as Record<string, unknown>[];
    expect(attempts).toEqual([
      { kind: kind.cmd.id.replace('Id', ''), round_id: round.id, opened_at: expect.any(String), voided_at: expect.any(String), reason: '会议用计算机故障，数据已移至备用计算机', discarded: 2 },
    ]);

    // Held again: a fresh key, and only the new presses count.
    await must(kind.cmd.open, { [kind.cmd.id]: round.id });
    expect((await kind.press(core, s.terminals[0]!, round.id, 1)).ok).toBe(true);
    const closed = await must(kind.cmd.close, { [kind.cmd.id]: round.id });
    if (kind.cmd.id === 'ballotId') expect(closed.result).toMatchObject({ yes: 0, no: 1, abstain: 0, notPressed: 2 });
    else expect(closed.result.sheetsReturned).toBe(1);
    // The meeting goes on: other rounds open, and the session can be closed.
    expect((await must('ballots.open', { ballotId: other.id })).state).toBe('open');
    await must('ballots.close', { ballotId: other.id });
    await must('live.close', {});
    // The minutes and the round's own result sheet say what happened, in the same words.
    // in Beijing time, as every face and document says a time of day (domain/clock.ts)
    const hhmm = new Date(attempts[0]!.voided_at as string).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 5);
    const said = `本轮${kind.noun}于${hhmm}作废，原因：会议用计算机故障，数据已移至备用计算机；${kind.discarded}，随后重新${kind.noun}。`;
    for (const doc of ['minutes', kind.sheet(round.id)]) {
      const pdf = await must('documents.render', { sessionId: s.sessionId, id: doc, format: 'pdf' });
      expect(pdfText(Buffer.from(pdf.base64, 'base64')).replace(/\s+/g, '')).toContain(said);
    }
    // A closed round is never voided.
    expect(await call(kind.cmd.void, { [kind.cmd.id]: round.id, reason: '结束后作废' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/已结束，不能作废/) } });
    // The audit log's chain and its audited rows still verify.
    const report = verifyAuditLog(db);
    expect(report.driftedRows).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe('作废本轮 is a way out, not the only one', () => {
  it('a key file put back is used again: the press is taken and the round closes with every receipt', async () => {
    const s = await session();
    const kind = KINDS[0];
    const round = await kind.create(s.must, s.items);
    await s.must(kind.cmd.open, { ballotId: round.id });
    expect((await kind.press(s.core, s.terminals[0]!, round.id, 0)).ok).toBe(true);
    const keyDir = path.join(s.dataDir, 'round-keys');
    const aside = `${keyDir}.aside`;
    fs.cpSync(keyDir, aside, { recursive: true });
    app.remove(aside);
    kind.loseKey(s.dataDir);
    // The same key store (the same machine), the key file missing at the start.
    await app.stop(s.core);
    const { core, must } = app.start(s.dataDir, s.keyStore);
    expect((await kind.press(core, s.terminals[1]!, round.id, 1)).ok).toBe(false);
    fs.cpSync(aside, keyDir, { recursive: true });
    expect(await kind.keyLost(must, round.id)).toBe(false);
    expect((await kind.press(core, s.terminals[1]!, round.id, 1)).ok).toBe(true);
    expect((await must('ballots.close', { ballotId: round.id })).result).toMatchObject({ yes: 1, no: 1, notPressed: 1 });
  });
});

