// The policy of the one round engine (rounds/round-engine.ts), run the same way for ballots and for
// assessments: one round open at a time across kinds, the current item moving to the round's item,
// close and announce repeated harmlessly, no going back, the WAL checkpoint policy, the key destroyed
// and a backup asked for at close (written once the room is quiet), the parts each change names, and
// an announcement that changes no terminal's own part.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../src-main/api/command';
import { createCore, type Core } from '../../../src-main/app/core';
import type { EngineEvent } from '../../../src-main/meeting/engine';
import type { TerminalBinding } from '../../../src-main/meeting/pairing';
import { liveSnapshot, meLookup, terminalMe } from '../../../src-main/meeting/views';
import { commandsOf } from '../../helpers/dispatch';
import { fakeKeyStore } from '../../helpers/fake-key-store';
import { tempDataDir } from '../../helpers/server';
import { pairedCaller } from '../../helpers/terminal-caller';

const dataDir = tempDataDir('yishi-rounds-');
let core: Core;
const { must, outcome: refusal } = commandsOf(() => core);
const events: EngineEvent[] = [];
const items: Record<string, number> = {};
const terminals: Caller[] = [];

/** What differs between the kinds; everything else below is the same test. */
interface Kind {
  name: 'ballot' | 'assessment';
  noun: string;
  item: () => number;
  create(): Promise<{ id: number; title: string }>;
  cmd: { open: string; close: string; announce: string; get: string; id: string };
  submit(caller: Caller, id: number): Promise<unknown>;
}
const KINDS: Kind[] = [
  {
    name: 'ballot',
    noun: '表决',
    item: () => items.vote!,
    create: async () => ((b) => ({ id: b.id, title: b.subject }))(await must('ballots.create', { itemId: items.vote, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null })),
    cmd: { open: 'ballots.open', close: 'ballots.close', announce: 'ballots.announce', get: 'ballots.get', id: 'ballotId' },
    submit: (caller, id) => must('terminal.vote', { ballotId: id, choice: 'yes', pressSeq: 1 }, caller),
  },
  {
    name: 'assessment',
    noun: '测评',
    item: () => items.assessment!,
    create: async () => ((a) => ({ id: a.id, title: a.title }))(await must('assessments.create', { itemId: items.assessment, method: 'electronic' })),
    cmd: { open: 'assessments.open', close: 'assessments.close', announce: 'assessments.announce', get: 'assessments.get', id: 'assessmentId' },
    submit: (caller, id) => must('terminal.submitSheet', { assessmentId: id, marks: [0, 1] }, caller),
  },
];

