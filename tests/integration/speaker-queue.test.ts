// 申请发言 over the real WebSocket (issue 10): members ask to speak and withdraw from their terminals;
// every seat (terminals, the big screen / chair's view, the console) gets the queue as one `speakers`
// frame after each change, and on connecting; the secretary calls speakers in the order they asked,
// finishes a turn with what was said (a spoken review remark linked to it), and the 会议记录 lists the
// queue. The queue is kept with the session: rows audited, found again after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { TerminalClient, type Frame } from '../../src-main/cli/terminal-client';
import { outgoingProblem } from '../../src-main/shared/protocol';
import { verifyAuditLog } from '../../src-main/store/audit';
import { pdfText } from '../helpers/pdf';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, pairAndSignIn } from '../helpers/live-setup';
import { commandsOf } from '../helpers/dispatch';

let running: RunningServer;
let s16: Session16;
const dataDir = tempDataDir('yishi-speaker-queue-');
const { call, must } = commandsOf(() => running.core);
const url = () => `ws://127.0.0.1:${running.port}/ws`;
const terminals: TerminalClient[] = [];
let display: TerminalClient;
const clients: TerminalClient[] = [];
type Speakers = Extract<Frame, { type: 'speakers' }>;

/** The next `speakers` frame after now whose entries satisfy pred. */
const nextQueue = (c: TerminalClient, pred: (e: Speakers['entries']) => boolean) => c.waitFor((f) => f.type === 'speakers' && pred((f as Speakers).entries)) as Promise<Speakers>;
const states = (e: Speakers['entries']) => e.map((x) => `${x.name}:${x.state}`);

