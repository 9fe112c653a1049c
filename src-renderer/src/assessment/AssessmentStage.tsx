// The big screen during and after an assessment or project ballot. It covers the stage (1920×1080)
// above the footer: while open only "已提交 N / M" (never what anyone marked); once announced the
// ranked table with a bar per subject (two columns when there are many), or the projects by votes.
import type { ProjectOutcome, PublicAssessment, SatisfactionOutcome } from '../../../src-main/assessment/types';
import { projectStanding } from '../../../src-main/domain/project-ballot';
import { paperSheetsNote, scaleWords } from '../../../src-main/domain/satisfaction';
import type { LiveSnapshot } from '../live/protocol';
import './assessment-display.css';

/** Renders nothing unless an assessment is in focus and past its draft. */
export function AssessmentStage({ state }: { state: LiveSnapshot }) {
  const a = state.assessment;
  if (!a || a.state === 'draft' || !state.session) return null;
  const kindWord = a.kind === 'project' ? '票决' : scaleWords(a.scale ?? 'three').scaleTitle;
  return (
    <section className={`asa-stage is-${a.state}`} data-testid="display-assessment" data-state={a.state} data-kind={a.kind}>
      <header className="asa-head">
        <span className="asa-tag">无记名{kindWord}</span>
        {a.round > 1 && <span className="asa-tag">第{a.round}轮</span>}
        <h2 className="asa-title" data-testid="display-assessment-title">
          {a.title}
        </h2>
      </header>
      {a.state === 'announced' && a.result ? (
        a.result.kind === 'satisfaction' ? (
          <SatisfactionBoard r={a.result} />
        ) : (
          <ProjectBoard r={a.result} />
        )
      ) : a.state === 'open' ? (
        <Progress a={a} />
      ) : (
        <p className="asa-wait" data-testid="display-assessment-closed">
          {kindWord}结束，等待宣布结果
        </p>
      )}
    </section>
  );
}

function Progress({ a }: { a: PublicAssessment }) {
  if (a.method !== 'electronic') return <p className="asa-wait">请按主持人要求填写纸质{a.kind === 'project' ? '选票' : '测评表'}</p>;
  return (
    <div className="asa-progress" data-testid="display-assessment-progress" data-submitted={a.submitted} data-eligible={a.eligible}>
      <span className="asa-progress-label">已提交</span>
      <span className="asa-progress-n">
        {a.submitted}
        <span className="asa-progress-of"> / {a.eligible}</span>
      </span>
      <div className="asa-bar-track is-wide">
        <div className="asa-bar" style={{ width: `${a.eligible ? (100 * a.submitted) / a.eligible : 0}%` }} />
      </div>
      <p className="asa-note">
        测评对象{a.subjects.length}{a.kind === 'project' ? `个，每票最多选${a.chooseMax}个` : '位'}
      </p>
    </div>
  );
}

/** The rate as a number for the bar's width: "87.88%" → 87.88. */
const width = (rate: string | null) => (rate ? Number(rate.replace('%', '')) : 0);

function SatisfactionBoard({ r }: { r: SatisfactionOutcome }) {
  const columns = r.rows.length > 14 ? 2 : 1;
  const per = Math.ceil(r.rows.length / columns);
  const parts = Array.from({ length: columns }, (_, c) => r.rows.slice(c * per, (c + 1) * per));
  const dense = per > 14;
  return (
    <div className="asa-board">
      <p className="asa-summary" data-testid="display-assessment-summary">
        参加测评{r.eligible}人，收回测评表{r.sheetsReturned + r.sheetsSetAside}份{paperSheetsNote('satisfaction', r.paperSheets)}，计入统计{r.sheetsReturned}份　按{scaleWords(r.scale).rateLabel}排名
      </p>
      <div className={`asa-columns cols-${columns} ${dense ? 'is-dense' : ''}`}>
        {parts.map((rows, c) => (
          <ol key={c} className="asa-table">
            {rows.map((x) => (
              <li
                key={x.index}
                className={`asa-row grade-${r.levelLabels.indexOf(x.grade)} ${x.consequence ? 'has-consequence' : ''}`}
                data-testid="display-assessment-row"
                data-rank={x.rank}
                data-name={x.name}
                data-rate={x.rate ?? ''}
                data-grade={x.grade}
              >
                <span className="asa-rank">{x.rank}</span>
                <span className="asa-name">{x.name}</span>
                <span className="asa-unit">{`${x.unit}${x.post}`}</span>
                <span className="asa-bar-track">
                  <span className="asa-bar" style={{ width: `${width(x.rate)}%` }} />
                </span>
                <span className="asa-rate">{x.rate ?? '—'}</span>
                <span className="asa-grade">{x.grade}</span>
              </li>
            ))}
          </ol>
        ))}
      </div>
    </div>
  );
}

function ProjectBoard({ r }: { r: ProjectOutcome }) {
  const tied = r.rows.filter((x) => x.tied);
  return (
    <div className="asa-board">
      <p className="asa-summary" data-testid="display-assessment-summary">
        收回选票{r.validSheets + r.invalidSheets}张{paperSheetsNote('project', r.paperSheets)}，有效{r.validSheets}张，无效{r.invalidSheets}张　应选{r.chooseMax}个，入选{r.selectedCount}个
      </p>
      <ol className="asa-table asa-projects">
        {r.rows.map((x) => (
          <li
            key={x.index}
            className={`asa-row ${x.selected ? 'is-selected' : x.tied ? 'is-tied' : 'is-out'}`}
            data-testid="display-project-row"
            data-rank={x.rank}
            data-name={x.name}
            data-votes={x.votes}
            data-verdict={x.selected ? 'selected' : x.tied ? 'tied' : 'out'}
          >
            <span className="asa-rank">{x.rank}</span>
            <span className="asa-name">{x.name}</span>
            <span className="asa-bar-track">
              <span className="asa-bar" style={{ width: `${r.validSheets ? (100 * x.votes) / r.validSheets : 0}%` }} />
            </span>
            <span className="asa-rate">{x.votes}票</span>
            <span className="asa-grade">{projectStanding(x, 'short')}</span>
          </li>
        ))}
      </ol>
      {tied.length > 0 && (
        <p className="asa-tie" data-testid="display-project-tie">
          {tied.map((x) => x.name).join('、')}得票相同（{tied[0]!.votes}票），需就剩余{r.chooseMax - r.selectedCount}个名额另行票决
        </p>
      )}
      {r.final && r.final.rounds > 1 && (
        <p className="asa-final" data-testid="display-project-final">
          最终入选{r.final.selected.length}个：{r.final.selected.map((x) => `${x.name}（第${x.round}轮）`).join('、')}
          {r.final.complete ? '' : `；尚有${r.final.placesLeft}个名额待另行票决`}
        </p>
      )}
    </div>
  );
}
