// 单独表决 (立法法 art. 44): an important contested provision of a draft is voted on its own, with its
// own title, before the whole text, by the same round engine. Its rounds count apart from the whole
// text's (the whole text's first ballot is its 第1轮); once the whole text has gone to the vote no
// provision ballot is created; the 会议记录 and the 主持词 print the provision's result before the whole.
// Every document names it in one wording, 对……进行单独表决 (domain/provision-vote.ts), PDF and DOCX alike,
// and so does the live view every face shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { markAttendance } from '../helpers/live-setup';
import { pdfColumnText, pdfText, savePdf } from '../helpers/pdf';
import { docxPart, docxParagraphs } from '../helpers/docx';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let admin: AdminCore;
let s16: Session16;
let voteItem: number;
const PROVISION = '第十二条（物业服务收费）';
const WORDS = `对${PROVISION}进行单独表决`;
const flat = (t: string) => t.replace(/\s+/g, '');

beforeAll(async () => {
  admin = openAdminCore('yishi-provisions-');
  s16 = await prepareSession16(admin.must);
  voteItem = s16.items.find((i) => i.kind === 'vote')!.id;
  await admin.must('live.open', { sessionId: s16.sessionId });
  await markAttendance(admin.must, s16.members.slice(0, 30));
  await admin.must('live.startBusiness', {});
});
afterAll(() => admin?.close());

describe('单独表决 of a provision', () => {
  it('is a ballot of the item with its own title and rounds, voted before the whole text; printed before it', async () => {
    const { must, call } = admin;
    const provision = await must('ballots.create', { itemId: voteItem, secret: false, pressRule: 'last', method: 'show_of_hands', provision: PROVISION });
    expect(admin.core.store.db.prepare('SELECT subject, provision, round FROM ballots WHERE id = ?').get(provision.id)).toEqual({ subject: PROVISION, provision: PROVISION, round: 1 });
    await must('ballots.enterResult', { ballotId: provision.id, yes: 12, no: 10, abstain: 8 });
    await must('ballots.announce', { ballotId: provision.id });
    await must('live.setItem', { itemId: voteItem });
    expect((await must('live.state')).ballot).toMatchObject({ id: provision.id, subject: WORDS });
    // the whole text: a round of its own (第1轮), not the provision's second
    const whole = await must('ballots.create', { itemId: voteItem, secret: false, pressRule: 'last', method: 'show_of_hands' });
    expect(admin.core.store.db.prepare('SELECT provision, round FROM ballots WHERE id = ?').get(whole.id)).toEqual({ provision: null, round: 1 });
    await must('ballots.enterResult', { ballotId: whole.id, yes: 25, no: 3, abstain: 2 });
    expect(await call('ballots.create', { itemId: voteItem, secret: false, pressRule: 'last', method: 'show_of_hands', provision: '第十三条' })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: '“审议关于开展第八个五年法治宣传教育的决议（草案）”的全文已经付表决，条款的单独表决应在全文表决之前进行' },
    });
    const appointment = s16.items.find((i) => i.kind === 'appointment')!.id;
    expect(await call('ballots.create', { itemId: appointment, secret: true, pressRule: 'last', provision: '第一条' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    await must('live.close', {});

    const render = async (id: string) => flat(pdfText(savePdf(`provisions-${id}`, Buffer.from((await must('documents.render', { sessionId: s16.sessionId, id, format: 'pdf' })).base64, 'base64'))));
    const minutes = await render('minutes');
    const single = flat(`${WORDS}：举手表决`);
    expect(minutes).toContain(single);
    expect(minutes.indexOf(single)).toBeLessThan(minutes.indexOf(flat('赞成25票，反对3票，弃权2票')));
    expect(minutes).toContain(flat('赞成12票，反对10票，弃权8票，未通过。'));
    const script = await render('chairScript');
    expect(script.indexOf(flat(`现在${WORDS}。`))).toBeGreaterThan(-1);
    expect(script.indexOf(flat(`现在${WORDS}。`))).toBeLessThan(script.indexOf(flat('赞成25票')));
    const catalogue = await must<{ id: string; title: string }[]>('documents.catalogue', { sessionId: s16.sessionId });
    expect(catalogue.map((c) => c.title)).toContain(`表决结果：${WORDS}`);
    expect(await render(`ballotResult:${provision.id}`)).toContain(flat(`表决事项：${WORDS}`));
    const sheet = await must('documents.render', { sessionId: s16.sessionId, id: 'resultSheet', format: 'pdf' });
    expect(pdfColumnText(Buffer.from(sheet.base64, 'base64'), '表决事项')).toContain(WORDS);
    const docx = await must('documents.render', { sessionId: s16.sessionId, id: 'minutes', format: 'docx' });
    const paragraphs = docxParagraphs(docxPart(Buffer.from(docx.base64, 'base64'), 'word/document.xml')).map((x) => x.text);
    expect(paragraphs.some((t) => t.startsWith(`${WORDS}：举手表决`))).toBe(true);
    expect(paragraphs.join('')).not.toMatch(/对[^进]*单独表决/);
  });
});
