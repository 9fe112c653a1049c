// 暂不付表决 / 撤回 (a bill's 提案人, a 任免案's 提请人, a 质询案's 提出人: the menu by the item's kind, dispositionChoices) on the current item: the secretary records the chair's decision (on the 主任会议's
// proposal) or the proposer's withdrawal with the reason stated; once recorded the item shows its line
// (domain/item-disposition.ts) and no round of it begins; 撤销 undoes it before 闭会, with the reason
// the secretary types. The item's decisions undone earlier are listed in the words the 会议记录 prints.
import { useEffect, useState } from 'react';
import { dispositionChoices, dispositionLabel, undoneDispositionLine, withdrawer, type DispositionKind } from '../../../../src-main/domain/item-disposition';
import type { ItemDisposition } from '../../../../src-main/store/item-dispositions';
import { call } from '../../api';
import { clockTime } from '../../live/labels';
import type { LiveItem } from '../../../../src-main/meeting/types';
import type { Actions } from './admin-actions';

const placeholder = (kind: DispositionKind, item: LiveItem['kind']) =>
  kind === 'deferred' ? '如：部分条款争议较大，主任会议建议暂不付表决，进一步调研论证' : `如：${withdrawer(item)}书面要求撤回，主任会议同意`;

export function DispositionBlock({ item, actions, roundOpen }: { item: LiveItem; actions: Actions; roundOpen: boolean }) {
  const [asking, setAsking] = useState<DispositionKind | null>(null);
  const [reason, setReason] = useState('');
  const busy = actions.busy !== null;
  const d = item.disposition;
  const [undoing, setUndoing] = useState(false);
  const history = <UndoneHistory item={item} />;
  if (d) {
    const undo = () =>
      void actions.run(`撤销${d.label}`, 'agenda.undoDisposition', { itemId: item.id, reason: reason.trim() }).then((v) => {
        if (v) {
          setUndoing(false);
          setReason('');
        }
      });
    return (
      <section className="lc-card lc-disposition" data-testid="item-disposition" data-kind={d.kind}>
        <p className="lc-warn" data-testid="item-disposition-line">
          {d.line}
        </p>
        {undoing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) undo();
            }}
          >
            <label>
              <span>撤销“{d.label}”的理由</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="如：主任会议研究后，主持人决定本次会议付表决" data-testid="disposition-undo-reason" />
            </label>
            <button type="submit" className="lc-btn lc-btn-primary" disabled={busy || !reason.trim()} data-testid="disposition-undo-confirm">
              撤销“{d.label}”
            </button>
            <button type="button" className="lc-btn" onClick={() => setUndoing(false)}>
              取消
            </button>
          </form>
        ) : (
          <button type="button" className="lc-btn" disabled={busy} onClick={() => setUndoing(true)} data-testid="disposition-undo">
            撤销“{d.label}”…
          </button>
        )}
        {history}
      </section>
    );
  }
  const choices = dispositionChoices(item.kind);
  if (!choices.length) return null;
  return (
    <section className="lc-card lc-disposition" data-testid="item-disposition-actions">
      {asking ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            void actions.run(dispositionLabel(asking, item.kind), 'agenda.dispose', { itemId: item.id, kind: asking, reason: reason.trim() }).then((v) => {
              if (v) {
                setAsking(null);
                setReason('');
              }
            });
          }}
        >
          <label>
            <span>{dispositionLabel(asking, item.kind)}的理由</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder={placeholder(asking, item.kind)} data-testid="disposition-reason" />
          </label>
          <button type="submit" className="lc-btn lc-btn-primary" disabled={busy || !reason.trim()} data-testid="disposition-confirm">
            记为{dispositionLabel(asking, item.kind)}
          </button>
          <button type="button" className="lc-btn" onClick={() => setAsking(null)}>
            取消
          </button>
        </form>
      ) : (
        choices.map((c) => (
          <button key={c.kind} type="button" className="lc-btn" disabled={busy || roundOpen} title={roundOpen ? '表决进行中，请先结束表决' : undefined} onClick={() => setAsking(c.kind)} data-testid={`disposition-${c.kind}`}>
            {c.label}…
          </button>
        ))
      )}
      {history}
    </section>
  );
}

/** The item's decisions recorded and undone, asked again whenever its standing line changes. */
function UndoneHistory({ item }: { item: LiveItem }) {
  const [undone, setUndone] = useState<ItemDisposition[]>([]);
  const line = item.disposition?.line ?? null;
  useEffect(() => {
    let live = true;
    void call('agenda.dispositions', { itemId: item.id }).then((r) => live && r.ok && setUndone(r.value.filter((x) => x.undoneAt !== null)));
    return () => {
      live = false;
    };
  }, [item.id, line]);
  if (!undone.length) return null;
  return (
    <ul className="lc-disposition-history" data-testid="disposition-history">
      {undone.map((x) => (
        <li key={x.id}>{undoneDispositionLine(x, item.kind, { recorded: clockTime(x.recordedAt), undone: clockTime(x.undoneAt) })}</li>
      ))}
    </ul>
  );
}