beforeAll(async () => {
  running = await startServer({ dataDir, port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
  terminals.push(...(await pairAndSignIn(must, url(), s16.members.slice(0, 3))));
  clients.push(...terminals);
  await markAttendance(must, s16.members.slice(3, 20));
  display = await TerminalClient.connect(url());
  clients.push(display);
  await display.hello('display');
});
afterAll(async () => {
  for (const c of clients) if (c.ws.readyState === c.ws.OPEN) await c.close();
  await running.close();
});

describe('the speaker queue', () => {
  it('refuses a request before business starts, then takes requests in order and withdrawals while waiting', async () => {
    expect(await terminals[0]!.cmd('terminal.requestSpeak')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '会议议程尚未开始，暂不能申请发言' } });
    await must('live.startBusiness');
    await must('live.setItem', { itemId: s16.items[0]!.id });
    const seen = nextQueue(display, (e) => e.length === 1);
    const seenByOther = nextQueue(terminals[0]!, (e) => e.length === 1);
    const first = await terminals[1]!.cmd('terminal.requestSpeak');
    expect(first).toMatchObject({ ok: true, value: { memberId: s16.members[1]!.id, state: 'waiting', itemId: s16.items[0]!.id } });
    expect(states((await seen).entries)).toEqual([`${s16.members[1]!.name}:waiting`]);
    // Everyone else sees it too: the other terminals and the display.
    await seenByOther;
    expect((await terminals[1]!.cmd('terminal.requestSpeak')).ok).toBe(false); // one open request per member and item
    expect((await terminals[0]!.cmd('terminal.requestSpeak')).ok).toBe(true);
    expect((await terminals[2]!.cmd('terminal.requestSpeak')).ok).toBe(true);
    const withdrawn = nextQueue(display, (e) => e.some((x) => x.state === 'withdrawn'));
    expect(await terminals[2]!.cmd('terminal.withdrawSpeak')).toMatchObject({ ok: true, value: { state: 'withdrawn' } });
    const q = (await withdrawn).entries;
    expect(states(q)).toEqual([`${s16.members[1]!.name}:waiting`, `${s16.members[0]!.name}:waiting`, `${s16.members[2]!.name}:withdrawn`]);
    for (const x of q) expect(Date.parse(x.requestedAt)).not.toBeNaN();
    // Nothing left to withdraw.
    expect(await terminals[2]!.cmd('terminal.withdrawSpeak')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('calls the next speaker in order (请发言 on their terminal), finishes with the remark, and moves on', async () => {
    const called = nextQueue(terminals[1]!, (e) => e.some((x) => x.memberId === s16.members[1]!.id && x.state === 'called'));
    const c1 = await must('speakers.call', {});
    expect(c1).toMatchObject({ memberId: s16.members[1]!.id, state: 'called' });
    await called;
    // Calling the next finishes the one speaking.
    const c2 = await must('speakers.call', {});
    expect(c2.memberId).toBe(s16.members[0]!.id);
    const list = await must('speakers.list', {});
    expect(states(list)).toEqual([`${s16.members[1]!.name}:done`, `${s16.members[0]!.name}:called`, `${s16.members[2]!.name}:withdrawn`]);
    // The secretary records what the first speaker said afterwards, and finishes the second with the remark.
    await must('speakers.attachRemark', { id: c1.id, text: '建议加强医保基金的日常监管。' });
    const done = await must('speakers.finish', { id: c2.id, remark: '我同意，并建议公开飞行检查结果。' });
    expect(done.state).toBe('done');
    const { items } = await must('remarks.list', { sessionId: s16.sessionId });
    const mine = items.flatMap((x: any) => x.groups.flatMap((g: any) => g.remarks)).filter((r: any) => r.mode === 'spoken');
    expect(mine.map((r: any) => [r.speaker, r.text, r.recordedBy])).toEqual([
      [s16.members[1]!.name, '建议加强医保基金的日常监管。', 'secretary'],
      [s16.members[0]!.name, '我同意，并建议公开飞行检查结果。', 'secretary'],
    ]);
    const after = await must('speakers.list', {});
    expect(after.map((e: any) => e.remarkId !== null)).toEqual([true, true, false]);
    expect(await call('speakers.call', {})).toMatchObject({ ok: false, error: { message: '没有等候发言的委员' } });
    expect(await call('speakers.finish', { id: c2.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await call('speakers.attachRemark', { id: c2.id, text: '再记一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // A member may ask again after speaking.
    expect((await terminals[1]!.cmd('terminal.requestSpeak')).ok).toBe(true);
  });

  it('sends the queue to a page when it connects, in a frame the protocol module accepts', async () => {
    const late = await TerminalClient.connect(url());
    clients.push(late);
    const frame = late.waitFor((f) => f.type === 'speakers');
    await late.hello('display');
    const f = (await frame) as Speakers;
    expect(f.sessionId).toBe(s16.sessionId);
    expect(f.entries).toHaveLength(4);
    expect(outgoingProblem(f)).toBeNull();
    expect(running.hub.protocolProblems).toBe(0);
  });

  it('lists the queue in the 会议记录, in the order called, and keeps it after a restart', async () => {
    const f = await must('documents.render', { sessionId: s16.sessionId, id: 'minutes', format: 'pdf' });
    const text = pdfText(Buffer.from(f.base64, 'base64')).replace(/\s+/g, '').replace(/—\d+—/g, ''); // page numbers out
    const [a, b, c] = [s16.members[1]!.name, s16.members[0]!.name, s16.members[2]!.name];
    expect(text).toMatch(new RegExp(`申请发言（4人次）：1．${a}，\\d\\d:\\d\\d申请，\\d\\d:\\d\\d发言（发言内容见审议发言）。2．${b}，\\d\\d:\\d\\d申请，\\d\\d:\\d\\d发言（发言内容见审议发言）。3．${c}，\\d\\d:\\d\\d申请，\\d\\d:\\d\\d撤回。4．${a}，\\d\\d:\\d\\d申请，未安排发言。`));
    expect(verifyAuditLog(running.core.store.db).driftedRows).toEqual([]);
    for (const c2 of clients) if (c2.ws.readyState === c2.ws.OPEN) await c2.close();
    clients.length = 0;
    await running.close();
    running = await startServer({ dataDir, port: 0, host: '127.0.0.1', staticDir: null });
    expect(states(await must('speakers.list', {}))).toEqual([`${a}:done`, `${b}:done`, `${c}:withdrawn`, `${a}:waiting`]);
  });
});
