// A session's title keeps the committee's name as it was when the session was prepared and held:
// renaming the committee later (e.g. 县改区) does not rename past sessions or their documents.
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/core';
import { tempDataDir } from '../helpers/server';

const dataDir = tempDataDir('yishi-title-');
let core: Core;
const must = async (name: string, input: unknown = {}) => {
  const r = await core.dispatch(name, input, { kind: 'admin', source: 'test' });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as any;
};
beforeAll(() => (core = createCore(dataDir)));
afterAll(() => {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('keeps 示例县 in the titles of sessions held before the committee became 示例区', async () => {
  await must('committee.update', { region: '示例县', term: 2 });
  const held = await must('sessions.create', { term: 2, number: 15, date: '2026-06-20', expectedMembers: 33 });
  await must('live.open', { sessionId: held.id });
  await must('live.close');
  await must('committee.update', { region: '示例区', term: 2 });
  const next = await must('sessions.create', { term: 2, number: 16, date: '2026-09-22', expectedMembers: 33 });
  expect((await must('sessions.get', { id: held.id })).session.title).toBe('示例县第二届人民代表大会常务委员会第十五次会议');
  expect(next.title).toBe('示例区第二届人民代表大会常务委员会第十六次会议');
});
