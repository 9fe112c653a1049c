// Paper fallback: the secretary types the tallies counted from the paper sheets. Satisfaction: the
// sheets counted and, per subject, the votes per level (未评 follows). Project ballot: valid and
// invalid sheets (a sheet marking more than N is invalid) and the votes per candidate. A tally entered
// wrongly is corrected here before the result is announced (`correct`), with a reason for the audit log.
import { useState } from 'react';
import type { AssessmentOutcome } from '../../../../src-main/assessment/types';
import { call } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useAction } from '../../console/useCommand';
import type { ConsoleRound } from './ItemPanel';

const num = (v: string) => (v.trim() === '' ? 0 : Math.max(0, Math.floor(Number(v)) || 0));

/** The form's cells from a stored result (for a correction): per subject in sheet order. */
function cellsOf(round: ConsoleRound, r: AssessmentOutcome | null | undefined): { returned: string; aside: string; cells: string[][] } {
  if (!r) return { returned: '', aside: '', cells: round.subjects.map(() => round.levels.map(() => '')) };
  const byIndex = new Map(r.rows.map((row) => [row.index, row]));
  if (r.kind === 'project') return { returned: String(r.validSheets), aside: String(r.invalidSheets), cells: round.subjects.map((_, i) => [String(r.rows.find((x) => x.index === i)?.votes ?? 0)]) };
  return { returned: String(r.sheetsReturned), aside: String(r.sheetsSetAside), cells: round.subjects.map((_, i) => (byIndex.get(i) as { levels?: number[] } | undefined)?.levels?.map(String) ?? round.levels.map(() => '0')) };
}

export function PaperEntry({ round, onDone, correct }: { round: ConsoleRound; onDone: () => void; correct?: boolean }) {
  const action = useAction();
  const project = round.kind === 'project';
  const initial = cellsOf(round, correct ? round.result : null);
  const [returned, setReturned] = useState(initial.returned);
  const [aside, setAside] = useState(initial.aside);
  const [cells, setCells] = useState<string[][]>(initial.cells);
  const [reason, setReason] = useState('');
  const set = (i: number, l: number, v: string) => setCells((prev) => prev.map((row, j) => (j === i ? row.map((c, k) => (k === l ? v : c)) : row)));

  const save = async () => {
    const levels = cells.map((row) => row.map(num));
    const tallies = project
      ? { assessmentId: round.id, projectTallies: { votes: levels.map((row) => row[0]!), validSheets: num(returned), invalidSheets: num(aside) } }
      : { assessmentId: round.id, satisfaction: { sheetsReturned: num(returned), sheetsSetAside: num(aside), levels } };
    const r = await action.run(() => (correct ? call('assessments.correctPaper', { ...tallies, reason }) : call('assessments.enterPaper', tallies)));
    if (r) onDone();
  };

  return (
    <form
      className="asc-paper"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid={correct ? 'paper-correct' : 'paper-entry'}
    >
      <h3>
        {correct ? '更正' : '录入'}纸质{project ? '选票' : '测评表'}统计结果
      </h3>
      <div className="asc-paper-totals">
        <label>
          {project ? '有效票（张）' : '计入统计的测评表（份）'}
          <input type="number" min={0} value={returned} onChange={(e) => setReturned(e.target.value)} aria-label={project ? '有效票' : '计入统计的测评表'} />
        </label>
        {(project || !round.countIncompleteSheets) && (
          <label>
            {project ? `无效票（张，含选择超过${round.chooseMax}个的）` : '有未填对象、不计入的测评表（份）'}
            <input type="number" min={0} value={aside} onChange={(e) => setAside(e.target.value)} aria-label={project ? '无效票' : '不计入的测评表'} />
          </label>
        )}
      </div>
      <table className="data-table asc-paper-table">
        <thead>
          <tr>
            <th className="num">序号</th>
            <th>{project ? '候选项目' : '测评对象'}</th>
            {round.levels.map((l) => (
              <th key={l}>{project ? '得票' : l}</th>
            ))}
            {!project && <th className="num">未评</th>}
          </tr>
        </thead>
        <tbody>
          {round.subjects.map((s, i) => {
            const marked = cells[i]!.reduce((a, c) => a + num(c), 0);
            return (
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td>
                  {s.name}
                  {!project && <span className="muted small"> {s.unit}{s.post}</span>}
                </td>
                {round.levels.map((l, k) => (
                  <td key={l}>
                    <input type="number" min={0} value={cells[i]![k]} onChange={(e) => set(i, k, e.target.value)} aria-label={`${s.name} ${project ? '得票' : l}`} />
                  </td>
                ))}
                {!project && <td className="num">{Math.max(0, num(returned) - marked)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {correct && (
        <label className="asc-paper-reason">
          更正原因
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="如：第二位测评对象的票数抄录有误" aria-label="更正原因" data-testid="paper-correct-reason" />
        </label>
      )}
      <ErrorNote error={action.error} />
      <button type="submit" className="btn btn-primary" disabled={action.busy || (correct && !reason.trim())} data-testid="paper-save">
        {correct ? '保存更正' : '保存统计结果'}
      </button>
    </form>
  );
}
