// Starts the core behind the HTTP server: used by the headless CLI, by Electron (for terminals and
// the big screen on the LAN) and by the tests.
import { createCore, type Core } from './core';
import type { KeyStore } from '../rounds/key-store';
import { AppHttpServer } from '../server/http';
import { filesRoute } from '../server/files-route';
import { WsHub } from '../server/ws-hub';
import { terminalUrlsKept } from './lan';
import { loadOrCreateAdminToken } from './admin-token';
import type { LanInfo } from '../api/command';

export interface RunningServer {
  core: Core;
  http: AppHttpServer;
  hub: WsHub;
  port: number;
  host: string;
  adminToken: string;
  /** The console in a browser on this machine. */
  consoleUrl: string;
  close(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  port: number;
  host: string;
  staticDir: string | null;
  /** Default: the credential kept in the data folder (app/admin-token.ts). */
  adminToken?: string;
  /** See CoreOptions.keyStore. */
  keyStore?: KeyStore;
  /** Default 'background': the full integrity check of the file runs after the start (store/file-check.ts). */
  integrity?: 'full' | 'background';
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const core = createCore(opts.dataDir, { keyStore: opts.keyStore, integrity: opts.integrity ?? 'background' });
  let adminToken: string;
  try {
    adminToken = opts.adminToken ?? loadOrCreateAdminToken(opts.dataDir);
  } catch (e) {
    core.close();
    throw e;
  }
  const http = new AppHttpServer({ dispatch: core.dispatch, adminToken, staticDir: opts.staticDir });
  const hub = new WsHub({ engine: core.engine, dispatch: core.dispatch, adminToken });
  http.upgrades.push(hub.handleUpgrade);
  http.routes.push(hub.probeRoute);
  http.routes.push(filesRoute(core.engine, adminToken));
  let port: number;
  try {
    port = await http.listen(opts.port, opts.host);
  } catch (e) {
    core.close();
    throw e;
  }
  const urls = terminalUrlsKept(opts.host, port);
  core.engine.terminalUrls = urls;
  core.services.lan = lanInfoOf(hub, urls);
  let closed = false;
  return {
    core,
    http,
    hub,
    port,
    host: opts.host,
    adminToken,
    consoleUrl: `http://127.0.0.1:${port}/#/console?token=${adminToken}`,
    async close() {
      if (closed) return;
      closed = true;
      hub.close();
      await http.close();
      await core.store.whenIdle(); // a backup after the last ballot finishes before the file closes
      core.close();
    },
  };
}

/** What the commands learn of the LAN server (services.lan). */
export function lanInfoOf(hub: WsHub, terminalUrls: () => string[]): LanInfo {
  return { terminalUrls, unpaired: () => hub.unpaired(), refusals: () => hub.limits.refused.current(), dismissRefusals: () => hub.limits.refused.dismiss() };
}
