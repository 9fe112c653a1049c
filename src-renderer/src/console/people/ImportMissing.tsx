// The people the app has (in office / active) that an imported file lacks: each kept, or retired
// with a date (组成人员) or deactivated (列席人员, 述职人员). Kept unless the secretary says otherwise.
import type { CommandOutput } from '../../api';
import type { ListKind } from './ExportButton';

type Missing = CommandOutput<'import.preview'>['missing'];
export interface RetireChoice {
  retire: boolean;
  date: string;
}

export function ImportMissing(props: { kind: ListKind; missing: Missing; choices: Record<number, RetireChoice>; defaultDate: string; busy: boolean; onChoose: (id: number, c: RetireChoice) => void }) {
  const { kind, missing, choices, defaultDate, busy, onChoose } = props;
  const word = kind === 'members' ? '离任' : '停用';
  return (
    <div className="import-missing">
      <h3>现有名单中有、文件中没有的 {missing.length} 人（默认保留）</h3>
      <table className="data-table compact" aria-label="文件中没有的现有人员">
        <thead>
          <tr>
            <th className="w-m">姓名</th>
            <th>现有信息</th>
            <th className="w-l">处理</th>
          </tr>
        </thead>
        <tbody>
          {missing.map((m) => {
            const c = choices[m.id] ?? { retire: false, date: defaultDate };
            return (
              <tr key={m.id} data-testid="import-missing" data-name={m.name}>
                <td className="name">{m.name}</td>
                <td>{m.detail}</td>
                <td>
                  <select aria-label={`${m.name} 的处理`} value={c.retire ? 'retire' : 'keep'} disabled={busy} onChange={(e) => onChoose(m.id, { ...c, retire: e.target.value === 'retire' })}>
                    <option value="keep">保留</option>
                    <option value="retire">{word}</option>
                  </select>
                  {kind === 'members' && c.retire && (
                    <input type="date" aria-label={`${m.name} 的离任日期`} value={c.date} disabled={busy} onChange={(e) => onChoose(m.id, { ...c, date: e.target.value })} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
