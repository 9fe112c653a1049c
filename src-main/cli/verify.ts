// `npm run verify -- --data-dir DIR`: checks the audit chain, that every audited row still equals its
// last audited state, and that the database is not behind the audit head recorded outside it
// (yishi.head). Exit code 0 when intact, 1 when something was changed or lost, 2 for a damaged file.
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseArgs } from '../app/paths';
import { verifyAuditLog } from '../store/audit';
import { checkIntegrity, DB_FILE_NAME } from '../store/db';
import { checkDataDir } from '../store/integrity';

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const file = path.join(args.dataDir, DB_FILE_NAME);
  try {
    checkIntegrity(file);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const report = verifyAuditLog(db);
    const head = checkDataDir(db, args.dataDir);
    if (head.status !== 'ok') console.log(head.message);
    if (report.ok && head.status === 'ok') {
      console.log(`审计日志完整：共${report.entries}条记录，哈希链与数据一致。`);
      return 0;
    }
    if (report.brokenAt) console.log(`审计日志被改动：${report.brokenAt.reason}（第一处断链：第${report.brokenAt.seq}条）`);
    for (const d of report.driftedRows) console.log(`数据与审计记录不一致：${d.table} 第${d.id}行：${d.reason}`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main();
