// `npm run serve -- --data-dir DIR --port N [--host H]`: the whole app, headless.
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { parseArgs } from '../app/paths';
import { applyV8Flags, keepServingOnUnexpectedErrors } from '../app/process-policy';
import { DatabaseDamagedError } from '../store/db';

// Startup is mostly compiling the bundled libraries (exceljs, pdfkit…): Node keeps their compiled
// code on disk between starts. The server is loaded after this, so its modules use the cache.
enableCompileCache?.();

async function main(): Promise<void> {
  keepServingOnUnexpectedErrors();
  applyV8Flags();
  const args = parseArgs(process.argv.slice(2));
  const staticDir = path.resolve(__dirname, '../renderer');
  const { startServer } = await import('../app/server');
  const running = await startServer({
    dataDir: args.dataDir,
    port: args.port,
    host: args.host,
    staticDir,
    adminToken: typeof args.token === 'string' ? args.token : undefined,
  });
  // A clean stop from the moment the server runs, before its addresses are printed: whoever starts it
  // and stops it at once (a script, a service manager) reads the address first, and a stop that came
  // before the handler would end the run without closing it (the next start would report an
  // interrupted run, app/run-marker.ts).
  const stop = async (signal: string) => {
    console.log(`收到 ${signal}，正在关闭…`);
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  console.log(`议事（无界面模式）已启动，数据目录：${args.dataDir}`);
  console.log(`控制台地址（仅限本机）：${running.consoleUrl}`);
  console.log(`终端地址：${running.core.engine.terminalUrls().join("  ")}`);
  console.log(`大屏地址：http://127.0.0.1:${running.port}/#/display`);
  console.log(`无记名表决和测评的密钥保存于：${running.core.engine.rounds.sealed.keyStore.description}`);
  const notice = running.core.services.integrity?.notice;
  if (notice) {
    console.error(`！！数据完整性警告：${notice.message}`);
    console.error(`！！在控制台确认这一提示之前，不能开会或开始表决。${notice.restoreHint}`);
  }
}

main().catch((e) => {
  if (e instanceof DatabaseDamagedError) console.error(e.message);
  else if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`端口已被占用：${(e as Error).message}`);
  else console.error('启动失败：', e);
  process.exit(1);
});
