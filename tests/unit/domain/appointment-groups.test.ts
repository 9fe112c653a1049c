// 人事任免 in any mix (issue 10): persons voted alone and persons voted together within one item, each
// person with their own result (the newest finished ballot that held them), the 任免名单 listing only
// the adopted ones under their action's heading.
import { describe, expect, it } from 'vitest';
import { personsWithIds, type BallotPerson } from '../../../src-main/domain/agenda';
import { appointmentLine, appointmentSections, groupSubject, personOutcomes, personSubject, plannedGroups, type DecidingBallot } from '../../../src-main/domain/appointments';

// The session-16 item: three appointed one by one, two removed together.
const persons = personsWithIds([
  { name: '周明', action: 'decide_appoint', post: '区教育局局长' },
  { name: '吴芳', action: 'decide_appoint', post: '区卫生健康局局长' },
  { name: '郑强', action: 'decide_appoint', post: '区司法局局长' },
  { name: '钱刚', action: 'decide_remove', post: '区审计局局长', group: 1 },
  { name: '孙丽', action: 'decide_remove', post: '区民政局局长职务', group: 1 },
]);
const byId = (id: string): BallotPerson => persons.find((p) => p.id === id)!;
const ballot = (id: number, ids: string[], result: DecidingBallot['result'], round = 1): DecidingBallot => ({ id, round, persons: ids.map(byId), result });
const yes = (n: number, adopted: boolean) => ({ yes: n, no: 33 - n, abstain: 0, adopted });

describe('mixed grouping results', () => {
  it('plans each person alone, everyone together, or by group numbers in any mix', () => {
    expect(plannedGroups(persons, 'mixed')).toEqual([['p1'], ['p2'], ['p3'], ['p4', 'p5']]);
    expect(plannedGroups(persons, 'each')).toEqual([['p1'], ['p2'], ['p3'], ['p4'], ['p5']]);
    expect(plannedGroups(persons, 'all')).toEqual([['p1', 'p2', 'p3', 'p4', 'p5']]);
    expect(plannedGroups(persons, undefined)).toEqual(plannedGroups(persons, 'each')); // items from before modes: one by one
    // a group stands where its first person stands
    const mixed = personsWithIds([{ name: '甲', action: 'appoint', post: '', group: 2 }, { name: '乙', action: 'appoint', post: '' }, { name: '丙', action: 'appoint', post: '', group: 2 }]);
    expect(plannedGroups(mixed, 'mixed')).toEqual([['p1', 'p3'], ['p2']]);
  });

  it('names what each ballot decides: one person, or the persons of a joint ballot', () => {
    expect(personSubject(byId('p1'))).toBe('决定任命周明为区教育局局长');
    expect(personSubject(byId('p5'))).toBe('决定免去孙丽的区民政局局长职务'); // a post typed with 职务 is not doubled
    expect(personSubject({ id: 'p9', name: '王五', action: 'accept_resignation', post: '区审计局局长' })).toBe('接受王五辞去区审计局局长职务');
    expect(groupSubject('人事任免', [byId('p4'), byId('p5')])).toBe('人事任免（决定免去钱刚、决定免去孙丽，合并表决）');
    expect(groupSubject('人事任免', [byId('p2')])).toBe('决定任命吴芳为区卫生健康局局长');
  });

  it('gives every person the result of the newest finished ballot that held them, alone or together', () => {
    const ballots = [
      ballot(1, ['p1'], yes(25, true)),
      ballot(2, ['p2'], yes(14, false)),
      ballot(3, ['p3'], yes(20, true)),
      ballot(4, ['p4', 'p5'], yes(22, true)),
      ballot(5, ['p2'], yes(18, true), 2), // 吴芳 again: the second round decides
      ballot(6, ['p3'], null, 2), // an open re-vote decides nothing yet
    ];
    const out = personOutcomes(persons, ballots);
    expect(out.map((o) => [o.person.name, o.decided?.ballotId, o.decided?.round, o.decided?.together, o.decided?.adopted])).toEqual([
      ['周明', 1, 1, 1, true],
      ['吴芳', 5, 2, 1, true],
      ['郑强', 3, 1, 1, true],
      ['钱刚', 4, 1, 2, true],
      ['孙丽', 4, 1, 2, true],
    ]);
    // Without the re-vote 吴芳 is rejected: listed in the results, not in the 名单.
    const first = personOutcomes(persons, ballots.slice(0, 4));
    expect(first[1]).toMatchObject({ person: { name: '吴芳' }, decided: { adopted: false, yes: 14 } });
    const sections = appointmentSections(first.map((o) => ({ ...o.person, adopted: o.decided?.adopted === true })));
    expect(sections).toEqual([
      { heading: '决定任命', lines: ['周明为区教育局局长', '郑强为区司法局局长'] },
      { heading: '决定免去', lines: ['钱刚的区审计局局长职务', '孙丽的区民政局局长职务'] },
    ]);
  });

  it('keeps a person a ballot decided who is no longer listed, as the ballot held them; undecided persons have no result', () => {
    const renamed = [{ ...byId('p1'), name: '周明远' }, byId('p2')];
    const out = personOutcomes(renamed, [ballot(1, ['p1'], yes(25, true)), ballot(4, ['p4', 'p5'], yes(10, false))]);
    expect(out.map((o) => [o.person.name, o.decided?.adopted ?? null])).toEqual([
      ['周明', true], // as voted on, never the later edit
      ['吴芳', null],
      ['钱刚', false],
      ['孙丽', false],
    ]);
  });

  it('lists the five actions in the fixed order of a 任免名单, with their own wording', () => {
    const all = (['accept_resignation', 'remove', 'decide_remove', 'appoint', 'decide_appoint'] as const).map((action, i) => ({ action, name: `人${i}`, post: '某局局长', adopted: true }));
    expect(appointmentSections(all).map((s) => `${s.heading}：${s.lines.join('；')}`)).toEqual([
      '决定任命：人4为某局局长',
      '任命：人3为某局局长',
      '决定免去：人2的某局局长职务',
      '免去：人1的某局局长职务',
      '接受辞职：人0辞去某局局长职务',
    ]);
    expect(appointmentLine({ action: 'appoint', name: '周明', post: '' })).toBe('周明');
  });
});
