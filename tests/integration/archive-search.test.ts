// The archive through the real commands on a real SQLite file: two sessions held and closed, then
// found again — a remark by a two-character word, an opinion by its 文号 and status, a ballot by its
// title and year; filters by year, kind and status; paging; refusals; and the index follows a change.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/core';
import { verifyAuditLog } from '../../src-main/store/audit';
import { BUDGET_BALLOT, MEDICAL_REMARK, prepareArchive, type ArchiveFixture } from '../helpers/archive-fixture';
import { tempDataDir } from '../helpers/server';

const dataDir = tempDataDir('yishi-archive-');
let core: Core;
let f: ArchiveFixture;
const call = (name: string, input: unknown = {}) => core.dispatch(name, input, { kind: 'admin', source: 'test' });
const must = async (name: string, input: unknown = {}): Promise<any> => {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const search = (input: Record<string, unknown>) => must('archive.search', input);
const keys = (page: any) => page.hits.map((h: any) => `${h.kind}#${h.refId}`);

beforeAll(async () => {
  core = createCore(dataDir);
  f = await prepareArchive(must);
});
afterAll(async () => {
  await core.store.whenIdle(); // the backup after each closed ballot
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('archive search', () => {
  it('finds a remark by a two-character word (医保), with the passage around it', async () => {
    const page = await search({ q: '医保', kind: 'remark' });
    expect(keys(page)).toEqual([`remark#${f.remarkId}`]);
    const [hit] = page.hits;
    expect(hit).toMatchObject({ kind: 'remark', kindLabel: '审议发言', sessionId: f.s16.sessionId, sessionStatus: 'closed', year: 2026, statusLabel: '书面发言' });
    expect(hit.sessionTitle).toBe('示例区第二届人民代表大会常务委员会第十六次会议');
    expect(hit.title).toBe(f.s16.members[3]!.name);
    expect(hit.detail).toContain('医疗保障基金使用情况的报告');
    expect(hit.snippet).toEqual({ before: '建议加强', match: '医保', after: '基金监管，对定点医药机构开展专项检查。' });
    expect(`${hit.snippet.before}${hit.snippet.match}${hit.snippet.after}`).toBe(MEDICAL_REMARK);
    // One character and longer phrases too; a word nowhere in the archive finds nothing.
    expect(keys(await search({ q: '医', kind: 'remark' }))).toEqual([`remark#${f.remarkId}`]);
    expect(keys(await search({ q: '定点医药机构', kind: 'remark' }))).toEqual([`remark#${f.remarkId}`]);
    expect((await search({ q: '医保 公益诉讼' })).hits).toEqual([]); // every word must match
    expect((await search({ q: '航天' })).total).toBe(0);
  });

  it('finds an opinion by its 文号, with or without brackets, and filters by status', async () => {
    const byNumber = await search({ q: '示人常审〔2026〕3号' });
    expect(keys(byNumber)).toEqual([`opinion#${f.handlingOpinion}`]);
    expect(byNumber.hits[0]).toMatchObject({ status: 'handling', statusLabel: '办理中', sessionId: null, date: '2026-01-10' });
    expect(byNumber.hits[0].detail).toContain('示人常审〔2026〕3号');
    expect(keys(await search({ q: '示人常审2026 3号' }))).toEqual([`opinion#${f.handlingOpinion}`]);
    expect(keys(await search({ q: '示人常审〔2026〕4号', kind: 'opinion', status: 'sent' }))).toEqual([`opinion#${f.sentOpinion}`]);
    expect((await search({ q: '示人常审〔2026〕4号', kind: 'opinion', status: 'handling' })).hits).toEqual([]);
    const handling = await search({ kind: 'opinion', status: 'handling' });
    expect(keys(handling)).toEqual([`opinion#${f.handlingOpinion}`]);
  });

  it('finds a ballot by its title and year, with its announced result', async () => {
    const both = await search({ q: '预算调整方案', kind: 'ballot' });
    expect(keys(both)).toEqual([`ballot#${f.ballot16}`, `ballot#${f.ballot15}`]); // newest first
    const in2025 = await search({ q: '预算调整方案', kind: 'ballot', year: 2025 });
    expect(keys(in2025)).toEqual([`ballot#${f.ballot15}`]);
    expect(in2025.hits[0]).toMatchObject({ title: `审议${BUDGET_BALLOT}`, status: 'adopted', statusLabel: '通过', sessionId: f.session15, year: 2025 });
    expect(in2025.hits[0].sessionTitle).toBe('示例区第二届人民代表大会常务委员会第十五次会议');
    expect(in2025.hits[0].detail).toContain('赞成18票，反对1票，弃权1票');
    expect(keys(await search({ q: '预算调整方案', kind: 'ballot', status: 'rejected' }))).toEqual([]);
  });

  it('finds sessions by their number in Chinese or Arabic numerals, and lists a year by kind', async () => {
    expect(keys(await search({ q: '第十六次会议', kind: 'session' }))).toEqual([`session#${f.s16.sessionId}`]);
    expect(keys(await search({ q: '第15次', kind: 'session' }))).toEqual([`session#${f.session15}`]);
    const years = await must('archive.years');
    expect(years.map((y: any) => [y.year, y.sessions])).toEqual([[2026, 1], [2025, 1]]);
    const items2025 = await search({ year: 2025, kind: 'item' });
    expect(items2025.hits.map((h: any) => h.title)).toEqual([`审议${BUDGET_BALLOT}`]);
    const docs = await search({ q: '医疗保障', kind: 'document' });
    expect(keys(docs)).toEqual([`document#${f.documentId}`]);
  });

  it('pages through everything newest first, each entry once', async () => {
    const all = await search({ limit: 100 });
    expect(all.totalCapped).toBe(false);
    const seen: string[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await search({ limit: 4, ...(before === undefined ? {} : { before }) });
      seen.push(...keys(page));
      expect(page.total).toBe(before === undefined ? all.total : null); // later pages keep the first page's count
      if (page.next === null) break;
      before = page.next;
    }
    expect(seen).toEqual(keys(all));
    const dates = all.hits.map((h: any) => h.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('follows a change at once: a remark edited in a session still open is found by its new words only', async () => {
    const s = await must('sessions.create', { term: 2, number: 17, date: '2026-11-20', expectedMembers: 33 });
    const item = await must('agenda.add', { sessionId: s.id, kind: 'report', title: '听取和审议区人民政府关于养老服务工作情况的报告' });
    await must('live.open', { sessionId: s.id });
    const r = await must('remarks.add', { itemId: item.id, memberId: f.s16.members[0]!.id, mode: 'spoken', text: '建议增加社区食堂。' });
    expect(keys(await search({ q: '食堂' }))).toEqual([`remark#${r.id}`]);
    await must('remarks.update', { id: r.id, text: '建议增加日间照料中心。' });
    expect((await search({ q: '食堂' })).hits).toEqual([]);
    expect(keys(await search({ q: '日间照料' }))).toEqual([`remark#${r.id}`]);
    expect((await search({ q: '日间照料' })).hits[0].sessionStatus).toBe('open');
    await must('live.close');
  });

  it('refuses bad input in Chinese and changes nothing; the index is outside the audit chain, which verifies', async () => {
    for (const bad of [{ q: 'x'.repeat(201) }, { kind: 'secret' }, { year: 1800 }, { status: "'; DROP TABLE x; --" }, { limit: 0 }]) {
      const r = await call('archive.search', bad);
      expect(r.ok ? 'ok' : r.error.code).toBe('BAD_INPUT');
      expect(r.ok ? '' : r.error.message).toMatch(/^输入有误：/);
    }
    // Punctuation alone, quotes and FTS syntax are words to look for, never a query error.
    for (const q of ['“”', '"', 'NEAR(医保', '*', 'AND OR NOT']) expect((await call('archive.search', { q })).ok).toBe(true);
    expect(verifyAuditLog(core.store.db).ok).toBe(true);
  });
});
