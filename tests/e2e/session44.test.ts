// The 第四十四次会议 end to end (tests/fixtures/sample-sessions.md): 35 officials of officials.csv on
// one anonymous sheet, 33 members — three real Chromium terminals (tablet size) filling the sheet by
// touch, the other 30 simulated over WebSocket — with a known, hand-designed distribution of marks.
// The secretary runs everything from the console page 测评与履职; the ranked results on the big screen
// and in the PDF must match the hand-computed figures; the database must not let anyone link a
// member to a sheet. Then a 10-of-15 project ballot with an over-marked sheet refused and a tie at
// the cut-off, and the officials' year records with their XLSX export. PDFs are kept under
// test-results/documents/.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { CANDIDATES, prepareSession44, projectSheets, SESSION44_RANKING, session44Sheet, type Session44 } from '../helpers/assessment-fixture';
import { artifactPath, downloadOnClick, launchChromium } from '../helpers/browser';
import { pdfPages, pdfRows, pdfText, RESULTS_DIR } from '../helpers/pdf';
import { startServe, type ServeProcess } from '../helpers/server';
import { openConsole, openDisplay, pairAndSignInOnPage } from '../helpers/live-pages';
import { pairAndSignIn } from '../helpers/live-setup';

let server: ServeProcess;
let browser: Browser;
let s44: Session44;
let consolePage: Page;
let display: Page;
const terminals: { page: Page; context: BrowserContext; m: number }[] = []; // real Chromium terminals, by member index
const simulated = new Map<number, TerminalClient>(); // member index → simulated terminal
const REAL = [0, 1, 2];
const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath('screens', `session44-${name}.png`) });
const flat = (s: string) => s.replace(/\s+/g, '');

/** Clicks and keeps the file the page downloads under test-results/documents/ (or elsewhere) as `name`. */
async function download(page: Page, click: () => Promise<void>, name: string, dir = RESULTS_DIR): Promise<string> {
  const dl = await downloadOnClick(page, click);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  await dl.saveAs(file);
  return file;
}

beforeAll(async () => {
  server = await startServe();
  s44 = await prepareSession44(server.must);
  await server.must('live.open', { sessionId: s44.sessionId });
  browser = await launchChromium();
  consolePage = await openConsole(browser, server, `#/console/assessments/${s44.sessionId}`, { locale: 'zh-CN' });
  display = await openDisplay(browser, server);
});

afterAll(async () => {
  for (const t of simulated.values()) await t.close();
  await browser?.close();
  await server?.stop();
});

