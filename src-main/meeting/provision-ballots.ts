// 单独表决 (立法法 art. 44: 争议较大的重要条款可以单独表决): a ballot of one important contested provision of
// a draft, voted before the whole text under the same round engine. Its title is the provision as the
// secretary names it ("第十二条（物业服务收费）"); its rounds count apart from the whole text's. Only an
// item voted as a whole text has provisions, and only until the whole text has gone to the vote.
import { AppError } from '../shared/result';
import type { BallotPerson } from '../domain/agenda';
import type { AgendaItem } from '../store/agenda';
import type { Store } from '../store/store';
import { ballotsOfItem } from './ballot-store';

const PROVISION_KINDS: readonly string[] = ['vote', 'other'];

/** The subject of a provision's ballot (the provision as named), refused for an item that has none or whose whole text is being or has been voted. */
export function provisionSubject(store: Store, item: AgendaItem, provision: string): { subject: string; persons: BallotPerson[] } {
  if (!PROVISION_KINDS.includes(item.kind)) throw new AppError('INVALID_STATE', `“${item.title}”不是表决的草案，不能单独表决条款`);
  const whole = ballotsOfItem(store, item.id).filter((b) => b.provision === null && b.state !== 'draft');
  if (whole.length) throw new AppError('INVALID_STATE', `“${item.title}”的全文已经付表决，条款的单独表决应在全文表决之前进行`);
  return { subject: provision, persons: [] };
}
