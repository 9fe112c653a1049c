// The server keeps its compiled code (app/process-policy.ts, --no-flush-bytecode set at run time):
// the first presses of a round must not run in code V8 dropped while the press path was idle. V8 is
// told to drop every idle function at every full collection (--stress-flush-code) and to collect
// often (--gc-interval), and to say what it drops (--trace-flush-code, on the server's stdout); the
// server must drop nothing from the moment its console URL is printed.
import { afterEach, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../helpers/server';

let server: ServeProcess | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('the server keeps its compiled code', () => {
  it('no bytecode is flushed, though full collections check for it', async () => {
    server = await startServe({ nodeArgs: ['--stress-flush-code', '--trace-flush-code', '--gc-interval=20000'] });
    for (let i = 0; i < 30; i++) await server.must('committee.get');
    await server.stop();
    const after = server.output().slice(server.output().indexOf('console?token='));
    // Full collections ran and looked for code to drop (V8 traces a count, or each function dropped).
    expect(after).toMatch(/flushed SharedFunctionInfo|discarding compiled metadata/);
    expect(after).not.toMatch(/discarding compiled metadata/);
  });
});
