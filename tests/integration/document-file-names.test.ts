// The file names of generated documents are names, whatever the titles hold: no path separator or
// other character a file system refuses (a title "2025/2026年度" must not turn a download into a
// folder), and a name cut to length never ends in half a character (a rare ideograph beyond the BMP).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipText } from '../../src-main/domain/text';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let a: AdminCore;
let s16: Session16;
// eslint-disable-next-line no-control-regex -- a control character is no part of a file name
const NOT_IN_A_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f]|\p{Cs}/u;

beforeAll(async () => {
  a = openAdminCore('yishi-document-file-names-');
  s16 = await prepareSession16(a.must);
});
afterAll(async () => {
  await a.close();
});

describe('generated file names', () => {
  it('a half character is never left at the cut', () => {
    expect(clipText('甲𪚥', 2)).toBe('甲');
    expect(clipText('甲𪚥', 3)).toBe('甲𪚥');
    expect(clipText('甲乙丙', 2)).toBe('甲乙');
  });

  it('ballot papers and review opinions with separators, quotes and a rare character at the cut get names a file system takes', async () => {
    const titles = ['关于2025/2026年度"重点"工作:计划<草案>的决议', `${'字'.repeat(75)}𬌗𬌗𬌗`];
    for (const title of titles) {
      const item = await a.must<{ id: number }>('agenda.add', { sessionId: s16.sessionId, kind: 'vote', title });
      const doc = await a.must<{ fileName: string }>('documents.render', { sessionId: s16.sessionId, id: `ballotPaper:${item.id}`, format: 'pdf' });
      expect(doc.fileName, title).not.toMatch(NOT_IN_A_FILE_NAME);
      expect(doc.fileName).toMatch(/^表决票-.+\.pdf$/);
    }
    // A review opinion of an earlier year, registered with its title (opinions.register), as a file.
    const opinion = await a.must<{ id: number }>('opinions.register', {
      reportTitle: '区人民政府关于2025/2026年度"重点"工作情况的报告',
      title: '关于2025/2026年度"重点"工作情况报告的审议意见',
      docNumber: '示人常审〔2025〕3号',
      sentAt: '2025-10-10',
    });
    for (const format of ['pdf', 'docx']) {
      const doc = await a.must<{ fileName: string }>('opinions.document', { id: opinion.id, format });
      expect(doc.fileName).not.toMatch(NOT_IN_A_FILE_NAME);
      expect(doc.fileName).toBe(`审议意见 示人常审〔2025〕3号 关于2025-2026年度-重点-工作情况报告的审议意见.${format}`);
    }
  });
});
