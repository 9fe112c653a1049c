// Appointment persons keep a stable id (domain/agenda.ts), and what a ballot was cast on cannot be
// edited away: the rules, stated as tests.
import { describe, expect, it } from 'vitest';
import { assignPersonIds, castOnRefusal, personLine, personsWithIds, type BallotPerson } from '../../../src-main/domain/agenda';

const p = (id: string, name: string, post = ''): BallotPerson => ({ id, name, action: 'appoint', post });

describe('person ids', () => {
  it('a person stored before ids existed has the id of its place', () => {
    expect(personsWithIds([{ name: '周明', action: 'appoint', post: '局长' }, { id: 'p7', name: '吴芳', action: 'remove', post: '' }])).toEqual([
      { id: 'p1', name: '周明', action: 'appoint', post: '局长' },
      { id: 'p7', name: '吴芳', action: 'remove', post: '' },
    ]);
  });

  it('an edit keeps the ids the item had; a new person gets the next id, never one used before', () => {
    const before = [p('p1', '周明'), p('p2', '吴芳'), p('p3', '郑强')];
    const next = assignPersonIds(before, [{ id: 'p3', name: '郑强', action: 'appoint', post: '' }, { name: '孙丽', action: 'appoint', post: '' }, { id: 'p1', name: '周明', action: 'appoint', post: '' }], ['p9']);
    expect(next.map((x) => `${x.id}:${x.name}`)).toEqual(['p3:郑强', 'p10:孙丽', 'p1:周明']);
  });

  it('an id the item never had, or one given twice, is a new person', () => {
    const next = assignPersonIds([p('p1', '周明')], [{ id: 'p5', name: '甲', action: 'appoint', post: '' }, { id: 'p1', name: '周明', action: 'appoint', post: '' }, { id: 'p1', name: '乙', action: 'appoint', post: '' }]);
    expect(next.map((x) => x.id)).toEqual(['p2', 'p1', 'p3']);
  });
});

describe('what a ballot was cast on stays as it was', () => {
  const cast = [p('p1', '周明'), p('p3', '郑强')].map(personLine);
  const refusal = (next: BallotPerson[]) => castOnRefusal(cast, next.map(personLine), '任免人员', '已经表决');

  it('new persons may come anywhere, others may go', () => {
    expect(refusal([p('p4', '孙丽'), p('p1', '周明'), p('p5', '钱刚'), p('p3', '郑强')])).toBeNull();
  });

  it('a voted person cannot be removed, changed, or moved before another voted person', () => {
    expect(refusal([p('p1', '周明')])).toBe('任免人员“郑强”已经表决，不能删去或修改（可以新增任免人员）');
    expect(refusal([p('p1', '周明'), p('p3', '郑强', '区司法局局长')])).toBe('任免人员“郑强”已经表决，不能再修改（可以新增任免人员）');
    expect(refusal([p('p3', '郑强'), p('p1', '周明')])).toBe('任免人员“郑强”已经表决，其先后顺序不能调整（可以新增任免人员）');
  });
});
