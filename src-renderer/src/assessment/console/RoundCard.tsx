// One round of an assessment or project ballot in the console: state, progress (how many sheets,
// never whose), start / close / announce, paper tallies, the result and its PDFs; 作废本轮 when the
// round's sheets cannot be opened here.
import { useState } from 'react';
import type { PublicAssessment } from '../../../../src-main/assessment/types';
import { scaleWords } from '../../../../src-main/domain/satisfaction';
import { call, downloadBase64 } from '../../api';
import { ErrorNote, OkNote } from '../../components/Notice';
import { VoidedAttempts } from '../../components/VoidedAttempts';
import { VoidRoundForm } from '../../components/VoidRoundForm';
import { closeRoundQuestion } from '../../live/labels';
import { useAction } from '../../console/useCommand';
import type { ConsoleRound } from './ItemPanel';
import { PaperEntry } from './PaperEntry';
import { PaperSheetEntry } from './PaperSheetEntry';
import { ResultTable } from './ResultTable';

const STATE_TEXT = { draft: '未开始', open: '进行中', closed: '已结束', announced: '已宣布' } as const;

export function RoundCard({ round, focus, isLive, reload }: { round: ConsoleRound; focus: PublicAssessment | null; isLive: boolean; reload: () => void }) {
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const r = focus ? { ...round, submitted: focus.submitted, eligible: focus.eligible, state: focus.state } : round;
  const word = round.kind === 'project' ? '票决' : '测评';
  const step = async (name: 'assessments.open' | 'assessments.close' | 'assessments.announce', done: string) => {
    const v = await action.run(() => call(name, { assessmentId: round.id }));
    if (v) {
      setNotice(done);
      reload();
    }
  };
  const pdf = async (document: 'result' | 'categories') => {
    const f = await action.run(() => call('assessments.pdf', { assessmentId: round.id, document }));
    if (f) {
      downloadBase64(f.fileName, f.mime, f.base64);
      setNotice(`已生成：${f.fileName}`);
    }
  };
  return (
    <section className={`asc-round is-${r.state}`} data-testid={`assessment-round-${round.id}`} data-state={r.state}>
      <header className="asc-round-head">
        <strong>第{round.round}轮</strong>
        <span className={`chip ${r.state === 'open' ? 'chip-ok' : 'chip-muted'}`}>{STATE_TEXT[r.state]}</span>
        <span className="muted">
          {round.method === 'paper' ? '纸质' : '电子'}
          {round.kind === 'satisfaction' && `，${round.levels.join('／')}`}
          {round.kind === 'satisfaction' && (round.rule === 'grade' ? '，按全体组成人员半数定等次' : `，按${scaleWords(round.scale ?? 'three').rateLabel}`)}
          {round.kind === 'satisfaction' && !round.countIncompleteSheets && '，有未填对象的测评表不计入'}
          {round.year !== null && `，计入${round.year}年度履职档案`}
        </span>
        {round.method === 'electronic' && r.state !== 'draft' && (
          <span className="asc-progress" data-testid="assessment-progress">
            已提交 {r.submitted} / {r.eligible}
          </span>
        )}
        <span className="push-right">
          {r.state === 'draft' && round.method === 'electronic' && (
            <button type="button" className="btn btn-primary" disabled={action.busy || !isLive} onClick={() => void step('assessments.open', `${word}已开始`)} data-testid="assessment-open">
              开始{word}
            </button>
          )}
          {r.state === 'open' &&
            !round.keyLost && // its sheets cannot be opened here: 作废本轮 below instead of closing
            (confirmClose ? (
              // Closing asks first and says how many sheets are missing.
              <span className="asc-confirm" role="alertdialog" data-testid="assessment-close-question">
                {closeRoundQuestion(round.kind === 'project' ? 'project' : 'satisfaction', r.submitted, r.eligible)}
                <button
                  type="button"
                  className="btn btn-danger"
                  disabled={action.busy}
                  onClick={() => void step('assessments.close', `${word}已结束`).then(() => setConfirmClose(false))}
                  data-testid="assessment-close-confirm"
                >
                  结束{word}
                </button>
                <button type="button" className="btn" onClick={() => setConfirmClose(false)} data-testid="assessment-close-cancel">
                  取消
                </button>
              </span>
            ) : (
              <button type="button" className="btn btn-danger" disabled={action.busy} onClick={() => setConfirmClose(true)} data-testid="assessment-close">
                结束{word}
              </button>
            ))}
          {r.state === 'closed' && (
            <button type="button" className="btn btn-primary" disabled={action.busy} onClick={() => void step('assessments.announce', '已宣布结果')} data-testid="assessment-announce">
              宣布结果
            </button>
          )}
          {r.state === 'closed' && round.method === 'paper' && round.result && !correcting && (
            <button type="button" className="btn" disabled={action.busy} onClick={() => setCorrecting(true)} data-testid="assessment-correct">
              更正统计结果
            </button>
          )}
          {round.result && (
            <>
              <button type="button" className="btn" disabled={action.busy} onClick={() => void pdf('result')} data-testid="assessment-pdf-result">
                {round.kind === 'project' ? '票决结果' : '结果统计表'} PDF
              </button>
              {round.kind === 'satisfaction' && (
                <button type="button" className="btn" disabled={action.busy} onClick={() => void pdf('categories')} data-testid="assessment-pdf-categories">
                  分类汇总 PDF
                </button>
              )}
            </>
          )}
        </span>
      </header>
      <VoidedAttempts kind={round.kind === 'project' ? 'project' : 'satisfaction'} voids={round.voids} heldAgain={r.state !== 'draft'} />
      {r.state === 'open' && round.keyLost && (
        <VoidRoundForm
          noun={word}
          busy={action.busy}
          buttonClass="btn btn-danger"
          onVoid={async (reason) => {
            if (await action.run(() => call('assessments.void', { assessmentId: round.id, reason }))) {
              setNotice(`本轮${word}已作废，可重新开始`);
              reload();
            }
          }}
        />
      )}
      <ErrorNote error={action.error} />
      <OkNote>{notice}</OkNote>
      {round.method === 'paper' && !round.result && <PaperEntry round={round} onDone={() => { setNotice('已录入纸质统计结果'); reload(); }} />}
      {round.method === 'paper' && round.result && correcting && r.state === 'closed' && (
        <PaperEntry
          round={round}
          correct
          onDone={() => {
            setCorrecting(false);
            setNotice('已更正统计结果（原因已记入审计日志）');
            reload();
          }}
        />
      )}
      {round.method === 'electronic' && r.state === 'open' && <PaperSheetEntry round={round} onDone={reload} />}
      {round.result && <ResultTable result={round.result} />}
    </section>
  );
}
