// Setting a draft opinion's 文号 by hand: the sequence number the secretary wants (e.g. to leave room
// for older paper opinions still to be registered), checked against the numbers the year has used.
import { useQuery } from '../console/useCommand';

export function DocNumberField({ prefix, year, seq, onSeq, locked }: { prefix: string; year: number; seq: string; onSeq: (s: string) => void; locked: boolean }) {
  const q = useQuery('opinions.numbers', { prefix: prefix || '—', year });
  const used = q.data?.used ?? [];
  const taken = seq !== '' && used.find((u) => String(u.seq) === seq.trim());
  return (
    <div className="rv-docnumber-field">
      <label className="field">
        <span className="field-label">文号序号</span>
        <input
          type="number"
          min={1}
          aria-label="文号序号"
          value={seq}
          readOnly={locked}
          placeholder={q.data ? `下一个：${q.data.next}` : ''}
          onChange={(e) => onSeq(e.target.value)}
          data-testid="doc-seq"
        />
      </label>
      <p className="muted small" data-testid="doc-numbers-used">
        {prefix}〔{year}〕已用：{used.length ? used.map((u) => u.seq).join('、') : '无'}
        {q.data && `；下一个可用：${q.data.next}`}
      </p>
      {taken && <p className="field-error">文号{taken.docNumber}已由“{taken.title}”使用</p>}
    </div>
  );
}
