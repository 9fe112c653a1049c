// What a detected loss of records blocks until the secretary acknowledges it (app/core.ts): the
// commands that run a session's business, each marked so where it is defined (CommandDef.
// sessionBusiness). The rule: every command a terminal sends that records something is business —
// a new one is refused after a loss unless it is one of the reads; opening rounds, entering and
// correcting results, closing and announcing rounds of every kind, attendance and moving through the agenda are business; preparing and reading
// are not.
import { describe, expect, it } from 'vitest';
import { anyCommandTable } from '../../../src-main/api/commands/index';

const business = (name: string) => anyCommandTable[name]?.sessionBusiness === true;
const TERMINAL_READS = ['committee.get', 'terminal.state', 'terminal.itemDocuments', 'terminal.remarks'];

describe('the session business blocked after a loss of records', () => {
  it('every command a terminal may send is business, except its reads', () => {
    const terminalCommands = Object.entries(anyCommandTable)
      .filter(([, def]) => def.access.some((a) => a === 'terminal' || a === 'guest'))
      .map(([name]) => name);
    expect(terminalCommands.length).toBeGreaterThan(TERMINAL_READS.length);
    for (const name of terminalCommands) expect(business(name), name).toBe(!TERMINAL_READS.includes(name));
  });

  it('running the session is business; preparing it and reading are not', () => {
    for (const name of ['live.open', 'live.startBusiness', 'live.setItem', 'live.next', 'attendance.set', 'ballots.open', 'ballots.close', 'ballots.announce', 'ballots.enterResult', 'ballots.correctResult', 'assessments.open', 'assessments.close', 'assessments.announce', 'assessments.paperSheet', 'assessments.correctPaperSheet', 'speakers.call']) {
      expect(business(name), name).toBe(true);
    }
    for (const name of ['members.create', 'sessions.create', 'agenda.add', 'live.state', 'ballots.get', 'assessments.list', 'documents.render', 'system.backup', 'system.info']) {
      expect(anyCommandTable[name], name).toBeDefined();
      expect(business(name), name).toBe(false);
    }
  });
});
