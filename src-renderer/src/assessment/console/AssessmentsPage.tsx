// 测评与履职 (console): run the satisfaction assessments and project ballots of a session, and keep
// each appointed official's year record. #/console/assessments[/<sessionId>] and
// #/console/assessments/officials[/<year>[/<officialId>]] (the last opens that official's record).
import { linkTo } from '../../console/route';
import { SessionAssessments } from './SessionAssessments';
import { YearRecordsPage } from './YearRecordsPage';
import './assessment-console.css';

export function AssessmentsPage({ route }: { route: string[] }) {
  const officials = route[0] === 'officials';
  return (
    <section aria-labelledby="assessments-title" className="asc">
      <div className="page-head">
        <h1 id="assessments-title">测评与履职</h1>
        <p className="page-sub">满意度测评（或称职测评）、民生实事项目票决，以及述职人员的年度履职档案（承诺、中期评议、述职、测评、整改）。</p>
      </div>
      <nav className="asc-tabs" aria-label="测评与履职">
        <a href={linkTo('assessments')} aria-current={!officials ? 'page' : undefined}>
          测评与票决
        </a>
        <a href={linkTo('assessments', 'officials')} aria-current={officials ? 'page' : undefined} data-testid="tab-year-records">
          述职人员履职档案
        </a>
      </nav>
      {officials ? <YearRecordsPage year={route[1] ? Number(route[1]) : null} officialId={route[2] ? Number(route[2]) : null} /> : <SessionAssessments sessionId={route[0] ? Number(route[0]) : null} />}
    </section>
  );
}
