// The 第四十四次会议 over a real WebSocket server and a real SQLite file, with 33 simulated terminals:
// 35 officials on one anonymous sheet, results by hand-computed figures, the database keeping no
// link between a member and a sheet, the officials' year records, a 10-of-15 project ballot with an
// over-marked sheet refused and a tie at the cut-off decided by a new ballot.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { CANDIDATES, PROJECT_VOTES, prepareSession44, projectSheets, SESSION44_COUNTS, SESSION44_RANKING, session44Sheet, type Session44 } from '../helpers/assessment-fixture';
import { tempDataDir } from '../helpers/server';
import { pairAndSignIn } from '../helpers/live-setup';
import { commandsOf } from '../helpers/dispatch';

let running: RunningServer;
let s44: Session44;
const dataDir = tempDataDir('yishi-asm-live-');
const { must } = commandsOf(() => running.core);
const wsUrl = () => `ws://127.0.0.1:${running.port}/ws`;
const dbFile = () => path.join(dataDir, 'yishi.sqlite');

/** Page numbers of the frames in the WAL file (every frame, valid or stale). */
function walPages(): Set<number> {
  const wal = fs.existsSync(`${dbFile()}-wal`) ? fs.readFileSync(`${dbFile()}-wal`) : Buffer.alloc(0);
  const pages = new Set<number>();
  if (wal.length < 32) return pages;
  const pageSize = wal.readUInt32BE(8);
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) pages.add(wal.readUInt32BE(at));
  return pages;
}

/** The pages of the sheet tables (who submitted, the counters): the WAL must hold none of them after close. */
function sheetTablePages(): Set<number> {
  const db = new Database(dbFile(), { readonly: true });
  try {
    const rows = db.prepare("SELECT pageno FROM dbstat WHERE name IN ('assessment_voters', 'assessment_counts', 'assessment_sheets')").all() as { pageno: number }[];
    return new Set(rows.map((r) => r.pageno));
  } finally {
    db.close();
  }
}
const shared = (a: Set<number>, b: Set<number>) => [...a].filter((p) => b.has(p));
const terminals: TerminalClient[] = []; // by member index
let display: TerminalClient;
let assessmentId = 0;
let projectId = 0;

