// A provision's ballot (单独表决) in one wording wherever it leaves the server (domain/provision-vote.ts):
// `subject` is 对……进行单独表决 in the state frame a terminal receives on the real socket, in the console's
// row, in ballots.get (which once kept the bare name) and in the archive's result line; the printed
// 表决结果 and 表决结果汇总表 (read back with pdftotext) say the same; the row keeps the provision's bare
// name (`provision`), and a message naming it beside its title calls it 单独表决 (ballotNoun), never
// "the 表决 of 第十二条" beside a face that says 对第十二条……进行单独表决.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import type { TerminalClient } from '../../src-main/cli/terminal-client';
import { pdfColumnText, pdfText, savePdf } from '../helpers/pdf';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, pairAndSignIn } from '../helpers/live-setup';
import { commandsOf } from '../helpers/dispatch';

let running: RunningServer;
let s16: Session16;
const { call, must } = commandsOf(() => running.core);
let terminal: TerminalClient;
const PROVISION = '第十二条（物业服务收费）';
const WORDS = `对${PROVISION}进行单独表决`;
const flat = (t: string) => t.replace(/\s+/g, '');

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-provision-words-'), port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
  [terminal] = (await pairAndSignIn(must, `ws://127.0.0.1:${running.port}/ws`, s16.members.slice(0, 1))) as [TerminalClient];
  await markAttendance(must, s16.members.slice(1, 25));
  await must('live.startBusiness', {});
});
afterAll(async () => {
  if (terminal?.ws.readyState === terminal.ws.OPEN) await terminal.close();
  await running?.close();
});

describe('a provision’s ballot is 对……进行单独表决 on every face and paper', () => {
  it('in the terminal’s frame, the console’s row, ballots.get, the archive and both printed sheets; the refusals call it 单独表决', async () => {
    const item = s16.items.find((i) => i.kind === 'vote')!;
    await must('live.setItem', { itemId: item.id });
    const created = await must('ballots.create', { itemId: item.id, secret: false, pressRule: 'last', provision: PROVISION });
    expect(created).toMatchObject({ subject: WORDS, provision: PROVISION });
    await must('ballots.open', { ballotId: created.id });
    const frame = await terminal.waitForState((s) => s.ballot?.id === created.id && s.ballot.state === 'open');
    expect(frame.ballot.subject).toBe(WORDS);
    const got = await must('ballots.get', { ballotId: created.id });
    expect(got).toMatchObject({ subject: frame.ballot.subject, provision: PROVISION });

    // named beside its title, it is the provision's 单独表决
    expect(await call('ballots.create', { itemId: item.id, secret: false, pressRule: 'last', provision: PROVISION })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `“${PROVISION}”的第1轮单独表决正在进行，不能再发起一轮；请先结束这一轮` },
    });
    const whole = await must('ballots.create', { itemId: s16.items.find((i) => i.kind === 'appointment')!.id, secret: false, pressRule: 'last', personIndexes: [0] });
    expect(await call('ballots.open', { ballotId: whole.id })).toMatchObject({ ok: false, error: { message: `“${PROVISION}”的单独表决尚未结束，请先结束单独表决` } });

    expect((await terminal.cmd('terminal.vote', { ballotId: created.id, choice: 'yes', pressSeq: 1 })).ok).toBe(true);
    await must('ballots.close', { ballotId: created.id });
    await must('ballots.announce', { ballotId: created.id });
    const announced = await terminal.waitForState((s) => s.ballot?.id === created.id && s.ballot.state === 'announced');
    expect(announced.ballot.subject).toBe(WORDS);

    const render = async (id: string) => savePdf(`provision-words-${id.replace(':', '-')}`, Buffer.from((await must('documents.render', { sessionId: s16.sessionId, id, format: 'pdf' })).base64, 'base64'));
    expect(flat(pdfText(await render(`ballotResult:${created.id}`)))).toContain(flat(`表决事项：${WORDS}`));
    expect(pdfColumnText(await render('resultSheet'), '表决事项')).toContain(WORDS);
    const archive = await must('archive.search', { q: '物业服务收费', kind: 'ballot' });
    expect(archive.hits.find((h: { kind: string; refId: number; title: string }) => h.kind === 'ballot' && h.refId === created.id)?.title).toBe(WORDS);
    // found by the words every face says and by the item it belongs to, not only by the provision's bare name
    type Hit = { kind: string; refId: number };
    const ballotIds = async (q: string) => ((await must('archive.search', { q, kind: 'ballot' })).hits as Hit[]).map((h) => h.refId);
    expect(await ballotIds('单独表决')).toEqual([created.id]);
    expect(await ballotIds(item.title)).toContain(created.id);

    // its own 表决票, listed before the whole text's, says what is voted on in the same words
    const catalogue = (await must('documents.catalogue', { sessionId: s16.sessionId })) as { id: string; title: string }[];
    const papers = catalogue.filter((e) => e.id.startsWith(`ballotPaper:${item.id}`));
    expect(papers).toEqual([
      { id: `ballotPaper:${item.id}:${created.id}`, title: `表决票：${item.title}，${WORDS}`, group: '表决', formats: ['pdf', 'docx'] },
      { id: `ballotPaper:${item.id}`, title: `表决票：${item.title}`, group: '表决', formats: ['pdf', 'docx'] },
    ]);
    const paper = await render(papers[0]!.id);
    expect(flat(pdfText(paper))).toContain(flat(`表决事项：${item.title}，${WORDS}`));
    expect(pdfColumnText(paper, '表决事项')).toContain(WORDS);
    expect(flat(pdfText(await render(papers[1]!.id)))).not.toContain('单独表决');
    // a provision's paper is asked by a ballot of that item only
    expect(await call('documents.render', { sessionId: s16.sessionId, id: `ballotPaper:${item.id}:${whole.id}`, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
