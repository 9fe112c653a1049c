// The application menu: small, in Chinese. 文件 (data folder, backup, quit), 编辑 (so copy and paste
// have their shortcuts everywhere), 视图 (zoom, full screen) and 帮助 (about).
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openDataDir(): void;
  backupNow(): void;
  toggleDisplay(): void;
  about(): void;
}

export function installMenu(actions: MenuActions): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataDir() },
        { label: '立即备份', click: () => actions.backupNow() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        { type: 'separator' },
        { label: '打开/关闭大屏窗口', accelerator: 'F5', click: () => actions.toggleDisplay() },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于议事', click: () => actions.about() }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
