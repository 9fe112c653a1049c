// The result of a round in the console: ranked subjects with counts per level, rate, grade and what
// follows; or the projects by votes with the tie at the cut-off.
import type { AssessmentOutcome, ProjectFinal } from '../../../../src-main/assessment/types';
import { projectStanding } from '../../../../src-main/domain/project-ballot';
import { paperSheetsNote, scaleWords } from '../../../../src-main/domain/satisfaction';

/** After runoffs: the projects selected across the rounds, each with the round that decided it. */
export function ProjectFinalList({ final: f }: { final: ProjectFinal }) {
  return (
    <div className="asc-final" data-testid="project-final" data-complete={f.complete}>
      <h4>
        最终结果（共{f.rounds}轮票决）：入选{f.selected.length}个{f.complete ? '' : `，尚有${f.placesLeft}个名额待另行票决`}
      </h4>
      <ol>
        {f.selected.map((x) => (
          <li key={x.name} data-testid="project-final-row" data-round={x.round}>
            {x.name}
            <span className="muted">（第{x.round}轮，{x.votes}票）</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ResultTable({ result: r }: { result: AssessmentOutcome }) {
  if (r.kind === 'project') {
    const tied = r.rows.filter((x) => x.tied);
    return (
      <>
        <p className="muted">
          收回选票{r.validSheets + r.invalidSheets}张{paperSheetsNote('project', r.paperSheets)}，有效票{r.validSheets}张，无效票{r.invalidSheets}张；应选{r.chooseMax}个，入选{r.selectedCount}个{r.minShareText ? `；${r.minShareText}` : ''}
        </p>
        <table className="data-table" aria-label="票决结果" data-testid="console-project-result">
          <thead>
            <tr>
              <th className="num">名次</th>
              <th>候选项目</th>
              <th className="num">得票</th>
              <th className="num">得票率</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((x) => (
              <tr key={x.index}>
                <td className="num">{x.rank}</td>
                <td>{x.name}</td>
                <td className="num">{x.votes}</td>
                <td className="num">{x.share ?? '—'}</td>
                <td>{projectStanding(x)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {tied.length > 0 && (
          <p className="note note-info">
            {tied.map((x) => x.name).join('、')}得票相同（{tied[0]!.votes}票），需就剩余{r.chooseMax - r.selectedCount}个名额另行票决：请发起新一轮。
          </p>
        )}
        {r.final && r.final.rounds > 1 && <ProjectFinalList final={r.final} />}
      </>
    );
  }
  return (
    <>
      <p className="muted">
        参加{r.eligible}人，收回测评表{r.sheetsReturned + r.sheetsSetAside}份{paperSheetsNote('satisfaction', r.paperSheets)}，计入统计{r.sheetsReturned}份{r.sheetsSetAside ? `，不计入${r.sheetsSetAside}份` : ''}；{r.ruleText}
      </p>
      <table className="data-table" aria-label="测评结果" data-testid="console-assessment-result">
        <thead>
          <tr>
            <th className="num">名次</th>
            <th>姓名</th>
            <th>单位及职务</th>
            {r.levelLabels.map((l) => (
              <th key={l} className="num">
                {l}
              </th>
            ))}
            <th className="num">未评</th>
            <th className="num">{scaleWords(r.scale).rateLabel}</th>
            <th>结果</th>
            <th>处理</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((x) => (
            <tr key={x.index}>
              <td className="num">{x.rank}</td>
              <td className="name">{x.name}</td>
              <td>
                {x.unit}
                {x.post}
              </td>
              {x.levels.map((n, l) => (
                <td key={l} className="num">
                  {n}
                </td>
              ))}
              <td className="num">{x.unmarked}</td>
              <td className="num">{x.rate ?? '—'}</td>
              <td>{x.grade}</td>
              <td>{x.consequence ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
