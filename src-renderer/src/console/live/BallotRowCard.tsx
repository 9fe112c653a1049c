// One ballot (one round) in the console: 开始表决 / 结束表决 / 宣布结果, the manual result form for a
// show of hands or paper ballot (and its correction before the announcement, with a reason), live
// progress, the rule with its base and required count, and once closed the result and 通过 / 未通过;
// 作废本轮 when the round's receipts cannot be opened here.
import { useState } from 'react';
import { paperSheetsText, type PaperSheets } from '../../../../src-main/domain/paper-ballot';
import { TIME_UP, timeIsUp, timerHeldWords } from '../../../../src-main/domain/time-up';
import { verdictWord } from '../../../../src-main/domain/vote';
import { BALLOT_STATE_TEXT, METHOD_TEXT, PRESS_RULE_TEXT, closeRoundQuestion, formatSeconds } from '../../live/labels';
import type { ConsoleBallotRow } from '../../live/protocol';
import { useCountdown } from '../../live/useCountdown';
import { VoidRoundForm } from '../../components/VoidRoundForm';
import type { Actions } from './admin-actions';
import { VoidedAttempts } from '../../components/VoidedAttempts';

export function BallotRowCard({ ballot: b, actions, clockOffsetMs }: { ballot: ConsoleBallotRow; actions: Actions; clockOffsetMs: number }) {
  const idle = actions.busy !== null;
  const seconds = useCountdown(b.state === 'open' ? b.closesAt : null, clockOffsetMs);
  const r = b.result;
  const [confirmClose, setConfirmClose] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  return (
    <div className={`lc-ballot is-${b.state}`} data-testid={`ballot-row-${b.id}`} data-state={b.state} data-ballot-id={b.id}>
      <div className="lc-ballot-head">
        <span className={`lc-chip ballot-${b.state}`}>{BALLOT_STATE_TEXT[b.state]}</span>
        <strong className="lc-ballot-subject">{b.subject}</strong>
        <span className="lc-muted">
          第{b.round}轮 · {METHOD_TEXT[b.method]} · {b.secret ? '无记名' : '记名'}
          {b.method === 'electronic' ? ` · ${PRESS_RULE_TEXT[b.pressRule]}` : ''}
        </span>
      </div>
      {b.rule && (
        <p className="lc-muted lc-requirement" data-testid="ballot-requirement" data-threshold={b.rule.threshold}>
          通过条件：{b.rule.threshold}
          {b.rule.requirement ? `，${b.rule.requirement}` : ''}
        </p>
      )}

      {b.state === 'draft' && b.method === 'electronic' && (
        <div className="lc-ballot-actions">
          <button type="button" className="lc-btn lc-btn-go" disabled={idle} onClick={() => void actions.run('开始表决', 'ballots.open', { ballotId: b.id }, `ballot-${b.id}`)} data-testid="ballot-open">
            开始表决
          </button>
        </div>
      )}
      {actions.error && actions.errorAt === `ballot-${b.id}` && (
        <p className="lc-error" role="alert" data-testid="ballot-row-error">
          {actions.error}
          <button type="button" className="lc-x" onClick={actions.clearError} aria-label="关闭">
            ×
          </button>
        </p>
      )}
      {b.state === 'draft' && b.method !== 'electronic' && <ManualResultForm ballot={b} actions={actions} />}

      {b.state === 'open' && (
        <div className="lc-ballot-live">
          <span className="lc-progress" data-testid="ballot-progress" data-voted={b.voted} data-eligible={b.eligible}>
            已表决 <strong>{b.voted}</strong> / {b.eligible}
          </span>
          <span className="lc-bar">
            <span style={{ width: `${b.eligible ? (100 * b.voted) / b.eligible : 0}%` }} />
          </span>
          {seconds !== null && (
            // Held (ballot-timer-held): the time has run out on the server, whatever this clock says.
            <span className="lc-countdown" data-testid="ballot-countdown">
              {b.timerHeld || timeIsUp(seconds) ? TIME_UP : `剩余 ${formatSeconds(seconds)}`}
            </span>
          )}
          {b.timerHeld && (
            // Why it is still open, as it is now: the notice pending, the store stopped, or waiting for 结束表决.
            <span className="lc-error" role="alert" data-testid="ballot-timer-held" data-hold={b.timerHeld}>
              {timerHeldWords(b.timerHeld)}
            </span>
          )}
          {b.liveCounts && (
            <span className="lc-muted" data-testid="ballot-live-counts">
              赞成{b.liveCounts.yes} 反对{b.liveCounts.no} 弃权{b.liveCounts.abstain}
            </span>
          )}
          {confirmClose ? (
            // Closing asks first and says how many have not voted.
            <span className="lc-confirm" role="alertdialog" data-testid="ballot-close-question">
              {closeRoundQuestion('ballot', b.voted, b.eligible)}
              <button
                type="button"
                className="lc-btn lc-btn-danger"
                disabled={idle}
                onClick={() => void actions.run('结束表决', 'ballots.close', { ballotId: b.id }).then(() => setConfirmClose(false))}
                data-testid="ballot-close-confirm"
              >
                结束表决
              </button>
              <button type="button" className="lc-btn" onClick={() => setConfirmClose(false)} data-testid="ballot-close-cancel">
                取消
              </button>
            </span>
          ) : (
            // A round whose receipts cannot be opened here cannot be closed: 作废本轮 below instead.
            !b.keyLost && (
              <button type="button" className="lc-btn lc-btn-danger" disabled={idle} onClick={() => setConfirmClose(true)} data-testid="ballot-close">
                结束表决
              </button>
            )
          )}
        </div>
      )}

      <VoidedAttempts kind="ballot" voids={b.voids} heldAgain={b.state !== 'draft'} />

      {b.state === 'open' && b.keyLost && (
        <VoidRoundForm noun="表决" busy={idle} buttonClass="lc-btn lc-btn-danger" onVoid={(reason) => actions.run('作废本轮', 'ballots.void', { ballotId: b.id, reason })} />
      )}

      {(b.state === 'closed' || b.state === 'announced') && r && (
        <div className="lc-ballot-result" data-testid="ballot-result" data-adopted={r.adopted ? 'true' : 'false'}>
          <span className={`lc-verdict ${r.adopted ? 'is-adopted' : 'is-rejected'}`} data-testid="ballot-verdict">
            {verdictWord(r)}
          </span>
          <span className="lc-result-text">
            {r.sheets && <small data-testid="ballot-sheets">{paperSheetsText(r.sheets)}</small>}
            {r.announcement}
            <small data-testid="ballot-verdict-text">{r.verdict ?? `${r.rule}，需赞成${r.required}票`}</small>
          </span>
          <span className="lc-ballot-actions">
            {b.state === 'closed' ? (
              <>
                <button type="button" className="lc-btn lc-btn-primary" disabled={idle} onClick={() => void actions.run('宣布结果', 'ballots.announce', { ballotId: b.id })} data-testid="ballot-announce">
                  宣布结果
                </button>
                {b.method !== 'electronic' && !correcting && (
                  <button type="button" className="lc-btn" disabled={idle} onClick={() => setCorrecting(true)} data-testid="ballot-correct">
                    更正结果
                  </button>
                )}
              </>
            ) : (
              <span className="lc-muted">已在大屏和终端宣布</span>
            )}
            <button type="button" className="lc-btn" disabled={idle} onClick={() => void actions.pdf('ballotResult', b.id)} data-testid="pdf-ballot-result">
              表决结果 PDF
            </button>
          </span>
        </div>
      )}
      {b.state === 'closed' && r && correcting && <ManualResultForm ballot={b} actions={actions} correct={{ from: r, done: () => setCorrecting(false) }} />}
    </div>
  );
}

