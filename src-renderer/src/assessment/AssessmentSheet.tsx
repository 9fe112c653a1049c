// The assessment or project ballot on a member's terminal: one sheet listing every subject, filled in
// with large touch targets, submitted once after a confirmation that lists what is left unmarked.
// "已提交" shows only what the server acknowledged (or me.sheetSubmitted after a reload).
import type { CommandOutput } from '../api';
import type { LiveCmd } from '../live/client';
import { useState, type ReactNode } from 'react';
import type { PublicAssessment } from '../../../src-main/assessment/types';
import type { TerminalState } from '../live/protocol';
import { ProjectSheet } from './ProjectSheet';
import { SatisfactionSheet } from './SatisfactionSheet';
import { clearDraft } from './sheet-draft';
import { TerminalOutcome } from './TerminalOutcome';
import { leftRefusal } from '../../../src-main/domain/attendance';
import './assessment-terminal.css';

type Cmd = LiveCmd;

/** What terminal.submitSheet answers (the command map's type). */
type SheetAnswer = CommandOutput<'terminal.submitSheet'>;

export interface SubmitFn {
  (marks: (number | null)[]): Promise<string | null>;
}

/** Renders nothing unless an assessment is in focus. Mount with key={assessment.id} for a clean slate. */
export function AssessmentSheet({ state, cmd, connected }: { state: TerminalState; cmd: Cmd; connected: boolean }) {
  const a = state.assessment;
  if (!a || a.state === 'draft' || state.session?.status !== 'open') return null;
  return <SheetCard key={a.id} a={a} state={state} cmd={cmd} connected={connected} />;
}

function SheetCard({ a, state, cmd, connected }: { a: PublicAssessment; state: TerminalState; cmd: Cmd; connected: boolean }) {
  const [answer, setAnswer] = useState<SheetAnswer | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { me } = state;
  const submitted = answer !== null || me.sheetSubmitted === true;
  const kindWord = a.kind === 'project' ? '票决' : '测评';

  const submit: SubmitFn = async (marks) => {
    setSubmitting(true);
    const r = await cmd('terminal.submitSheet', { assessmentId: a.id, marks }, { resend: true });
    setSubmitting(false);
    if (!r.ok) return r.error.message;
    clearDraft(a.id);
    setAnswer(r.value);
    return null;
  };

  let body: ReactNode;
  if (me.kind === 'attendee') {
    body = <p className="asm-note">列席人员不参加{kindWord}</p>;
  } else if (a.state === 'announced' && a.result) {
    body = <TerminalOutcome a={a} submitted={submitted} />;
  } else if (a.state !== 'open') {
    body = (
      <p className="asm-note" data-testid="sheet-closed">
        {submitted ? `您的${a.kind === 'project' ? '选票' : '测评表'}已提交。` : ''}
        {kindWord}已结束，等待宣布结果
      </p>
    );
  } else if (a.method !== 'electronic') {
    body = <p className="asm-note">本次{kindWord}使用纸质{a.kind === 'project' ? '选票' : '测评表'}，请按主持人的要求填写</p>;
  } else if (submitted) {
    body = (
      <div className="asm-done" data-testid="sheet-submitted">
        <p className="asm-done-text">
          {a.kind === 'project' ? '选票' : '测评表'}已提交
          {answer?.counted === false ? '（有未填写的测评对象，按规定本表不计入统计）' : ''}
        </p>
        <p className="asm-note">无记名{kindWord}：系统只记录您已提交，不记录您的选择。</p>
      </div>
    );
  } else if (!me.canSubmitSheet) {
    body = (
      <p className="asm-note" data-testid="sheet-not-eligible">
        {me.attendance === 'left'
          ? leftRefusal(`提交${a.kind === 'project' ? '选票' : '测评表'}`)
          : me.attendance === 'present'
            ? `${kindWord}开始时您尚未签到，不参加本次${kindWord}`
            : `您未签到，不能参加本次${kindWord}`}
      </p>
    );
  } else if (a.kind === 'project') {
    body = <ProjectSheet a={a} submitting={submitting} connected={connected} onSubmit={submit} />;
  } else {
    body = <SatisfactionSheet a={a} submitting={submitting} connected={connected} onSubmit={submit} />;
  }

  return (
    <section className={`asm-card is-${a.state}`} data-testid="assessment-sheet" data-assessment-id={a.id} data-state={a.state} data-kind={a.kind}>
      <header className="asm-head">
        <div className="asm-tags">
          <span className="tag tag-secret">无记名{kindWord}</span>
          {a.round > 1 && <span className="tag">第{a.round}轮</span>}
          {a.state === 'open' && a.method === 'electronic' && (
            <span className="tag" data-testid="sheet-progress">
              已提交 {a.submitted} / {a.eligible}
            </span>
          )}
        </div>
        <h2 className="asm-title">{a.title}</h2>
      </header>
      {body}
    </section>
  );
}
