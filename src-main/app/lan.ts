import os from 'node:os';

/** How long the list of this machine's addresses is reused: reading it costs ≈0.25 ms, and every live snapshot names the first URL. */
export const ADDRESSES_KEPT_MS = 2000;

/** The URLs terminals on the room's network use to reach this machine. */
export function terminalUrls(host: string, port: number): string[] {
  const path = '/#/terminal';
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host}:${port}${path}`];
  const urls: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}${path}`);
  }
  urls.push(`http://127.0.0.1:${port}${path}`);
  return urls;
}

/**
 * terminalUrls read at most once per `keptMs`: a snapshot for each terminal that pairs or signs in, and
 * each broadcast, would otherwise read the machine's network interfaces again. A network that changes
 * (a cable plugged in) shows within `keptMs`.
 */
export function terminalUrlsKept(host: string, port: number, keptMs = ADDRESSES_KEPT_MS, now: () => number = Date.now): () => string[] {
  let kept: { at: number; urls: string[] } | null = null;
  return () => {
    const t = now();
    if (!kept || t - kept.at >= keptMs || t < kept.at) kept = { at: t, urls: terminalUrls(host, port) };
    return [...kept.urls];
  };
}
