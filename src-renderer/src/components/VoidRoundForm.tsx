// 作废本轮: shown on an open round whose sealed receipts cannot be opened on this machine (its key is
// gone: a data folder moved mid-round, a backup from mid-round restored). Says why the round cannot be
// closed and takes the reason for voiding it; the server discards the receipts unread and the round
// goes back to 未开始, ready to be held again (RoundEngine.voidRound).
import { useState } from 'react';

export function VoidRoundForm({ noun, busy, onVoid, buttonClass }: { noun: string; busy: boolean; onVoid: (reason: string) => Promise<unknown>; buttonClass: string }) {
  const [reason, setReason] = useState('');
  return (
    <form
      className="void-round"
      role="alert"
      data-testid="void-round"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) void onVoid(reason.trim());
      }}
    >
      <p className="note note-error">
        本轮{noun}的密钥在这台计算机上无法打开，已提交的票无法计入，本轮不能正常结束。请作废本轮：已提交的票将被清除（不会被读取），本轮回到“未开始”，可重新开始{noun}。
      </p>
      <label className="void-round-reason">
        <span>作废原因</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="如：会议用计算机故障，数据已移至备用计算机" data-testid="void-reason" />
      </label>
      <button type="submit" className={buttonClass} disabled={busy || !reason.trim()} data-testid="void-confirm">
        作废本轮
      </button>
    </form>
  );
}
