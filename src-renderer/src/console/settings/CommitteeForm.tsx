// 常委会: region name and term, from which every title is built ("示例区第二届人民代表大会常务委员会…").
import { useState } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { ErrorNote, OkNote } from '../../components/Notice';
import { chineseNumeral, committeeName, sessionTitle } from '../../../../src-main/domain/numerals';
import { LEVELS, levelFromName, levelOf, levelWords, type Level } from '../../../../src-main/domain/level';
import { useCommittee } from '../committeeContext';
import { parseIntField } from '../format';
import { fieldError, useAction } from '../useCommand';
import { useDraft } from '../useDraft';

export function CommitteeForm() {
  const { committee, reload } = useCommittee();
  const draft = useDraft('committee', () => ({ region: committee?.region ?? '', term: String(committee?.term ?? 1), level: committee?.level ?? '' }));
  const action = useAction();
  const [saved, setSaved] = useState('');
  const d = draft.value;
  const term = parseIntField(d.term);
  const region = d.region.trim();
  const validTerm = term !== null && term >= 1 && term <= 99;
  const levelSetting = (LEVELS as readonly string[]).includes(d.level) ? (d.level as Level) : null;
  const words = levelWords(levelOf(region, levelSetting));

  const save = async () => {
    setSaved('');
    if (!validTerm) return action.fail('届次：请填写1到99之间的整数，如 2');
    const r = await action.run(() => call('committee.update', { region: d.region, term, level: levelSetting }));
    if (r) {
      draft.discard();
      setSaved(`已保存：${r.name}（第${chineseNumeral(r.term)}届）`);
      reload();
    }
  };

  const err = action.error;
  return (
    <form
      className="panel"
      aria-labelledby="committee-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="committee-title">常委会</h2>
      {!committee?.region && <p className="note note-info">首次使用请先填写行政区名称和届次，会议名称和文件抬头都由此生成。</p>}
      <div className="form-grid cols-3">
        <Field label="行政区名称" required error={fieldError(err, '行政区名称')} hint="如：示例区、某某县">
          {(p) => <input {...p} value={d.region} onChange={(e) => draft.set((x) => ({ ...x, region: e.target.value }))} maxLength={30} />}
        </Field>
        <Field label="行政级别" hint={`文件中写作“${words.party}”“${words.government}”`}>
          {(p) => (
            <select {...p} value={d.level} onChange={(e) => draft.set((x) => ({ ...x, level: e.target.value }))}>
              <option value="">按名称{levelFromName(region) ? `（${levelFromName(region)}）` : ''}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="届次" required error={fieldError(err, '届次')} hint={validTerm ? `第${chineseNumeral(term)}届` : '如 2，表示第二届'}>
          {(p) => <input {...p} inputMode="numeric" value={d.term} onChange={(e) => draft.set((x) => ({ ...x, term: e.target.value }))} />}
        </Field>
      </div>
      <div className="name-preview" aria-live="polite">
        <div>
          <span className="muted">全称：</span>
          <strong data-testid="committee-full-name">{region ? `${committeeName(region)}${validTerm ? `（第${chineseNumeral(term)}届）` : ''}` : '—'}</strong>
        </div>
        {region && validTerm && (
          <div className="muted small">会议名称示例：{sessionTitle(region, term, 1)}</div>
        )}
      </div>
      <div className="form-actions">
        <ErrorNote error={err} />
        <OkNote>{saved}</OkNote>
        {draft.dirty && <span className="draft-mark">未保存</span>}
        <button type="submit" className="btn btn-primary" disabled={action.busy}>
          {action.busy ? '正在保存…' : '保存常委会信息'}
        </button>
      </div>
    </form>
  );
}
