// Before the desktop app opens its database: when records were lost (the database is behind the
// audit head kept outside it, store/integrity.ts), offer to restore the newest intact backup. If the
// secretary does not restore, the console shows the same notice and business waits for it.
import { app, dialog } from 'electron';
import { newestUsableBackup, RestoreError, restoreBackup } from '../store/backup';
import { inspectDataDir } from '../store/integrity';

export async function offerRestoreOnLoss(dataDir: string): Promise<void> {
  let check;
  try {
    check = inspectDataDir(dataDir);
  } catch {
    return; // a damaged file: opening it reports that (main.ts startupFailed)
  }
  if (check.status === 'ok') return;
  const newest = newestUsableBackup(dataDir);
  const buttons = newest ? ['恢复最新备份', '不恢复，继续打开', '退出'] : ['继续打开', '退出'];
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: '数据完整性警告',
    message: check.message,
    detail: newest
      ? `最新的可用备份：${newest.fileName}${newest.auditSeq !== null ? `（含第${newest.auditSeq}条及以前的记录）` : ''}。恢复时当前数据库会改名保留在数据目录中。\n不恢复时，控制台会先显示这一提示，确认后才能开会。`
      : '数据目录的 backups 文件夹中没有可用的备份。控制台会先显示这一提示，确认后才能开会。',
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  const choice = buttons[response];
  if (choice === '退出') app.exit(0);
  if (choice === '恢复最新备份' && newest) {
    let r;
    try {
      r = restoreBackup(dataDir, newest.path, { actor: '会务工作人员', source: 'console:electron' });
    } catch (e) {
      // Nothing changed: the current database opens, with its notice. Otherwise it is not opened (a
      // folder without its database would start an empty one): the message says to restore again.
      const changed = e instanceof RestoreError && (e.replaced || e.previousKeptAs !== null);
      await dialog.showMessageBox({ type: 'error', title: '恢复失败', message: (e as Error).message, detail: changed ? '程序将退出。' : '将继续打开当前数据库。' });
      if (changed) app.exit(1);
      return;
    }
    await dialog.showMessageBox({ type: 'info', title: '已恢复备份', message: `已用 ${newest.fileName} 恢复数据库。`, detail: r.previousKeptAs ? `原数据库已保留为：${r.previousKeptAs}` : '' });
  }
}
