// The body of a review opinion as an ordered list of blocks: headings of three levels, numbered
// automatically (一、 （一） 1.), and paragraphs. Each block can change level, move, be removed, or
// get a new block after it. The selected block is where remarks are inserted.
import { numberedBlocks, stripNumbering, type OpinionBlock, type OpinionBlockKind } from '../../../src-main/domain/review';

const LEVELS: { kind: OpinionBlockKind; label: string }[] = [
  { kind: 'h1', label: '一级标题 一、' },
  { kind: 'h2', label: '二级标题 （一）' },
  { kind: 'h3', label: '三级标题 1.' },
  { kind: 'p', label: '正文段落' },
];

export interface BlockEditorProps {
  blocks: OpinionBlock[];
  readOnly: boolean;
  selected: number | null;
  onSelect: (index: number) => void;
  onChange: (blocks: OpinionBlock[]) => void;
}

export function BlockEditor({ blocks, readOnly, selected, onSelect, onChange }: BlockEditorProps) {
  const numbered = numberedBlocks(blocks);
  const set = (i: number, patch: Partial<OpinionBlock>) => onChange(blocks.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const insertAfter = (i: number, kind: OpinionBlockKind) => {
    const next = [...blocks];
    next.splice(i + 1, 0, { kind, text: '' });
    onChange(next);
    onSelect(i + 1);
  };
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < 0 || j >= blocks.length) return;
    const next = [...blocks];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
    onSelect(j);
  };
  const remove = (i: number) => onChange(blocks.filter((_, j) => j !== i));

  return (
    <ol className="rv-blocks" aria-label="正文结构">
      {blocks.map((b, i) => {
        const label = b.kind === 'p' ? '' : numbered[i]!.text.slice(0, numbered[i]!.text.length - stripNumbering(b.text).length);
        return (
          <li key={i} className={`rv-block rv-block-${b.kind}${selected === i ? ' is-selected' : ''}`} data-testid="opinion-block">
            <div className="rv-block-bar">
              <select value={b.kind} disabled={readOnly} onChange={(e) => set(i, { kind: e.target.value as OpinionBlockKind })} aria-label={`第${i + 1}段的级别`}>
                {LEVELS.map((l) => (
                  <option key={l.kind} value={l.kind}>
                    {l.label}
                  </option>
                ))}
              </select>
              {!readOnly && (
                <span className="rv-block-tools">
                  <button type="button" className="btn btn-link" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`第${i + 1}段上移`}>
                    上移
                  </button>
                  <button type="button" className="btn btn-link" onClick={() => move(i, 1)} disabled={i === blocks.length - 1} aria-label={`第${i + 1}段下移`}>
                    下移
                  </button>
                  <button type="button" className="btn btn-link" onClick={() => insertAfter(i, 'p')}>
                    +段落
                  </button>
                  <button type="button" className="btn btn-link" onClick={() => insertAfter(i, b.kind === 'p' ? 'h2' : b.kind)}>
                    +标题
                  </button>
                  <button type="button" className="btn btn-link danger" onClick={() => remove(i)} aria-label={`删除第${i + 1}段`}>
                    删除
                  </button>
                </span>
              )}
            </div>
            <div className="rv-block-edit">
              {label && <span className="rv-block-number">{label}</span>}
              <textarea
                value={b.kind === 'p' ? b.text : stripNumbering(b.text)}
                readOnly={readOnly}
                rows={b.kind === 'p' ? Math.min(8, Math.max(2, Math.ceil(b.text.length / 48))) : 1}
                onFocus={() => onSelect(i)}
                onChange={(e) => set(i, { text: e.target.value })}
                aria-label={b.kind === 'p' ? `第${i + 1}段正文` : `${label}标题`}
                placeholder={b.kind === 'p' ? '正文…' : '标题…'}
              />
            </div>
          </li>
        );
      })}
      {!readOnly && (
        <li className="rv-block-add">
          <button type="button" className="btn btn-small" onClick={() => insertAfter(blocks.length - 1, 'h1')}>
            添加一级标题
          </button>
          <button type="button" className="btn btn-small" onClick={() => insertAfter(blocks.length - 1, 'p')}>
            添加段落
          </button>
        </li>
      )}
    </ol>
  );
}
