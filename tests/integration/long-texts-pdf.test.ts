// The longest texts a form takes, printed: agenda titles of 300 characters without a place to break
// (a run of Latin letters, of digits, a long web address) and subjects at their longest fill every
// session document, which renders and keeps every word inside the type area (版心), indented first
// lines too — a run is cut to the narrowest line it may land on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA } from '../../src-main/documents/geometry';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { pdfPages } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let a: AdminCore;
let s16: Session16;
const TITLES = ['A'.repeat(300), '1'.repeat(300), `https://example.com/${'abcdefghij'.repeat(28)}`, '字'.repeat(299) + '。'];

beforeAll(async () => {
  a = openAdminCore('yishi-long-texts-');
  s16 = await prepareSession16(a.must);
  for (const title of TITLES) await a.must('agenda.add', { sessionId: s16.sessionId, kind: 'vote', title, presenter: 'P'.repeat(100) });
  const subjects = Array.from({ length: 3 }, () => ({ name: 'N'.repeat(100), unit: 'U'.repeat(100), post: '职'.repeat(100), category: 'C'.repeat(50) }));
  await a.must('agenda.add', { sessionId: s16.sessionId, kind: 'assessment', title: '满意度测评', details: { subjects } });
});
afterAll(async () => {
  await a.close();
});

describe('the longest texts in PDFs', () => {
  it('every session document renders, every word inside the type area, every long title printed whole', async () => {
    const catalogue = JSON.stringify(await a.must('documents.catalogue', { sessionId: s16.sessionId }));
    const ids = [...new Set([...catalogue.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]!))];
    expect(ids).toEqual(expect.arrayContaining(['agenda', 'chairScript', 'minutes']));
    for (const id of ids) {
      const pdf = Buffer.from((await a.must<{ base64: string }>('documents.render', { sessionId: s16.sessionId, id, format: 'pdf' })).base64, 'base64');
      const pages = pdfPages(pdf);
      const outside = pages.flatMap((p) => p.words.filter((w) => w.xMin < AREA.left - 1 || w.xMax > AREA.left + AREA.width + 1).map((w) => `${id} p${w.page}: ${w.text}`));
      expect(outside, id).toEqual([]);
      if (id === 'agenda' || id === 'minutes') {
        const text = pages.flatMap((p) => p.words.map((w) => w.text)).join('').replace(/—\d+—/g, ''); // without the page numbers
        for (const t of TITLES.slice(0, 3)) expect(text, id).toContain(t);
      }
    }
  });
});
