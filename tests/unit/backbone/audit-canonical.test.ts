// The text every audit hash is taken of must never change, or every chain recorded before would stop
// verifying. The written-out entry body (one per press) and the leaner canonical() are compared with
// the definition they replace: keys sorted by code unit, undefined members left out, JSON values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, entryBody } from '../../../src-main/store/audit';

/** The definition, as first written (entries filtered, sorted with <, joined). */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

const text = fc.string({ unit: 'binary' });
const entry = fc.record({
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  at: text,
  actor: text,
  source: text,
  action: text,
  entity: text,
  entity_id: text,
  data: fc.option(text, { nil: null }),
});

describe('audit canonical text', () => {
  it('an entry body is the canonical text of its fields (keys in sorted order)', () => {
    fc.assert(fc.property(entry, (e) => entryBody(e) === reference(e)), { numRuns: 2000 });
    const e = { seq: 7, at: '2026-12-01T00:00:00.000Z', actor: '委员1', source: 'terminal:t@127.0.0.1', action: 'vote.change', entity: 'ballots', entity_id: '3', data: '{"choice":"yes","memberId":4}' };
    expect(entryBody(e)).toBe(
      '{"action":"vote.change","actor":"委员1","at":"2026-12-01T00:00:00.000Z","data":"{\\"choice\\":\\"yes\\",\\"memberId\\":4}","entity":"ballots","entity_id":"3","seq":7,"source":"terminal:t@127.0.0.1"}',
    );
  });

  it('canonical() gives the same text as the definition for any JSON data, undefined members left out', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        text,
        fc.array(tie('node')),
        fc.dictionary(text, fc.oneof(tie('node'), fc.constant(undefined))),
      ),
    })).node;
    fc.assert(fc.property(value, (v) => canonical(v) === reference(v)), { numRuns: 2000 });
    expect(canonical({ b: 1, a: undefined, c: [{ z: 1, y: null }] })).toBe('{"b":1,"c":[{"y":null,"z":1}]}');
  });
});
