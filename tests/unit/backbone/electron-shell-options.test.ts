// The plain parts of the Electron shell (no Electron needed): where data lives, which port the LAN
// server takes, and which page may use the admin command bridge.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAN_PORT, shellOptions } from '../../../src-main/electron/options';
import { isAppPage } from '../../../src-main/electron/trusted-page';

const USER_DATA = path.resolve('/home/mishu/.config/议事');

describe('shellOptions', () => {
  it('defaults: Electron’s userData folder, port 4310 on every interface', () => {
    expect(shellOptions(['electron', '.'], {}, USER_DATA)).toEqual({ dataDir: USER_DATA, dataDirOverridden: false, port: DEFAULT_LAN_PORT, host: '0.0.0.0' });
    expect(DEFAULT_LAN_PORT).toBe(4310);
  });

  it('YISHI_DATA_DIR, YISHI_PORT and YISHI_HOST override (the tests use them)', () => {
    const o = shellOptions([], { YISHI_DATA_DIR: '/tmp/x', YISHI_PORT: '0', YISHI_HOST: '127.0.0.1' }, USER_DATA);
    expect(o).toEqual({ dataDir: path.resolve('/tmp/x'), dataDirOverridden: true, port: 0, host: '127.0.0.1' });
  });

  it('the command line wins over the environment, in both --x v and --x=v forms', () => {
    const o = shellOptions(['electron', '.', '--data-dir', '/a', '--port=5000'], { YISHI_DATA_DIR: '/b', YISHI_PORT: '6000' }, USER_DATA);
    expect(o).toMatchObject({ dataDir: path.resolve('/a'), port: 5000, dataDirOverridden: true });
  });

  it.each(['abc', '-1', '65536', '1.5', ''])('refuses port %j in Chinese', (p) => {
    expect(() => shellOptions([], { YISHI_PORT: p }, USER_DATA)).toThrow(/端口号无效/);
  });
});

describe('isAppPage (IPC sender check, navigation guard)', () => {
  const index = path.resolve('/opt/yishi/out/renderer/index.html');
  const url = pathToFileURL(index).href;

  it('accepts the app’s own page with any #route', () => {
    expect(isAppPage(url, index)).toBe(true);
    expect(isAppPage(`${url}#/console`, index)).toBe(true);
    expect(isAppPage(`${url}?x=1#/sessions/3`, index)).toBe(true);
  });

  it('refuses other files, other schemes and look-alikes', () => {
    expect(isAppPage(pathToFileURL(path.resolve('/opt/yishi/out/renderer/other.html')).href, index)).toBe(false);
    expect(isAppPage(pathToFileURL(path.resolve('/tmp/index.html')).href, index)).toBe(false);
    expect(isAppPage('http://127.0.0.1:4310/#/console', index)).toBe(false);
    expect(isAppPage('https://example.com/opt/yishi/out/renderer/index.html', index)).toBe(false);
    expect(isAppPage('file://evil-host/opt/yishi/out/renderer/index.html', index)).toBe(false);
    expect(isAppPage('about:blank', index)).toBe(false);
    expect(isAppPage('not a url', index)).toBe(false);
  });
});
