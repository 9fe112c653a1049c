// 单独表决 in the console (立法法 art. 44): an important contested provision of the draft is voted on its
// own before the whole text. Each provision's ballots are a group of their own (its rounds apart from
// the whole text's), listed before the whole; the secretary names the provision and creates its ballot
// until the whole text has gone to the vote (meeting/provision-ballots.ts refuses it after).
import { useState } from 'react';
import type { ConsoleBallotRow } from '../../live/protocol';
import type { Actions } from './admin-actions';
import type { Group } from './BallotBlock';
import { ballotInput, optionsValid, type BallotOptions } from './BallotOptionsFields';
import { provisionVote } from '../../../../src-main/domain/provision-vote';

/** The provisions' groups (in the order first voted), then the whole text's. */
export function provisionGroups(ofItem: ConsoleBallotRow[]): Group[] {
  const names = [...new Set(ofItem.filter((b) => b.provision !== null).map((b) => b.provision!))];
  const provisions = names.map((name, i): Group => ({ key: `p${i}`, title: provisionVote(name), personIds: undefined, provision: name, testId: `provision-group-${i}`, ballots: ofItem.filter((b) => b.provision === name) }));
  const whole: Group = { key: 'all', title: provisions.length ? '全文表决' : null, personIds: undefined, testId: 'ballot-group', ballots: ofItem.filter((b) => b.provision === null) };
  return [...provisions, whole];
}

export function ProvisionCreate({ itemId, options, actions, disabled }: { itemId: number; options: BallotOptions; actions: Actions; disabled: boolean }) {
  const [name, setName] = useState('');
  return (
    <form
      className="lc-provision-create"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        void actions.run('单独表决', 'ballots.create', { itemId, ...ballotInput(options), provision: name.trim() }).then((v) => v && setName(''));
      }}
    >
      <label>
        <span>单独表决条款（争议较大的重要条款，在全文表决前）</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} placeholder="如：第十二条（物业服务收费）" data-testid="provision-name" />
      </label>
      <button type="submit" className="lc-btn" disabled={disabled || actions.busy !== null || !name.trim() || !optionsValid(options)} data-testid="provision-create">
        创建单独表决
      </button>
    </form>
  );
}
