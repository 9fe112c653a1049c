// A file's name handed over with its bytes (materials, roster imports, pledge files) is a name, not a
// path: over real HTTP, a name with a NUL, a control character or a path separator is refused with
// BAD_INPUT and nothing is stored; a plain Chinese file name is taken as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { adminCalls } from '../helpers/admin-core';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let running: RunningServer;
let s16: Session16;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n').toString('base64');
const REFUSAL = '输入有误：文件名：文件名不能含有控制字符、方向控制符、无法识别的字符或路径分隔符（/ 或 \\），请使用文件本身的名称';

async function post(name: string, input: unknown): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${running.port}/api/cmd/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${running.adminToken}` },
    body: JSON.stringify(input),
  });
  return res.json();
}
const documentCount = () => (running.core.store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
const auditCount = () => (running.core.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-file-names-'), port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(adminCalls(running.core).must);
});
afterAll(async () => {
  await running.close();
});

describe('file names', () => {
  it('with a NUL, a control character, a direction override, half a character, a path separator or a dot-dot are refused for materials, imports and pledge files, and nothing is stored', async () => {
    const before = { documents: documentCount(), audit: auditCount() };
    for (const fileName of ['../../etc/passwd', '材料\u0000.pdf', '..\\..\\材料.pdf', 'a/b.pdf', '材料\r\n.pdf', '..', '报告\u202efdp.exe', '材料\ud800.pdf']) {
      expect(await post('documents.attach', { itemId: s16.items[0]!.id, fileName, data: PDF })).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: REFUSAL } });
      expect(await post('import.preview', { kind: 'members', fileName, data: Buffer.from('姓名,职务\r\n甲,委员\r\n').toString('base64') })).toEqual({
        ok: false,
        error: { code: 'BAD_INPUT', message: REFUSAL },
      });
      expect(await post('officialYears.attachPledge', { officialId: 1, year: 2026, fileName, data: PDF })).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: REFUSAL } });
    }
    expect({ documents: documentCount(), audit: auditCount() }).toEqual(before);
  });

  it('a plain file name is stored as it is', async () => {
    const r = await post('documents.attach', { itemId: s16.items[0]!.id, fileName: '关于医疗保障基金使用情况的报告（2026年）.pdf', data: PDF });
    expect(r.ok).toBe(true);
    const row = running.core.store.db.prepare('SELECT file_name AS f FROM documents ORDER BY id DESC LIMIT 1').get() as { f: string };
    expect(row.f).toBe('关于医疗保障基金使用情况的报告（2026年）.pdf');
  });
});