beforeAll(async () => {
  core = createCore(dataDir, { keyStore: fakeKeyStore() });
  core.engine.on((e) => events.push(e));
  await must('committee.update', { region: '示例区', term: 2 });
  const members: number[] = [];
  for (const [i, name] of ['甲委员', '乙委员', '丙委员'].entries()) {
    members.push((await must('members.create', { sort: i + 1, name, gender: '', role: '委员', seat: i + 1, inOfficeFrom: null, inOfficeTo: null, note: '' })).id);
  }
  const sessionId = (await must('sessions.create', { term: 2, number: 50, date: '2027-05-20', expectedMembers: 3 })).id;
  items.report = (await must('agenda.add', { sessionId, kind: 'report', title: '听取某报告' })).id;
  items.vote = (await must('agenda.add', { sessionId, kind: 'vote', title: '表决某决议' })).id;
  items.namedVote = (await must('agenda.add', { sessionId, kind: 'vote', title: '表决另一决议' })).id;
  items.assessment = (await must('agenda.add', { sessionId, kind: 'assessment', title: '满意度测评', details: { subjects: [{ name: '张一' }, { name: '王二' }] } })).id;
  await must('live.open', { sessionId });
  for (const id of members) {
    terminals.push(pairedCaller(core, { memberId: id }));
    await must('attendance.set', { memberId: id, status: 'present' });
  }
  await must('live.startBusiness', {});
});
afterAll(async () => {
  await core.store.whenIdle();
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const walSize = () => fs.statSync(path.join(dataDir, 'yishi.sqlite-wal')).size;
const keyFiles = () => (fs.existsSync(path.join(dataDir, 'round-keys')) ? fs.readdirSync(path.join(dataDir, 'round-keys')) : []);
const backups = () => (fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.sqlite')).length : 0);
/** Every terminal's own part as a broadcast builds it (with the seat lookup) and as built alone. */
const terminalParts = () => {
  const base = liveSnapshot(core.engine);
  const lookup = meLookup(core.engine, base.session?.id ?? null, base.focus, true);
  return terminals.map((t) => [terminalMe(core.engine, t as unknown as TerminalBinding, base.focus, lookup), terminalMe(core.engine, t as unknown as TerminalBinding, base.focus)]);
};
const auditCount = () => (core.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe.each(KINDS)('the round policy for a $name', (kind) => {
  let round: { id: number; title: string };
  const input = () => ({ [kind.cmd.id]: round.id });

  it('opens on its item: the current item moves there, the change names the round and the agenda', async () => {
    await must('live.setItem', { itemId: items.report });
    round = await kind.create();
    events.length = 0;
    const opened = await must(kind.cmd.open, input());
    expect(opened.state).toBe('open');
    expect((await must('live.state')).currentItem.id).toBe(kind.item());
    const changed = events.filter((e) => e.type === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ parts: expect.arrayContaining(['round', 'agenda']), roundKind: kind.name, roundId: round.id, itemId: kind.item() });
    expect(keyFiles()).toEqual([`${kind.name}-${round.id}.sealed`]);
  });

  it('keeps one round open across kinds: neither a ballot nor an assessment opens beside it', async () => {
    for (const other of KINDS) {
      if (other === kind) {
        // Its own item: not even a second round is created beside the open one (round-create-repeat.test.ts).
        expect(await refusal(kind === KINDS[0] ? 'ballots.create' : 'assessments.create', kind === KINDS[0] ? { itemId: items.vote, secret: true, pressRule: 'last' } : { itemId: items.assessment, method: 'electronic' })).toBe(
          `CONFLICT “${round.title}”的第1轮${kind.noun}正在进行，不能再发起一轮；请先结束这一轮`,
        );
        continue;
      }
      const r = await other.create();
      expect(await refusal(other.cmd.open, { [other.cmd.id]: r.id })).toBe(`CONFLICT “${round.title}”的${kind.noun}尚未结束，请先结束${kind.noun}`);
      expect((await must(other.cmd.get, { [other.cmd.id]: r.id })).state).toBe('draft');
    }
    expect(await refusal('live.close', {})).toMatch(/还在进行，请先结束.*再闭会/);
  });

  it('repeats an open harmlessly: nothing is written again', async () => {
    const before = auditCount();
    expect((await must(kind.cmd.open, input())).state).toBe('open');
    expect(auditCount()).toBe(before);
  });

  it('a committed press or sheet names only the progress of its round', async () => {
    events.length = 0;
    await kind.submit(terminals[0]!, round.id);
    const changed = events.filter((e) => e.type === 'changed');
    expect(changed).toEqual([{ type: 'changed', parts: ['progress'], roundKind: kind.name, roundId: round.id }]);
  });

  it('keeps the WAL from being checkpointed while open', () => {
    expect(core.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(walSize()).toBeGreaterThan(0);
  });

  it('closes: the result is stored, the WAL truncated, the key destroyed, a backup asked for (written once the room is quiet, or before the store closes); repeating the close changes nothing', async () => {
    const backupsBefore = backups();
    const closed = await must(kind.cmd.close, input());
    expect(closed.state).toBe('closed');
    expect(closed.result).not.toBeNull();
    expect(core.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(keyFiles()).toEqual([]);
    // Not at the close itself: the announcement comes first.
    expect(core.store.backups.status.waiting).toEqual([`${kind.noun}结束后自动备份（${kind.noun}#${round.id}）`]);
    expect(backups()).toBe(backupsBefore);
    await core.store.whenIdle();
    expect(core.store.backups.status.waiting).toEqual([]);
    expect(backups()).toBe(backupsBefore + 1);
    const again = await must(kind.cmd.close, input());
    expect(again).toEqual(closed);
    expect(await refusal(kind.cmd.open, input())).toBe(`INVALID_STATE ${kind.noun}已结束，不能再次开启；如需重新${kind.noun}请发起新一轮`);
  });

  it('announces once, changing no terminal\'s own part (so the terminals are sent the shared frame as is); repeating the announcement is harmless', async () => {
    const before = terminalParts();
    events.length = 0;
    const a = await must(kind.cmd.announce, input());
    expect(a.state).toBe('announced');
    expect(terminalParts()).toEqual(before);
    expect(events.filter((e) => e.type === 'changed')).toEqual([{ type: 'changed', parts: ['round'], roundKind: kind.name, roundId: round.id, itemId: kind.item(), ownPartsUnchanged: true }]);
    const audited = auditCount();
    expect(await must(kind.cmd.announce, input())).toEqual(a);
    expect(await must(kind.cmd.close, input())).toEqual(a);
    expect(auditCount()).toBe(audited);
  });

  it('refuses to close or announce a round that never opened, in its own words', async () => {
    const r = await kind.create();
    expect(await refusal(kind.cmd.close, { [kind.cmd.id]: r.id })).toBe(`INVALID_STATE ${kind.noun}尚未开始，不能结束`);
    expect(await refusal(kind.cmd.announce, { [kind.cmd.id]: r.id })).toBe(`INVALID_STATE ${kind.noun}尚未开始，不能宣布结果`);
  });
});

describe('announcing a named ballot', () => {
  it('changes no terminal\'s own part either: what each member recorded stays as it was', async () => {
    const b = await must('ballots.create', { itemId: items.namedVote, secret: false, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await must('ballots.open', { ballotId: b.id });
    await must('terminal.vote', { ballotId: b.id, choice: 'no', pressSeq: 1 }, terminals[0]);
    await must('ballots.close', { ballotId: b.id });
    const before = terminalParts();
    expect(before[0]!.map((me) => me.myVote)).toEqual([{ ballotId: b.id, choice: 'no' }, { ballotId: b.id, choice: 'no' }]);
    await must('ballots.announce', { ballotId: b.id });
    expect(terminalParts()).toEqual(before);
  });
});
