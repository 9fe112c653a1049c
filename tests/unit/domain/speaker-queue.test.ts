// 申请发言 (issue 10): a member waits, may withdraw while waiting, is called in the order asked, and
// the turn is then done; one open request per member and item, asking again after speaking.
import { describe, expect, it } from 'vitest';
import { mayRequest, nextSpeaker, speakerTransition } from '../../../src-main/domain/speakers';

describe('the speaker queue', () => {
  it('moves waiting → called → done, or waiting → withdrawn, and refuses the rest in Chinese', () => {
    expect(speakerTransition('waiting', 'call')).toEqual({ ok: true, state: 'called' });
    expect(speakerTransition('called', 'finish')).toEqual({ ok: true, state: 'done' });
    expect(speakerTransition('waiting', 'withdraw')).toEqual({ ok: true, state: 'withdrawn' });
    expect(speakerTransition('called', 'withdraw')).toEqual({ ok: false, message: '只能撤回尚在等候的发言申请' });
    expect(speakerTransition('done', 'call')).toEqual({ ok: false, message: '只能请尚在等候的委员发言' });
    expect(speakerTransition('waiting', 'finish')).toEqual({ ok: false, message: '只能结束正在进行的发言' });
  });

  it('calls the earliest request still waiting; one open request per member, again after speaking', () => {
    const q = [
      { id: 4, state: 'done' as const },
      { id: 7, state: 'withdrawn' as const },
      { id: 9, state: 'waiting' as const },
      { id: 8, state: 'waiting' as const },
    ];
    expect(nextSpeaker(q)?.id).toBe(8);
    expect(nextSpeaker([{ id: 1, state: 'called' as const }])).toBeNull();
    expect(mayRequest([{ state: 'waiting' }])).toBe(false);
    expect(mayRequest([{ state: 'called' }])).toBe(false);
    expect(mayRequest([{ state: 'done' }, { state: 'withdrawn' }])).toBe(true);
  });
});
