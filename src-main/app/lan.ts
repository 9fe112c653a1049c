import os from 'node:os';

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
