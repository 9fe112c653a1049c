// The edges of a session in real Chromium pages (issue 9): a tablet of 第十六次会议 left open into
// 第十七次会议 shows that session 16 has ended and cannot sign in or vote in session 17; the big screen
// says session 16 has closed; an agenda edit reaches an open terminal and the big screen at once; the
// reader stays open when the item moves and any item's materials can be opened; the console keeps
// working after the server restarts (its credential is kept in the data folder, 0600).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { CLOSE_REVOKED } from '../../src-main/shared/protocol';
import { artifactPath, launchChromium } from '../helpers/browser';
import { samplePdf } from '../helpers/pdf';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { openConsole, openDisplay, pairAndSignInOnPage } from '../helpers/live-pages';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let consolePage: Page;
let display: Page;
let tablet: Page;
let session17: { id: number; items: { id: number; title: string }[] };
const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath('screens', `boundaries-${name}.png`) });
const seatCode = async (memberId: number) =>
  (await server.must<{ kind: string; id: number; code: string; used: boolean }[]>('seatCodes.list')).find((c) => c.kind === 'member' && c.id === memberId && !c.used)!.code;

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  const pdf = await samplePdf(['Report of item one', 'page 2']);
  await server.must('documents.attach', { itemId: s16.items[0]!.id, fileName: '第一项报告.pdf', data: pdf.toString('base64') });
  const s = await server.must<{ id: number }>('sessions.create', {
    term: 2,
    number: 17,
    date: '2026-10-27',
    startTime: '09:00',
    place: '区人大常委会会议室',
    chair: '邱东竹',
    expectedMembers: 33,
  });
  const items = [
    await server.must<{ id: number; title: string }>('agenda.add', { sessionId: s.id, kind: 'report', title: '听取和审议区人民政府关于生态环境保护工作情况的报告', presenter: '区生态环境局局长' }),
    await server.must<{ id: number; title: string }>('agenda.add', { sessionId: s.id, kind: 'vote', title: '审议关于批准区级财政决算的决议（草案）', presenter: '区财政局局长' }),
  ];
  session17 = { id: s.id, items };
  browser = await launchChromium();
  consolePage = await openConsole(browser, server, '#/console/live');
  display = await openDisplay(browser, server);
  tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('session boundaries, edits and restarts in Chromium', () => {
  it('a member reads on a tablet: the reader stays open when the item moves, and any item opens its materials', async () => {
    await consolePage.getByTestId(`live-session-${s16.sessionId}`).getByTestId('live-open').click();
    await expect.poll(() => consolePage.getByTestId('live-title').textContent()).toContain('第十六次会议');
    const member = s16.members[0]!;
    await tablet.goto(`${server.baseUrl}/#/terminal`);
    await pairAndSignInOnPage(tablet, await seatCode(member.id));
    await server.must('live.startBusiness', { override: '测试：出席人数不足' });
    await expect.poll(() => tablet.getByTestId('current-item').getAttribute('data-item-id')).toBe(String(s16.items[0]!.id));

    const docId = (await server.must<any>('sessions.get', { id: s16.sessionId })).items[0].documents[0].id as number;
    await tablet.getByTestId('current-item').getByTestId(`doc-open-${docId}`).click();
    await expect.poll(() => tablet.getByTestId('pdf-pages').getAttribute('data-pages'), { timeout: 15_000 }).toBe('2');
    await consolePage.getByTestId('next-item').click();
    // The reader stays open, says where the session is now, and offers to follow.
    await expect.poll(() => tablet.getByTestId('viewer-item-moved').textContent()).toContain(`第2项 ${s16.items[1]!.title}`);
    expect(await tablet.getByTestId('doc-viewer').isVisible()).toBe(true);
    await shot(tablet, 'reader-moved');
    await tablet.getByTestId('viewer-follow').click();
    await expect.poll(() => tablet.getByTestId('doc-viewer').count()).toBe(0);
    expect(await tablet.getByTestId('current-item').getAttribute('data-item-id')).toBe(String(s16.items[1]!.id));

    // An earlier item's materials open from the agenda list.
    await tablet.getByTestId(`agenda-open-${s16.items[0]!.id}`).click();
    await tablet.getByTestId(`agenda-docs-${s16.items[0]!.id}`).getByTestId(`doc-open-${docId}`).click();
    await expect.poll(() => tablet.getByTestId('pdf-pages').getAttribute('data-pages'), { timeout: 15_000 }).toBe('2');
    await tablet.getByTestId('doc-close').click();
  });

  it('a tablet of session 16 left open into session 17 shows the end of session 16 and cannot sign in or vote there', async () => {
    // A second member's socket of session 16 stays connected too, and keeps its token.
    const old = await TerminalClient.connect(`ws://127.0.0.1:${server.port}/ws`);
    const paired = await old.cmd('terminal.pair', { code: await seatCode(s16.members[1]!.id) });
    if (!paired.ok) throw new Error(paired.error.message);
    const oldToken = paired.value.token;
    const ended = old.waitFor((f) => f.type === 'revoked');

    await consolePage.getByTestId('live-close').click();
    await consolePage.getByTestId('live-close-confirm').click();
    expect(await ended).toMatchObject({ type: 'revoked', sessionEnded: true, reason: expect.stringContaining('第十六次会议已闭会') });
    expect((await old.closed).code).toBe(CLOSE_REVOKED);
    // The tablet says session 16 has ended (not "会议尚未开始" next to 已签到) and is back at pairing.
    await expect.poll(() => tablet.getByTestId('session-ended').textContent()).toContain('第十六次会议已闭会');
    expect(await tablet.getByTestId('seat-code-input').isVisible()).toBe(true);
    expect(await tablet.getByTestId('signed-in').count()).toBe(0);
    // The big screen says which session closed.
    await expect.poll(() => display.getByTestId('display-session-closed').textContent()).toContain('第十六次会议已闭会');
    await shot(tablet, 'tablet-session-ended');
    await shot(display, 'display-session-ended');

    // 第十七次会议 opens; the tablet, still open, is not counted and cannot act there.
    await consolePage.getByTestId(`live-session-${session17.id}`).getByTestId('live-open').click();
    await expect.poll(() => consolePage.getByTestId('live-title').textContent()).toContain('第十七次会议');
    await expect.poll(() => display.getByTestId('display-title').textContent()).toContain('第十七次会议');
    expect(await tablet.getByTestId('session-ended').textContent()).toContain('第十六次会议已闭会');
    expect(await tablet.getByTestId('sign-in').count()).toBe(0);
    const again = await TerminalClient.connect(`ws://127.0.0.1:${server.port}/ws`);
    expect(await again.hello('terminal', oldToken)).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED', message: expect.stringContaining('第十六次会议已闭会') } });
    expect(await again.cmd('terminal.signIn')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The quorum of 第十七次会议 (a round begins only with it), signed in by the secretary; the old tablet's member is not.
    for (const m of s16.members.slice(1, 18)) await server.must('attendance.set', { memberId: m.id, status: 'present' });
    await server.must('live.startBusiness', { override: '测试' });
    await server.must('live.setItem', { itemId: session17.items[1]!.id });
    const ballot = await server.must<{ id: number }>('ballots.create', { itemId: session17.items[1]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await server.must('ballots.open', { ballotId: ballot.id });
    expect(await again.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const state = await server.must<any>('live.state');
    expect(state.attendance.present).toBe(17);
    expect(state.members.find((m: any) => m.id === s16.members[0]!.id)).toMatchObject({ attendance: 'absent', terminal: 'none' });
    expect(state.ballot).toMatchObject({ id: ballot.id, voted: 0 });
    await server.must('ballots.close', { ballotId: ballot.id });
    await again.close();
  });

  it('an agenda edit reaches an open terminal page and the big screen at once', async () => {
    const member = s16.members[2]!;
    await tablet.getByTestId('seat-code-input').fill(await seatCode(member.id));
    await tablet.getByTestId('pair-submit').click();
    await expect.poll(() => tablet.getByTestId('session-title').textContent()).toContain('第十七次会议');
    await expect.poll(() => tablet.getByTestId('current-item').getAttribute('data-item-id')).toBe(String(session17.items[1]!.id));
    const edited = '审议关于批准区级财政决算和预算调整方案的决议（草案）';
    await server.must('agenda.update', { id: session17.items[1]!.id, kind: 'vote', title: edited, presenter: '区财政局局长' });
    await expect.poll(() => tablet.getByTestId('current-item-title').textContent()).toBe(edited);
    await expect.poll(() => tablet.getByTestId('agenda-list').textContent()).toContain(edited);
    await expect.poll(() => display.getByTestId('display-item').textContent()).toContain(edited);
    await expect.poll(() => consolePage.getByTestId('live-current-item').textContent()).toContain(edited);
    // A new item reaches them too.
    const added = await server.must<{ id: number }>('agenda.add', { sessionId: session17.id, kind: 'other', title: '其他事项', presenter: '' });
    await expect.poll(() => tablet.getByTestId('agenda-list').textContent()).toContain('其他事项');
    await expect.poll(() => consolePage.getByTestId(`agenda-item-${added.id}`).count()).toBe(1);
  });

  it('the console keeps working after the server restarts, without reading its output', async () => {
    const file = path.join(server.dataDir, 'admin-token');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const { port, dataDir, adminToken } = server;
    await server.stop();
    await expect.poll(() => consolePage.getByTestId('connection').first().getAttribute('data-connected')).toBe('false');
    server = await startServe({ dataDir, port });
    expect(server.adminToken).toBe(adminToken);
    await expect.poll(() => consolePage.getByTestId('connection').first().getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
    expect(await consolePage.getByTestId('console-refused').count()).toBe(0);
    // An action from the console works on the restarted server.
    await consolePage.getByTestId(`set-item-${session17.items[0]!.id}`).click();
    await expect.poll(async () => (await server.must<any>('live.state')).currentItem.id).toBe(session17.items[0]!.id);
    await expect.poll(() => tablet.getByTestId('current-item').getAttribute('data-item-id'), { timeout: 20_000 }).toBe(String(session17.items[0]!.id));
  });

  it('the console shows where terminals and the big screen connect, and clears a seat-code lock-out', async () => {
    expect(await consolePage.getByTestId('terminal-url').first().textContent()).toMatch(/^http:\/\/.+\/#\/terminal$/);
    expect(await consolePage.getByTestId('display-url').first().textContent()).toMatch(/^http:\/\/.+\/#\/display$/);
    expect(await consolePage.getByTestId('terminal-qr').isVisible()).toBe(true);
    // Four LAN devices (other loopback addresses) guess 20 seat codes between them: pairing pauses.
    const real = new Set((await server.must<{ code: string }[]>('seatCodes.list')).map((c) => c.code));
    let guess = 100000;
    for (let a = 0; a < 4; a++) {
      const t = await TerminalClient.connect(`ws://127.0.0.1:${server.port}/ws`, { localAddress: `127.0.0.${20 + a}` });
      for (let i = 0; i < 5; i++) {
        while (real.has(String(guess))) guess++;
        expect((await t.cmd('terminal.pair', { code: String(guess++) })).ok).toBe(false);
      }
      await t.close();
    }
    await expect.poll(() => consolePage.getByTestId('pairing-lockout').getAttribute('data-overall')).toBe('true');
    const member = s16.members[3]!;
    const late = await TerminalClient.connect(`ws://127.0.0.1:${server.port}/ws`);
    expect(await late.cmd('terminal.pair', { code: await seatCode(member.id) })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    await shot(consolePage, 'console-lockout');
    await consolePage.getByTestId('clear-lockout').click();
    await expect.poll(() => consolePage.getByTestId('pairing-lockout').count()).toBe(0);
    expect((await late.cmd('terminal.pair', { code: await seatCode(member.id) })).ok).toBe(true);
    await late.close();
  });

  it('a console whose credential is refused says so plainly, never "已连接"', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.baseUrl}/#/console/live?token=${'0'.repeat(48)}`);
    await expect.poll(() => page.getByTestId('console-refused').textContent()).toContain('控制台凭据不正确');
    expect(await page.getByTestId('connection').first().getAttribute('data-connected')).toBe('false');
    expect(await page.getByTestId('connection').first().textContent()).toContain('未获授权');
    await shot(page, 'console-refused');
    // The right address pasted into the same tab: it recovers by itself.
    await page.goto(server.consoleUrl.replace('#/console?', '#/console/live?'));
    await expect.poll(() => page.getByTestId('live-title').textContent(), { timeout: 20_000 }).toContain('第十七次会议');
    expect(await page.getByTestId('connection').first().getAttribute('data-connected')).toBe('true');
    await expect.poll(() => page.getByTestId('console-refused').count()).toBe(0);
  });
});
