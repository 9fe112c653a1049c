// Locks the shell down: CSP on every response, no permissions, no navigation away from the app's
// page, no new windows, no <webview>. The renderer runs sandboxed with context isolation.
import { app, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/http';
import { isAppPage } from './trusted-page';

export function lockDown(indexHtml: string): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppPage(url, indexHtml)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppPage(url, indexHtml)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