/**
 * The counts of a show of hands or paper ballot; with `correct`, a correction of the counts entered
 * (before the announcement), which needs a reason kept in the audit log.
 */
function ManualResultForm({
  ballot,
  actions,
  correct,
}: {
  ballot: ConsoleBallotRow;
  actions: Actions;
  correct?: { from: { yes: number; no: number; abstain: number; sheets?: PaperSheets | null }; done: () => void };
}) {
  const c = correct?.from;
  const s = c?.sheets;
  const paper = ballot.method === 'paper';
  const [v, setV] = useState({
    yes: c ? String(c.yes) : '',
    no: c ? String(c.no) : '',
    abstain: c ? String(c.abstain) : '',
    issued: s ? String(s.issued) : '',
    returned: s ? String(s.returned) : '',
    invalid: s ? String(s.invalid) : '0',
  });
  const [reason, setReason] = useState('');
  type Key = keyof typeof v;
  // a paper ballot's sheets: 发出 / 收回 / 无效 (a paper result entered before they were asked may be corrected without them)
  const sheetKeys: Key[] = paper && (!c || s) ? ['issued', 'returned', 'invalid'] : [];
  const valid = (['yes', 'no', 'abstain', ...sheetKeys] as Key[]).every((k) => /^\d+$/.test(v[k])) && (!correct || reason.trim() !== '');
  const prefix = correct ? 'correct' : 'manual';
  const fields: [Key, string][] = [
    ...(sheetKeys.length
      ? ([
          ['issued', '发出表决票'],
          ['returned', '收回'],
          ['invalid', '其中无效票'],
        ] as [Key, string][])
      : []),
    ['yes', '赞成'],
    ['no', '反对'],
    ['abstain', '弃权'],
  ];
  return (
    <form
      className="lc-manual"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        const sheets = sheetKeys.length ? { sheets: { issued: Number(v.issued), returned: Number(v.returned), invalid: Number(v.invalid) } } : {};
        const counts = { ballotId: ballot.id, yes: Number(v.yes), no: Number(v.no), abstain: Number(v.abstain), ...sheets };
        if (correct) void actions.run('更正结果', 'ballots.correctResult', { ...counts, reason: reason.trim() }).then((ok) => ok && correct.done());
        else void actions.run('录入结果', 'ballots.enterResult', counts, `ballot-${ballot.id}`);
      }}
      data-testid={correct ? 'ballot-correct-form' : undefined}
    >
      <span className="lc-muted">{correct ? '更正录入的结果（宣布前）：' : ballot.method === 'paper' ? '计票后录入纸质票结果：' : '清点举手后录入结果：'}</span>
      {fields.map(([k, label]) => (
        <label key={k} className="lc-field lc-inline">
          <span>{label}</span>
          <input type="number" min={0} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} data-testid={`${prefix}-${k}`} />
        </label>
      ))}
      {correct && (
        <label className="lc-field lc-inline">
          <span>更正原因</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="如：重新清点举手人数" data-testid="correct-reason" />
        </label>
      )}
      <button type="submit" className="lc-btn lc-btn-primary" disabled={!valid || actions.busy !== null} data-testid={correct ? 'ballot-correct-save' : 'ballot-enter-result'}>
        {correct ? '保存更正' : '录入结果'}
      </button>
    </form>
  );
}