beforeAll(async () => {
  running = await startServer({ dataDir, port: 0, host: '127.0.0.1', staticDir: null });
  s44 = await prepareSession44(must);
  await must('live.open', { sessionId: s44.sessionId });
  terminals.push(...(await pairAndSignIn(must, wsUrl(), s44.members)));
  await must('live.startBusiness', {});
  display = await TerminalClient.connect(wsUrl());
  await display.hello('display');
});
afterAll(async () => {
  for (const t of [...terminals, display]) await t?.close();
  await running.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the 第四十四次会议: 35 officials on one sheet, 33 terminals', () => {
  it('opens the assessment: every terminal gets one sheet with 35 subjects and the three-level scale', async () => {
    const a = await must('assessments.create', { itemId: s44.assessmentItemId, method: 'electronic' });
    assessmentId = a.id;
    expect(a).toMatchObject({ state: 'draft', kind: 'satisfaction', year: 2026, reportItemId: s44.reportItemId, scale: 'three', rule: 'rate' });
    await must('assessments.open', { assessmentId });
    const s = await terminals[0]!.waitForState((x) => x.assessment?.state === 'open');
    expect(s.assessment.subjects).toHaveLength(35);
    expect(s.assessment.subjects[0]).toEqual({ name: '潘刚超', unit: '示例区发展和改革局', post: '局长', category: '政府工作部门负责人' });
    expect(s.assessment.levels).toEqual(['满意', '基本满意', '不满意']);
    expect(s.me).toMatchObject({ sheetSubmitted: false, canSubmitSheet: true });
    expect(s.currentItem.id).toBe(s44.assessmentItemId);
  });

  it('acknowledges each sheet after commit; a second sheet from the same member counts once; a malformed sheet is refused', async () => {
    const short = await terminals[0]!.cmd('terminal.submitSheet', { assessmentId, marks: [0, 1] });
    expect(short.ok ? 'ok' : short.error.code).toBe('BAD_INPUT');
    const beyond = await terminals[0]!.cmd('terminal.submitSheet', { assessmentId, marks: session44Sheet(0).map(() => 3) });
    expect(beyond.ok ? 'ok' : beyond.error.code).toBe('BAD_INPUT');

    const probe = new Database(path.join(dataDir, 'yishi.sqlite'), { readonly: true });
    try {
      const acks = await Promise.all(
        terminals.map(async (t, m) => {
          const r = await t.cmd('terminal.submitSheet', { assessmentId, marks: session44Sheet(m) });
          // Acknowledged only once committed: another connection already sees the voter row.
          const row = probe.prepare('SELECT 1 AS x FROM assessment_voters WHERE assessment_id = ? AND member_id = ?').get(assessmentId, s44.members[m]!.id);
          return { r, committed: row !== undefined };
        }),
      );
      for (const { r, committed } of acks) {
        expect(r).toMatchObject({ ok: true, value: { submitted: true, duplicate: false, counted: true } });
        expect(committed).toBe(true);
      }
    } finally {
      probe.close();
    }
    // While open, the WAL holds the page history of voters and counters (what the close must erase).
    expect(shared(walPages(), sheetTablePages()).length).toBeGreaterThan(0);
    const again = await terminals[5]!.cmd('terminal.submitSheet', { assessmentId, marks: session44Sheet(0) });
    expect(again).toMatchObject({ ok: true, value: { duplicate: true, counted: null } });
    const own = await terminals[5]!.cmd('terminal.state');
    expect(own.ok && own.value.me).toMatchObject({ sheetSubmitted: true, canSubmitSheet: false });
  });

  it('shows only how many sheets are in while open: no counts for the console, the big screen or terminals', async () => {
    const shown = await display.waitForState((x) => x.assessment?.submitted === 33);
    expect(shown.assessment).toMatchObject({ state: 'open', eligible: 33, submitted: 33, result: null });
    const c = await must('live.state');
    expect(c.assessment.result).toBeNull();
    expect((await must('assessments.get', { assessmentId })).result).toBeNull();
  });

  it('closes with the hand-computed ranking (rule A: rate over the sheets returned, unmarked subjects counted against)', async () => {
    const closed = await must('assessments.close', { assessmentId });
    // At close the WAL was truncated: it keeps no page of the voters or the counters from while it was open.
    expect(shared(walPages(), sheetTablePages())).toEqual([]);
    const r = closed.result;
    expect(r).toMatchObject({ kind: 'satisfaction', sheetsReturned: 33, sheetsSetAside: 0, eligible: 33, allMembers: 33, method: 'electronic' });
    expect(r.rows.map((x: any) => [x.rank, x.name, ...x.levels, x.unmarked, x.rate, x.grade])).toEqual(SESSION44_RANKING);
    const byName = new Map(r.rows.map((x: any) => [x.name, x]));
    expect((byName.get('姜婷德') as any).consequence).toBe('限期整改并再次报告');
    expect((byName.get('罗杰琳') as any).consequence).toBe('限期整改并再次报告'); // 15 of 33: 17 left her unmarked
    expect(['万娟', '许晓', '陆晨军', '沈立', '毛海立'].map((n) => (byName.get(n) as any).consequence)).toEqual(Array(5).fill('按照审议意见整改'));
    expect(r.rows.filter((x: any) => x.consequence).length).toBe(7);
    // Not announced yet: the big screen and the terminals see no result.
    const s = await terminals[1]!.waitForState((x) => x.assessment?.state === 'closed');
    expect(s.assessment.result).toBeNull();
    await must('assessments.announce', { assessmentId });
    const shown = await display.waitForState((x) => x.assessment?.state === 'announced');
    expect(shown.assessment.result.rows.map((x: any) => [x.rank, x.name, x.rate])).toEqual(SESSION44_RANKING.map(([rank, name, , , , , rate]) => [rank, name, rate]));
  });

  it('keeps no link between a member and a sheet in the database', () => {
    const db = new Database(path.join(dataDir, 'yishi.sqlite'), { readonly: true });
    try {
      const cols = (t: string) => (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).all() as { name: string }[]).map((c) => c.name).sort();
      expect(cols('assessment_voters')).toEqual(['assessment_id', 'member_id']);
      const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      // No counter of any kind exists: sheets were sealed receipts while open, tallied at close.
      expect(tables.filter((t) => /count|sheet/.test(t))).toEqual([]);
      const wr = db.prepare("SELECT name, wr FROM pragma_table_list WHERE name = 'assessment_voters'").all();
      expect(wr).toEqual([{ name: 'assessment_voters', wr: 1 }]); // no rowid: no order
      // No table anywhere holds a member beside a level, a subject or a mark.
      for (const t of tables) {
        const c = cols(t);
        if (c.includes('member_id')) expect(c.filter((x) => /^(level|subject|subjects|marks?|choice|count|assessment_id)$/.test(x)), t).toEqual(t === 'named_votes' ? ['choice'] : t === 'assessment_voters' ? ['assessment_id'] : []);
      }
      const voters = db.prepare('SELECT member_id FROM assessment_voters WHERE assessment_id = ?').all(assessmentId);
      expect(voters).toHaveLength(33);
      expect(db.prepare('SELECT count(*) AS n FROM round_receipts').get()).toEqual({ n: 0 }); // the sealed sheets were erased at close
      // Only the totals remain: the stored result, per subject and level.
      const result = JSON.parse((db.prepare('SELECT result FROM assessments WHERE id = ?').get(assessmentId) as { result: string }).result);
      const bySheet = [...result.rows].sort((x: any, y: any) => x.index - y.index);
      SESSION44_COUNTS.forEach(([a, b, c, u], k) => expect([bySheet[k].unmarked, ...bySheet[k].levels]).toEqual([u, a, b, c]));
      expect(fs.readdirSync(path.join(dataDir, 'round-keys'))).toEqual([]); // the round key is gone
      // The audit log says who submitted, never what.
      const entries = db.prepare("SELECT data FROM audit_log WHERE action = 'assessment.sheet' AND entity_id = ?").all(String(assessmentId)) as { data: string }[];
      expect(entries).toHaveLength(33);
      for (const e of entries) expect(Object.keys(JSON.parse(e.data))).toEqual(['memberId']);
      // No sheet is stored as such: a member's marks appear nowhere in the file.
      const file = fs.readFileSync(path.join(dataDir, 'yishi.sqlite'));
      expect(file.includes(Buffer.from(JSON.stringify(session44Sheet(7))))).toBe(false);
    } finally {
      db.close();
    }
  });

  it('ties the result to each official’s 2026 record: 述职 session and item, rate, grade and rank', async () => {
    const rows: any[] = await must('officialYears.list', { year: 2026 });
    expect(rows).toHaveLength(35);
    const pan = rows.find((r) => r.official.name === '潘刚超');
    expect(pan.report).toMatchObject({ sessionId: s44.sessionId, itemId: s44.reportItemId });
    expect(pan.assessment.result).toMatchObject({ rate: '96.97%', grade: '满意', rank: 3 });
    expect(pan.standing).toBe('assessed');
    const jiang = rows.find((r) => r.official.name === '姜婷德');
    expect(jiang.standing).toBe('rectify');
    // The year's other parts: pledge, mid-year review with 1197 opinion forms, follow-up.
    const saved = await must('officialYears.save', {
      officialId: jiang.official.id,
      year: 2026,
      pledgeText: '全年完成审计项目45个',
      pledgeDate: '2026-02-10',
      midyearDate: '2026-07-15',
      midyearNotes: '调研评议认为审计整改跟踪不够',
      midyearForms: 1197,
      midyearLevels: [1019, 150, 20, 8],
      followUp: '已制定整改方案，拟于下次会议报告',
      followUpDate: '2027-02-20',
    });
    expect(saved).toMatchObject({ midyearTopShare: '85.13%', standing: 'followedUp', standingLabel: '已反馈整改' });
    const refused = await running.core.dispatch('officialYears.save', { officialId: jiang.official.id, year: 2026, midyearForms: 100, midyearLevels: [90, 20, 0, 0] }, { kind: 'admin', source: 'test' });
    expect(refused.ok ? '' : refused.error.message).toBe('各档合计110份，超过了收回的意见表100份');
    await must('officialYears.attachPledge', { officialId: pan.official.id, year: 2026, fileName: '履职承诺书.pdf', data: Buffer.from('%PDF-1.4 test').toString('base64') });
    expect((await must('officialYears.get', { officialId: pan.official.id, year: 2026 })).pledgeFile).toMatchObject({ fileName: '履职承诺书.pdf', size: 13 });

    const x = await must('officialYears.exportXlsx', { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as any);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(36);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRow(1 + rows.findIndex((r) => r.official.name === '姜婷德') + 1);
    const cell = (h: string) => row.getCell(header.indexOf(h) + 1).value;
    expect([cell('姓名'), cell('当前进度'), cell('意见表（份）'), cell('优秀率'), cell('满意率'), cell('测评结果'), cell('名次')]).toEqual(['姜婷德', '已反馈整改', 1197, '85.13%', '33.33%', '不满意', '35/35']);
    // Every change is audited and the chain is intact.
    expect((await must('system.verifyAudit')).ok).toBe(true);
  });

  it('runs the 10-of-15 project ballot: an over-marked sheet is refused, the tie at the cut-off goes to a new ballot', async () => {
    const p = await must('assessments.create', { itemId: s44.projectItemId, method: 'electronic' });
    projectId = p.id;
    await must('assessments.open', { assessmentId: projectId });
    const eleven = CANDIDATES.map((_, i) => (i < 11 ? 0 : null));
    const refused = await terminals[3]!.cmd('terminal.submitSheet', { assessmentId: projectId, marks: eleven });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'INVALID_STATE', message: '所选项目超过10个，不能提交（多选的票无效），请修改后重新提交' });
    expect((await must('assessments.get', { assessmentId: projectId })).submitted).toBe(0);
    const sheets = projectSheets();
    const acks = await Promise.all(terminals.map((t, m) => t.cmd('terminal.submitSheet', { assessmentId: projectId, marks: CANDIDATES.map((_, j) => (sheets[m]!.includes(j) ? 0 : null)) })));
    expect(acks.every((a) => a.ok)).toBe(true);
    const r = (await must('assessments.close', { assessmentId: projectId })).result;
    expect(r).toMatchObject({ validSheets: 33, invalidSheets: 0, selectedCount: 9, chooseMax: 10 });
    expect(r.rows.map((x: any) => [x.rank, x.votes, x.selected, x.tied])).toEqual([
      [1, 31, true, false],
      [2, 30, true, false],
      [3, 29, true, false],
      [4, 28, true, false],
      [5, 27, true, false],
      [6, 26, true, false],
      [7, 25, true, false],
      [8, 24, true, false],
      [9, 20, true, false],
      [10, 18, false, true],
      [10, 18, false, true],
      [12, 12, false, false],
      [13, 10, false, false],
      [14, 6, false, false],
      [15, 4, false, false],
    ]);
    expect(r.rows.map((x: any) => x.votes)).toEqual([...PROJECT_VOTES].sort((a, b) => b - a));
    expect(r.tieAtCutoff.map((i: number) => CANDIDATES[i])).toEqual(['中小学校食堂改造', '口袋公园建设']);
    await must('assessments.announce', { assessmentId: projectId });

    // The new ballot: the two tied projects, one place left.
    const runoff = await must('assessments.create', { itemId: s44.projectItemId, method: 'electronic', runoff: true });
    expect(runoff).toMatchObject({ round: 2, chooseMax: 1, subjects: [{ name: '中小学校食堂改造' }, { name: '口袋公园建设' }] });
    await must('assessments.open', { assessmentId: runoff.id });
    const both = await terminals[0]!.cmd('terminal.submitSheet', { assessmentId: runoff.id, marks: [0, 0] });
    expect(both.ok ? '' : both.error.message).toMatch(/^所选项目超过1个/);
    await Promise.all(terminals.map((t, m) => t.cmd('terminal.submitSheet', { assessmentId: runoff.id, marks: m < 20 ? [0, null] : m < 32 ? [null, 0] : [null, null] })));
    const second = (await must('assessments.close', { assessmentId: runoff.id })).result;
    expect(second.rows.map((x: any) => [x.name, x.votes, x.selected])).toEqual([
      ['中小学校食堂改造', 20, true],
      ['口袋公园建设', 12, false],
    ]);
    expect(second.validSheets).toBe(33); // the blank sheet is valid
  });
});
