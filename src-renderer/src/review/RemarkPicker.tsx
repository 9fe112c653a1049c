// The remarks beside the draft: the secretary picks each into 存在的问题 or 意见和建议, where it goes in
// the office's third person ("有的委员指出，……" / "有的委员建议，……", domain/remark-style.ts) as an
// editable paragraph at the end of that section — never pasted in the first person.
import { remarkToThirdPerson, sectionOf, type OpinionSection } from '../../../src-main/domain/remark-style';
import type { OpinionBlock } from '../../../src-main/domain/review';

interface Remark {
  id: number;
  speaker: string;
  groupName: string;
  text: string;
}

const HEADINGS: Record<OpinionSection, RegExp> = { problems: /问题/, suggestions: /意见和建议|建议/ };

/** The body with the remark's third-person paragraph added at the end of the section (a new section if missing). */
export function pickInto(body: OpinionBlock[], text: string, section: OpinionSection): { body: OpinionBlock[]; at: number } {
  const para: OpinionBlock = { kind: 'p', text: remarkToThirdPerson(text, section) };
  const head = body.findIndex((b) => b.kind === 'h1' && HEADINGS[section].test(b.text));
  if (head < 0) {
    const added = [...body, { kind: 'h1' as const, text: section === 'problems' ? '存在的问题' : '意见和建议' }, para];
    return { body: added, at: added.length - 1 };
  }
  let end = body.findIndex((b, i) => i > head && b.kind === 'h1');
  if (end < 0) end = body.length;
  while (end > head + 1 && body[end - 1]!.kind !== 'h1' && body[end - 1]!.text.trim() === '') end--; // over the empty placeholders
  const next = [...body];
  next.splice(end, 0, para);
  return { body: next, at: end };
}

export function RemarkPicker({ remarks, locked, onPick }: { remarks: Remark[]; locked: boolean; onPick: (text: string, section: OpinionSection) => void }) {
  return (
    <aside className="rv-editor-side" aria-label="审议发言">
      <h2 className="rv-h2">审议发言（{remarks.length}）</h2>
      {remarks.length === 0 && <p className="muted small">该议程项没有发言记录。</p>}
      {!locked && remarks.length > 0 && <p className="muted small">选入后改为“有的委员指出/建议”的写法，可再修改。</p>}
      <ol className="rv-side-remarks">
        {remarks.map((r) => (
          <li key={r.id} data-testid="side-remark" data-section={sectionOf(r.text)}>
            <div className="rv-remark-meta">
              <strong>{r.speaker}</strong>
              <span className="muted small">{r.groupName || '全体会议'}</span>
              {!locked && (
                <>
                  <button type="button" className="btn btn-link" onClick={() => onPick(r.text, 'problems')} aria-label={`将${r.speaker}的发言选入存在的问题`}>
                    选入问题
                  </button>
                  <button type="button" className="btn btn-link" onClick={() => onPick(r.text, 'suggestions')} aria-label={`将${r.speaker}的发言选入意见和建议`}>
                    选入建议
                  </button>
                </>
              )}
            </div>
            <p className="rv-remark-text">{r.text}</p>
          </li>
        ))}
      </ol>
    </aside>
  );
}
