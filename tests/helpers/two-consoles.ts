// Two console windows sending the same admin command at once: each its own HTTP request to the
// running server (what a double click in two windows, or a retried request, looks like to it).
import type { RunningServer } from '../../src-main/app/server';

export function twice(running: Pick<RunningServer, 'port' | 'adminToken'>, name: string, input: unknown): Promise<any[]> {
  const one = () =>
    fetch(`http://127.0.0.1:${running.port}/api/cmd/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${running.adminToken}` },
      body: JSON.stringify(input),
    }).then((r) => r.json());
  return Promise.all([one(), one()]);
}
