// 按姓氏笔画 on the name lists, through the command API on a real SQLite file: the session's setting
// orders its 签到表 (members grouped by post, each post by surname strokes), the roster export takes
// the order per export, and the renderer's lists (测评对象) are ordered by names.strokeOrder.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src-main/documents/model';
import { signInSheetDoc } from '../../src-main/meeting/documents';
import { openAdminCore } from '../helpers/admin-core';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

const app = openAdminCore('yishi-name-order-');
const { core, must } = app;
let s16: Session16;
const names = (): string[] => {
  const table = signInSheetDoc(core.store, s16.sessionId).blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table')!;
  return table.rows.map((r) => r[1]!);
};

beforeAll(async () => {
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
});
afterAll(() => app.close());

describe('name lists in stroke order', () => {
  it('the 签到表 follows the session’s setting: roster order, or by post then surname strokes', async () => {
    expect(await must('nameOrder.get', { sessionId: s16.sessionId })).toEqual({ order: 'list' });
    expect(names().slice(0, 6)).toEqual(['邱东竹', '谭文鹏', '崔强杰', '马刚霞', '谭云', '邹鹏文']);
    expect(await must('nameOrder.set', { sessionId: s16.sessionId, order: 'strokes' })).toEqual({ order: 'strokes' });
    const shown = names();
    // 主任; 副主任 马(3) 崔(11) 谭(14): 谭云 before 谭文鹏 (云 starts with 横, 文 with 点); 秘书长; then 委员:
    // 马(3), then 4 strokes 王(横) 毛(撇) 文(点) 孔(折, 2nd 竖钩) 邓(折, 2nd 点), then 5 strokes 石(横) 卢(竖) 白(撇).
    expect(shown.slice(0, 6)).toEqual(['邱东竹', '马刚霞', '崔强杰', '谭云', '谭文鹏', '邹鹏文']);
    expect(shown.slice(6, 15)).toEqual(['马琳艳', '王志华', '毛敏芳', '文晓涛', '孔秋兰', '邓云晨', '石刚雪', '卢文峰', '白晨艳']);
    expect(shown).toHaveLength(33);
    expect(new Set(shown).size).toBe(33);
  });

  it('the roster export takes the order per export', async () => {
    const read = async (order: string) => {
      const f = await must('export.xlsx', { kind: 'members', order });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as Parameters<typeof wb.xlsx.load>[0]);
      const out: string[] = [];
      wb.worksheets[0]!.eachRow((row, n) => n > 1 && out.push(String(row.getCell(2).value)));
      return out;
    };
    expect((await read('list')).slice(0, 3)).toEqual(['邱东竹', '谭文鹏', '崔强杰']);
    expect((await read('strokes')).slice(6, 10)).toEqual(['马琳艳', '王志华', '毛敏芳', '文晓涛']);
  });

  it('names.strokeOrder gives the positions of names in stroke order (the 测评对象 editor sorts with it)', async () => {
    expect(await must('names.strokeOrder', { names: ['魏明', '丁一', '王芳', '方华'] })).toEqual({ order: [1, 2, 3, 0] });
  });
});
