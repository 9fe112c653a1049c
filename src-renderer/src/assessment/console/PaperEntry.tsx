// Paper fallback: the secretary types the tallies counted from the paper sheets. Satisfaction: the
// sheets counted and, per subject, the votes per level (未评 follows). Project ballot: valid and
// invalid sheets (a sheet marking more than N is invalid) and the votes per candidate.
import { useState } from 'react';
import { call } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useAction } from '../../console/useCommand';
import type { ConsoleRound } from './ItemPanel';

const num = (v: string) => (v.trim() === '' ? 0 : Math.max(0, Math.floor(Number(v)) || 0));

export function PaperEntry({ round, onDone }: { round: ConsoleRound; onDone: () => void }) {
  const action = useAction();
  const project = round.kind === 'project';
  const [returned, setReturned] = useState('');
  const [aside, setAside] = useState('');
  const [cells, setCells] = useState<string[][]>(() => round.subjects.map(() => round.levels.map(() => '')));
  const set = (i: number, l: number, v: string) => setCells((prev) => prev.map((row, j) => (j === i ? row.map((c, k) => (k === l ? v : c)) : row)));

  const save = async () => {
    const levels = cells.map((row) => row.map(num));
    const r = await action.run(() =>
      call(
        'assessments.enterPaper',
        project
          ? { assessmentId: round.id, projectTallies: { votes: levels.map((row) => row[0]!), validSheets: num(returned), invalidSheets: num(aside) } }
          : { assessmentId: round.id, satisfaction: { sheetsReturned: num(returned), sheetsSetAside: num(aside), levels } },
      ),
    );
    if (r) onDone();
  };

  return (
    <form
      className="asc-paper"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="paper-entry"
    >
      <h3>录入纸质{project ? '选票' : '测评表'}统计结果</h3>
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
      <ErrorNote error={action.error} />
      <button type="submit" className="btn btn-primary" disabled={action.busy} data-testid="paper-save">
        保存统计结果
      </button>
    </form>
  );
}
