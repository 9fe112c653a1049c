// 申请发言 in the live console: the current item's queue in order with the times, 请下一位发言 (who is
// speaking is finished first), 请发言 out of order, 发言结束 with what was said (kept as that member's
// spoken review remark), and the remark added later for a turn already done.
import { useState } from 'react';
import { SPEAKER_STATE_LABELS } from '../../../src-main/domain/speakers';
import type { Actions } from '../console/live/admin-actions';
import { clockTime } from '../live/labels';
import type { ConsoleState } from '../live/protocol';
import { useLive } from '../live/useLive';
import { itemQueue, type SpeakerEntry } from './queue';
import './speakers.css';

export function SpeakerQueueBlock({ state, actions }: { state: ConsoleState; actions: Actions }) {
  const live = useLive('console');
  const item = state.currentItem;
  const q = itemQueue(live.speakers, state.session?.id, item?.id);
  if (!item || !state.session?.businessStarted) return null;
  const idle = actions.busy !== null;
  return (
    <section className="lc-card sq" data-testid="speaker-queue" data-waiting={q.waiting.length}>
      <h3>
        申请发言
        <span className="lc-muted">{q.waiting.length ? `等候${q.waiting.length}人` : '暂无等候'}</span>
        <span className="lc-h-actions">
          <button type="button" className="lc-btn lc-btn-small lc-btn-primary" disabled={idle || q.waiting.length === 0} onClick={() => void actions.run('请下一位发言', 'speakers.call', {})} data-testid="speaker-call-next">
            请下一位发言
          </button>
        </span>
      </h3>
      {q.all.length === 0 ? (
        <p className="lc-muted">委员可在终端上点“申请发言”。</p>
      ) : (
        <ol className="sq-list">
          {[...(q.speaking ? [q.speaking] : []), ...q.waiting, ...q.done, ...q.withdrawn].map((e) => (
            <SpeakerRow key={e.id} entry={e} order={q.waiting.indexOf(e) + 1} actions={actions} />
          ))}
        </ol>
      )}
    </section>
  );
}

function SpeakerRow({ entry: e, order, actions }: { entry: SpeakerEntry; order: number; actions: Actions }) {
  const [remark, setRemark] = useState('');
  const idle = actions.busy !== null;
  const times = [`${clockTime(e.requestedAt)}申请`, e.calledAt ? `${clockTime(e.calledAt)}请发言` : '', e.doneAt ? `${clockTime(e.doneAt)}结束` : '', e.withdrawnAt ? `${clockTime(e.withdrawnAt)}撤回` : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <li className={`sq-row is-${e.state}`} data-testid={`speaker-row-${e.id}`} data-state={e.state} data-member-id={e.memberId}>
      <span className="sq-order">{e.state === 'waiting' ? order : e.state === 'called' ? '▶' : ''}</span>
      <strong>{e.name}</strong>
      {e.seat !== null && <span className="lc-muted">{e.seat}号座</span>}
      <span className={`lc-chip sq-${e.state}`}>{SPEAKER_STATE_LABELS[e.state]}</span>
      <span className="lc-muted sq-times">{times}</span>
      {e.state === 'waiting' && (
        <button type="button" className="lc-btn lc-btn-small" disabled={idle} onClick={() => void actions.run('请发言', 'speakers.call', { id: e.id })} data-testid="speaker-call">
          请发言
        </button>
      )}
      {(e.state === 'called' || (e.state === 'done' && e.remarkId === null)) && (
        <span className="sq-remark">
          <textarea rows={2} value={remark} onChange={(ev) => setRemark(ev.target.value)} placeholder="发言内容（可选，记入该委员的审议发言）" maxLength={5000} aria-label={`${e.name}的发言内容`} data-testid="speaker-remark" />
          {e.state === 'called' ? (
            <button type="button" className="lc-btn lc-btn-small lc-btn-primary" disabled={idle} onClick={() => void actions.run('发言结束', 'speakers.finish', { id: e.id, ...(remark.trim() ? { remark } : {}) }).then((ok) => ok && setRemark(''))} data-testid="speaker-finish">
              发言结束
            </button>
          ) : (
            <button type="button" className="lc-btn lc-btn-small" disabled={idle || !remark.trim()} onClick={() => void actions.run('记录发言内容', 'speakers.attachRemark', { id: e.id, text: remark }).then((ok) => ok && setRemark(''))} data-testid="speaker-attach">
              记录发言内容
            </button>
          )}
        </span>
      )}
      {e.remarkId !== null && <span className="lc-muted" data-testid="speaker-has-remark">已记入审议发言</span>}
    </li>
  );
}