describe('第四十四次会议: satisfaction assessment of 35 officials, project ballot, year records', () => {
  it('33 members take their seats: three on real tablets, thirty simulated; the quorum is met', async () => {
    const codes: { kind: string; id: number; code: string }[] = await server.must('seatCodes.list');
    const codeOf = (m: number) => codes.find((c) => c.kind === 'member' && c.id === s44.members[m]!.id)!.code;
    for (const m of REAL) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/#/terminal`);
      await pairAndSignInOnPage(page, codeOf(m), s44.members[m]!.name);
      terminals.push({ page, context, m });
    }
    (await pairAndSignIn(server.must, `ws://127.0.0.1:${server.port}/ws`, s44.members.slice(3, 33))).forEach((t, i) => simulated.set(3 + i, t));
    const state = await server.must<any>('live.state');
    expect(state.attendance).toMatchObject({ expected: 33, present: 33, quorumMet: true });
    await server.must('live.startBusiness', {});
  });

  it('the secretary starts the assessment from the console; every terminal shows one sheet of 35 with 满意/基本满意/不满意', async () => {
    const panel = consolePage.getByTestId(`assessment-item-${s44.assessmentItemId}`);
    await panel.getByTestId('assessment-create').click();
    await panel.getByTestId('assessment-open').click();
    await expect.poll(() => panel.locator('[data-testid^="assessment-round-"]').first().getAttribute('data-state')).toBe('open');
    for (const { page } of terminals) {
      await expect.poll(() => page.getByTestId('assessment-sheet').getAttribute('data-state')).toBe('open');
      expect(await page.locator('[data-testid^="sheet-row-"]').count()).toBe(35);
    }
    const row0 = terminals[0]!.page.getByTestId('sheet-row-0');
    expect(await row0.textContent()).toContain('潘刚超');
    expect(await row0.getByRole('radio').allTextContents()).toEqual(['满意', '基本满意', '不满意']);
    await expect.poll(() => display.getByTestId('display-assessment-progress').getAttribute('data-submitted')).toBe('0');
    expect(await display.getByTestId('display-assessment-progress').getAttribute('data-eligible')).toBe('33');
    await shot(display, 'display-open');
  });

  it('real terminals fill the sheet by touch, see what is unmarked before submitting, and submit once', async () => {
    for (const { page, m } of terminals) {
      const sheet = session44Sheet(m);
      for (const [k, level] of sheet.entries()) if (level !== null) await page.getByTestId(`sheet-mark-${k}-${level}`).click();
      if (m === 2) {
        // A reload keeps the marks made so far (kept in this tab until submitted).
        await page.reload();
        await expect.poll(() => page.getByTestId('sheet-row-0').getAttribute('data-mark')).toBe(String(sheet[0]));
      }
      const unmarked = sheet.flatMap((l, k) => (l === null ? [`${k + 1}. ${s44.officials[k]!.name}`] : []));
      expect(await page.getByTestId('sheet-filled').textContent()).toContain(`已填 ${35 - unmarked.length} / 35`);
      await page.getByTestId('sheet-submit').click();
      const confirm = page.getByTestId('sheet-confirm');
      await confirm.waitFor();
      expect(await confirm.getByTestId('sheet-confirm-unmarked').locator('li').allTextContents()).toEqual(unmarked);
      if (m === 0) {
        await shot(page, 'terminal-confirm-unmarked');
        await confirm.getByTestId('sheet-back').click(); // back to the sheet: nothing was sent
        expect(await server.must<any>('assessments.get', { assessmentId: Number(await page.getByTestId('assessment-sheet').getAttribute('data-assessment-id')) })).toMatchObject({ submitted: 0 });
        await page.getByTestId('sheet-submit').click();
      }
      await page.getByTestId('sheet-confirm-submit').click();
      await page.getByTestId('sheet-submitted').waitFor();
    }
    await shot(terminals[0]!.page, 'terminal-submitted');
    // After a reload the terminal still knows the sheet is in (from the server), and offers no new sheet.
    await terminals[1]!.page.reload();
    await terminals[1]!.page.getByTestId('sheet-submitted').waitFor();
    expect(await terminals[1]!.page.getByTestId('sheet-submit').count()).toBe(0);
  });

  it('30 simulated terminals submit; the big screen shows only how many sheets are in; close and announce from the console', async () => {
    const assessmentId = Number(await terminals[0]!.page.getByTestId('assessment-sheet').getAttribute('data-assessment-id'));
    const acks = await Promise.all([...simulated].map(([m, t]) => t.cmd('terminal.submitSheet', { assessmentId, marks: session44Sheet(m) })));
    expect(acks.every((a) => a.ok && a.value.duplicate === false)).toBe(true);
    await expect.poll(() => display.getByTestId('display-assessment-progress').getAttribute('data-submitted')).toBe('33');
    expect(await display.getByTestId('display-assessment').textContent()).not.toMatch(/满意率|%/);
    const panel = consolePage.getByTestId(`assessment-item-${s44.assessmentItemId}`);
    await expect.poll(() => panel.getByTestId('assessment-progress').textContent()).toContain('已提交 33 / 33');
    await panel.getByTestId('assessment-close').click();
    expect(await panel.getByTestId('assessment-close-question').textContent()).toContain('已提交 33/33，测评表已全部提交，确定结束测评？');
    await panel.getByTestId('assessment-close-confirm').click();
    await panel.getByTestId('console-assessment-result').waitFor();
    await expect.poll(() => display.getByTestId('display-assessment').getAttribute('data-state')).toBe('closed');
    expect(await display.getByTestId('display-assessment-row').count()).toBe(0); // not announced yet
    await panel.getByTestId('assessment-announce').click();
    await expect.poll(() => display.getByTestId('display-assessment').getAttribute('data-state')).toBe('announced');
    await shot(consolePage, 'console-result');
  });

  it('the big screen shows the ranked table with bars: the hand-computed ranks and rates', async () => {
    const rows = display.getByTestId('display-assessment-row');
    await expect.poll(() => rows.count()).toBe(35);
    const shown = await rows.evaluateAll((els) =>
      els.map((e) => [Number(e.getAttribute('data-rank')), e.getAttribute('data-name'), e.querySelector('.asa-rate')!.textContent, e.querySelector('.asa-grade')!.textContent]),
    );
    expect(shown).toEqual(SESSION44_RANKING.map(([rank, name, , , , , rate, grade]) => [rank, name, rate, grade]));
    // every row is on the 1920×1080 stage, bars as wide as the rate
    const boxes = await rows.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.bottom, r.right]));
    for (const [top, bottom, right] of boxes) {
      expect(top).toBeGreaterThan(0);
      expect(bottom).toBeLessThanOrEqual(1080 - 120);
      expect(right).toBeLessThanOrEqual(1920);
    }
    const bars = await rows.evaluateAll((els) => els.map((e) => (e.querySelector('.asa-bar') as HTMLElement).style.width));
    expect(bars[0]).toBe('100%');
    expect(bars[34]).toBe('33.33%');
    expect(await display.getByTestId('display-assessment-summary').textContent()).toContain('收回测评表33份，计入统计33份');
    await shot(display, 'display-ranked');
    await expect.poll(() => terminals[0]!.page.getByTestId('sheet-outcome').isVisible()).toBe(true);
  });

  it('the 测评结果统计表 PDF downloaded from the console matches the hand-computed figures', async () => {
    const panel = consolePage.getByTestId(`assessment-item-${s44.assessmentItemId}`);
    const file = await download(consolePage, () => panel.getByTestId('assessment-pdf-result').click(), '第四十四次会议-满意度测评结果统计表（电子测评，控制台下载）.pdf');
    const text = flat(pdfText(file));
    expect(text).toContain('测评方式：无记名电子测评（委员终端）');
    expect(text).toContain('应出席常委会组成人员33人，参加测评33人，收回测评表33份，计入统计33份。');
    const rows = pdfRows(file);
    expect(pdfPages(file).length).toBeGreaterThanOrEqual(2);
    for (const [rank, name, a, b, c, u, rate, grade] of SESSION44_RANKING) {
      const row = rows.find((r) => r.text.startsWith(`${rank}${name}`));
      expect(row?.text.endsWith(`${a}${b}${c}${u}${rate}${grade}`), `${name}: ${row?.text}`).toBe(true);
    }
    const header = '名次姓名单位及职务满意基本满意不满意未评满意率测评结果';
    const tablePages = [...new Set(rows.filter((r) => SESSION44_RANKING.some(([rank, name]) => r.text.startsWith(`${rank}${name}`))).map((r) => r.page))];
    for (const p of tablePages) expect(rows.some((r) => r.page === p && r.text === header), `header on page ${p}`).toBe(true);
    await download(consolePage, () => panel.getByTestId('assessment-pdf-categories').click(), '第四十四次会议-满意度测评结果分类汇总表（电子测评，控制台下载）.pdf');
  });

  it('the database lets nobody link a member to a sheet', () => {
    const db = new Database(path.join(server.dataDir, 'yishi.sqlite'), { readonly: true });
    try {
      const a = db.prepare("SELECT id, state FROM assessments WHERE kind = 'satisfaction' AND method = 'electronic'").get() as { id: number; state: string };
      expect(a.state).toBe('announced');
      const cols = (t: string) => (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).all() as { name: string }[]).map((c) => c.name).sort();
      expect(cols('assessment_voters')).toEqual(['assessment_id', 'member_id']); // who submitted: no time, no order, no terminal (the sealed sheet was in round_receipts while open)
      const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables.filter((t) => /count|sheet/.test(t))).toEqual([]); // no counter: sheets were sealed until close
      expect(db.prepare("SELECT wr FROM pragma_table_list WHERE name = 'assessment_voters'").get()).toEqual({ wr: 1 });
      const voters = db.prepare('SELECT member_id FROM assessment_voters WHERE assessment_id = ? ORDER BY member_id').all(a.id) as { member_id: number }[];
      expect(voters.map((v) => v.member_id)).toEqual(s44.members.map((m) => m.id).sort((x, y) => x - y));
      expect(db.prepare('SELECT count(*) AS n FROM round_receipts').get()).toEqual({ n: 0 });
      // per subject only totals: 姜婷德 (sheet position 20) 5 / 6 / 18 and 4 unmarked
      const result = JSON.parse((db.prepare('SELECT result FROM assessments WHERE id = ?').get(a.id) as { result: string }).result);
      expect(result.rows.find((r: any) => r.index === 19)).toMatchObject({ name: '姜婷德', levels: [5, 6, 18], unmarked: 4 });
      const audit = db.prepare("SELECT data FROM audit_log WHERE action = 'assessment.sheet' AND entity_id = ?").all(String(a.id)) as { data: string }[];
      expect(audit.map((e) => Object.keys(JSON.parse(e.data)))).toEqual(Array(33).fill(['memberId']));
      for (const f of fs.readdirSync(server.dataDir)) expect(f).toMatch(/^(yishi\.sqlite(-wal|-shm)?|yishi\.head|yishi\.running|backups|round-keys|admin-token)$/); // yishi.head: the audit head (seq and hash only); yishi.running: when this run started
      expect(fs.readdirSync(path.join(server.dataDir, 'round-keys'))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('the 10-of-15 project ballot: an 11th choice and an over-marked sheet are refused; the tie at the cut-off is reported', async () => {
    const panel = consolePage.getByTestId(`assessment-item-${s44.projectItemId}`);
    await panel.getByTestId('assessment-create').click();
    await panel.getByTestId('assessment-open').click();
    const sheets = projectSheets();
    for (const { page, m } of terminals) {
      await expect.poll(() => page.getByTestId('assessment-sheet').getAttribute('data-kind')).toBe('project');
      for (const j of sheets[m]!) await page.getByTestId(`project-pick-${j}`).click();
      if (m === 0) {
        const extra = CANDIDATES.findIndex((_, j) => !sheets[0]!.includes(j));
        expect(sheets[0]).toHaveLength(10);
        await page.getByTestId(`project-pick-${extra}`).click(); // the 11th choice is refused on the terminal
        await page.getByTestId('project-limit').waitFor();
        expect(await page.getByTestId('project-limit').textContent()).toBe('最多选择10个项目，请先取消已选的项目');
        expect(await page.getByTestId(`project-row-${extra}`).getAttribute('data-chosen')).toBe('false');
        await shot(page, 'terminal-project-limit');
      }
      expect(await page.getByTestId('project-chosen').textContent()).toContain(`已选 ${sheets[m]!.length} / 最多 10`);
      await page.getByTestId('sheet-submit').click();
      expect(await page.getByTestId('sheet-confirm-chosen').locator('li').allTextContents()).toEqual(sheets[m]!.map((j) => `${j + 1}. ${CANDIDATES[j]}`));
      await page.getByTestId('sheet-confirm-submit').click();
      await page.getByTestId('sheet-submitted').waitFor();
    }
    const projectId = Number(await terminals[0]!.page.getByTestId('assessment-sheet').getAttribute('data-assessment-id'));
    // A terminal that sends 11 marks anyway is refused by the server, and may then send a valid sheet.
    const forged = await simulated.get(3)!.cmd('terminal.submitSheet', { assessmentId: projectId, marks: CANDIDATES.map((_, j) => (j < 11 ? 0 : null)) });
    expect(forged.ok ? '' : forged.error.message).toBe('所选项目超过10个，不能提交（多选的票无效），请修改后重新提交');
    const acks = await Promise.all([...simulated].map(([m, t]) => t.cmd('terminal.submitSheet', { assessmentId: projectId, marks: CANDIDATES.map((_, j) => (sheets[m]!.includes(j) ? 0 : null)) })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await expect.poll(() => panel.getByTestId('assessment-progress').textContent()).toContain('已提交 33 / 33');
    await panel.getByTestId('assessment-close').click();
    await panel.getByTestId('assessment-close-confirm').click();
    await panel.getByTestId('console-project-result').waitFor();
    await panel.getByTestId('assessment-announce').click();
    const rows = display.getByTestId('display-project-row');
    await expect.poll(() => rows.count()).toBe(15);
    const shown = await rows.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-rank')), e.getAttribute('data-name'), Number(e.getAttribute('data-votes')), e.getAttribute('data-verdict')]));
    expect(shown).toEqual([
      [1, '社区嵌入式养老服务中心建设', 31, 'selected'],
      [2, '老旧小区改造提升工程', 30, 'selected'],
      [3, '农村饮水安全巩固提升', 29, 'selected'],
      [4, '公办幼儿园扩容', 28, 'selected'],
      [5, '公共停车泊位建设', 27, 'selected'],
      [6, '残疾人康复服务提升', 26, 'selected'],
      [7, '农贸市场提升改造', 25, 'selected'],
      [8, '公共充电设施建设', 24, 'selected'],
      [9, '全民健身场地建设', 20, 'selected'],
      [10, '中小学校食堂改造', 18, 'tied'],
      [10, '口袋公园建设', 18, 'tied'],
      [12, '城区积水点改造', 12, 'out'],
      [13, '便民服务中心适老化改造', 10, 'out'],
      [14, '社区卫生服务中心标准化建设', 6, 'out'],
      [15, '背街小巷路面整治', 4, 'out'],
    ]);
    expect(await display.getByTestId('display-project-tie').textContent()).toBe('中小学校食堂改造、口袋公园建设得票相同（18票），需就剩余1个名额另行票决');
    // all of it on the stage, above the footer
    const tieBox = await display.getByTestId('display-project-tie').boundingBox();
    expect(tieBox!.y + tieBox!.height).toBeLessThanOrEqual(1080 - 120);
    await shot(display, 'display-project');
    const file = await download(consolePage, () => panel.getByTestId('assessment-pdf-result').click(), '第四十四次会议-民生实事项目票决结果（电子票决，控制台下载）.pdf');
    const text = flat(pdfText(file));
    expect(text).toContain('收回选票33张，其中有效票33张，无效票0张。');
    expect(text).toContain('第10至11名得票相同（均为18票）：中小学校食堂改造、口袋公园建设，需就剩余1个名额另行票决。');
    expect(pdfRows(file).some((r) => r.text === '1社区嵌入式养老服务中心建设3193.94%入选')).toBe(true);
  });

  it('the tie goes to a new ballot on paper: the secretary enters the tallies of the two tied projects', async () => {
    const panel = consolePage.getByTestId(`assessment-item-${s44.projectItemId}`);
    await panel.getByLabel('测评方式').selectOption('paper');
    expect(await panel.getByTestId('assessment-runoff').isChecked()).toBe(true);
    expect(await panel.getByTestId('assessment-runoff').locator('xpath=..').textContent()).toBe('只对得票相同的2个项目再次票决（剩余1个名额）');
    await panel.getByTestId('assessment-create').click();
    const entry = panel.getByTestId('paper-entry');
    await entry.waitFor();
    await entry.getByLabel('有效票').fill('31');
    await entry.getByLabel('无效票').fill('2');
    await entry.getByLabel('中小学校食堂改造 得票').fill('19');
    await entry.getByLabel('口袋公园建设 得票').fill('13');
    await entry.getByTestId('paper-save').click();
    await expect.poll(() => entry.getByRole('alert').textContent()).toBe('得票合计32，多于31张有效票每张最多选1项的31');
    await entry.getByLabel('口袋公园建设 得票').fill('12');
    await entry.getByTestId('paper-save').click();
    const newest = panel.locator('[data-testid^="assessment-round-"]').first();
    await newest.getByTestId('console-project-result').waitFor();
    expect(await newest.getByTestId('console-project-result').locator('tbody tr').allTextContents()).toEqual(['1中小学校食堂改造1961.29%入选', '2口袋公园建设1238.71%未入选']);
    const file = await download(consolePage, () => newest.getByTestId('assessment-pdf-result').click(), '第四十四次会议-民生实事项目同票再次票决结果（纸质，第2轮）.pdf');
    const text = flat(pdfText(file));
    expect(text).toContain('票决事项：票决2027年度区民生实事项目（得票相同项目再次票决）（第2轮）');
    expect(text).toContain('票决方式：无记名纸质选票');
    expect(text).toContain('候选项目2个，每张选票最多选择1个，多选的选票无效。');
    expect(text).toContain('收回选票33张，其中有效票31张，无效票2张。');
    expect(text).toContain('入选项目1个：中小学校食堂改造。');
    // One final result across both rounds: the 10 selected, each with the round that decided it.
    expect(text).toContain('最终结果（共2轮票决）');
    expect(text).toContain('中小学校食堂改造（第2轮）。');
    const final = newest.getByTestId('project-final');
    expect(await final.getAttribute('data-complete')).toBe('true');
    expect(await final.getByTestId('project-final-row').count()).toBe(10);
    expect(await final.locator('[data-round="2"]').allTextContents()).toEqual(['中小学校食堂改造（第2轮，19票）']);
    await newest.getByTestId('assessment-announce').click();
    await expect.poll(() => display.getByTestId('display-project-final').textContent(), { timeout: 10_000 }).toContain('最终入选10个');
    expect(await display.getByTestId('display-project-final').textContent()).toContain('中小学校食堂改造（第2轮）');
    await shot(display, 'display-project-final');
  });

  it('prints the blank forms for the paper fallback from the console', async () => {
    const panel = consolePage.getByTestId(`assessment-item-${s44.assessmentItemId}`);
    const file = await download(consolePage, () => panel.getByTestId('assessment-blank-form').click(), '第四十四次会议-空白满意度测评表（控制台下载）.pdf');
    const rows = pdfRows(file);
    s44.officials.forEach((o, i) => expect(rows.some((r) => r.text.startsWith(`${i + 1}${o.name}`)), o.name).toBe(true));
  });

  it('the officials’ year records: every official with where they stand; a record edited; the year exported to XLSX', async () => {
    await consolePage.evaluate(() => (window.location.hash = '#/console/assessments/officials/2026'));
    const rows = consolePage.getByTestId('year-record-row');
    await expect.poll(() => rows.count()).toBe(35);
    const pan = consolePage.locator('[data-testid="year-record-row"][data-official="潘刚超"]');
    expect(await pan.getAttribute('data-standing')).toBe('assessed');
    expect(await pan.getByTestId('year-record-result').textContent()).toBe('96.97% 满意 第3名');
    const jiang = consolePage.locator('[data-testid="year-record-row"][data-official="姜婷德"]');
    expect(await jiang.getAttribute('data-standing')).toBe('rectify');
    await jiang.getByRole('button', { name: '编辑 姜婷德 的履职档案' }).click();
    const dialog = consolePage.locator('dialog[open]');
    await dialog.getByLabel('履职承诺内容').fill('全年完成审计项目45个，审计整改率达到95%');
    await dialog.getByLabel('收回意见表').fill('1197');
    await dialog.getByLabel('评为优秀').fill('1019');
    await dialog.getByLabel('评为称职').fill('150');
    await dialog.getByLabel('评为基本称职').fill('20');
    await dialog.getByLabel('评为不称职').fill('8');
    await dialog.getByLabel('整改落实情况').fill('已制定整改方案，拟于下次常委会会议报告');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => jiang.getAttribute('data-standing')).toBe('followedUp');
    expect(await jiang.textContent()).toContain('意见表1197份，优秀85.13%');
    await shot(consolePage, 'year-records');
    const file = await download(consolePage, () => consolePage.getByTestId('year-export').click(), 'session44-year-records-2026.xlsx', artifactPath('exports', '.'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const values: unknown[][] = [];
    sheet.eachRow((row, n) => n > 1 && values.push((row.values as unknown[]).slice(1)));
    expect(values).toHaveLength(35);
    const j = values.find((v) => v[header.indexOf('姓名')] === '姜婷德')!;
    expect([j[header.indexOf('当前进度')], j[header.indexOf('意见表（份）')], j[header.indexOf('优秀率')], j[header.indexOf('满意率')], j[header.indexOf('测评结果')], j[header.indexOf('名次')]]).toEqual([
      '已反馈整改',
      1197,
      '85.13%',
      '33.33%',
      '不满意',
      '35/35',
    ]);
  });
});
