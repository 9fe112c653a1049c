// 单独表决 in one wording (domain/provision-vote.ts): a provision's ballot is "对……进行单独表决", the
// formal documents' wording, on every face and in every document. This test reads the sources: a
// provision's ballot worded outside domain/ ("对${…}单独表决", "对${…}进行单独表决") is a second copy that
// can drift from it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ballotWords, provisionsFirst, provisionVote } from '../../../src-main/domain/provision-vote';
import { ROOT, sourcesOutsideDomain, withoutComments } from '../../helpers/source-texts';

/** A provision's ballot worded in code: 对 + an interpolation + (进行)单独表决. */
const wordings = (code: string): string[] => [...withoutComments(code).matchAll(/对\$\{[^}]*\}(进行)?单独表决/g)].map((m) => m[0]);

describe('a provision is voted 对……进行单独表决', () => {
  it('is worded as in formal documents; a whole item keeps its subject', () => {
    expect(provisionVote(' 第十二条（物业服务收费） ')).toBe('对第十二条（物业服务收费）进行单独表决');
    expect(ballotWords({ subject: '第十二条（物业服务收费）', provision: '第十二条（物业服务收费）' })).toBe('对第十二条（物业服务收费）进行单独表决');
    expect(ballotWords({ subject: '某某区物业管理若干规定（草案）', provision: null })).toBe('某某区物业管理若干规定（草案）');
  });

  it('an item’s provisions are voted before its whole text; otherwise the order given stays', () => {
    const ballots = [
      { id: 1, provision: null },
      { id: 2, provision: '第十二条' },
      { id: 3, provision: null },
      { id: 4, provision: '第五条' },
    ];
    expect(provisionsFirst(ballots).map((b) => b.id)).toEqual([2, 4, 1, 3]);
  });

  it('no face or document outside src-main/domain/ words it itself', () => {
    const found = sourcesOutsideDomain().flatMap((f) => wordings(fs.readFileSync(f, 'utf8')).map((w) => `${path.relative(ROOT, f)}: ${w}`));
    expect(found).toEqual([]);
  });

  it('the check finds a wording of its own (so that it can fail)', () => {
    expect(wordings('const a = `对${b.provision}单独表决`;')).toEqual(['对${b.provision}单独表决']);
    expect(wordings('const a = `现在对${o.ballot.provision}进行单独表决`;')).toEqual(['对${o.ballot.provision}进行单独表决']);
    expect(wordings('// 对${x}单独表决 in a comment')).toEqual([]);
  });
});
