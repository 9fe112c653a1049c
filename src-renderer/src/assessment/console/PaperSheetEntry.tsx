// A paper sheet inside an electronic round, for a member without a working terminal: the secretary
// picks the member (present, not yet handed in) and enters what the sheet marks, one sheet at a time.
// The server seals it like a terminal's sheet and marks the member as handed in; nothing here keeps
// the marks once entered (the form is cleared). A sheet entered wrongly is entered again while the
// round is open (更正: the member is picked among those handed in; the server refuses a sheet that
// came from a terminal).
import { useState } from 'react';
import { call } from '../../api';
import { ErrorNote, OkNote } from '../../components/Notice';
import { useAction } from '../../console/useCommand';
import { useLive } from '../../live/useLive';
import type { ConsoleRound } from './ItemPanel';

export function PaperSheetEntry({ round, onDone }: { round: ConsoleRound; onDone: () => void }) {
  const action = useAction();
  const live = useLive('console');
  const project = round.kind === 'project';
  const [memberId, setMemberId] = useState('');
  const [marks, setMarks] = useState<(number | null)[]>(() => round.subjects.map(() => null));
  const [done, setDone] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const sheet = project ? '选票' : '测评表';
  const members = (live.state?.members ?? []).filter((m) => m.attendance === 'present' && (m.sheetSubmitted === true) === correcting);
  const set = (i: number, v: number | null) => setMarks((prev) => prev.map((m, j) => (j === i ? v : m)));
  const save = async () => {
    const who = members.find((m) => String(m.id) === memberId);
    if (!who) return;
    const input = { assessmentId: round.id, memberId: who.id, marks };
    const r = await action.run(() => (correcting ? call('assessments.correctPaperSheet', input) : call('assessments.paperSheet', input)));
    if (!r) return;
    setDone(correcting ? `已按纸质${sheet}重新录入${who.name}的${sheet}` : `已录入${who.name}的纸质${sheet}`);
    setMemberId('');
    setMarks(round.subjects.map(() => null));
    onDone();
  };
  return (
    <details className="asc-paper asc-paper-sheet" data-testid="paper-sheet-entry">
      <summary>录入纸质{sheet}（终端无法使用的委员）</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="asc-paper-correct">
          <input
            type="checkbox"
            checked={correcting}
            onChange={(e) => {
              setCorrecting(e.target.checked);
              setMemberId('');
              setDone(null);
            }}
            data-testid="paper-sheet-correct"
          />
          更正已录入的纸质{sheet}（录入有误时，按纸质{sheet}重新录入）
        </label>
        <label>
          委员
          <select value={memberId} onChange={(e) => setMemberId(e.target.value)} aria-label="交纸质表的委员" data-testid="paper-sheet-member">
            <option value="">{correcting ? `（选择已交表的委员；只能更正工作人员录入的纸质${sheet}）` : '（选择已签到、尚未交表的委员）'}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.seat !== null ? `${m.seat}号 ` : ''}
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <table className="data-table asc-paper-table">
          <tbody>
            {round.subjects.map((s, i) => (
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td>{s.name}</td>
                <td>
                  {project ? (
                    <input type="checkbox" checked={marks[i] === 0} onChange={(e) => set(i, e.target.checked ? 0 : null)} aria-label={`${s.name} 选`} data-testid={`paper-sheet-mark-${i}`} />
                  ) : (
                    <select value={marks[i] === null ? '' : String(marks[i])} onChange={(e) => set(i, e.target.value === '' ? null : Number(e.target.value))} aria-label={`${s.name} 评价`} data-testid={`paper-sheet-mark-${i}`}>
                      <option value="">未评</option>
                      {round.levels.map((l, k) => (
                        <option key={l} value={k}>
                          {l}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ErrorNote error={action.error} />
        <OkNote>{done}</OkNote>
        <button type="submit" className="btn btn-primary" disabled={action.busy || !memberId} data-testid="paper-sheet-save">
          {correcting ? `重新录入这张${sheet}` : `录入这张${sheet}`}
        </button>
      </form>
    </details>
  );
}
