// 会议规则: what new sessions copy when they are created (each session keeps its own frozen copy).
import { scaleWords, TIE_BREAKS, TIE_BREAK_LABELS } from '../../../../src-main/domain/satisfaction';
import { useId, useState } from 'react';
import { call, type CommandOutput } from '../../api';
import { CheckField, Field } from '../../components/Field';
import { ErrorNote, OkNote } from '../../components/Notice';
import type { Rules } from '../../../../src-main/domain/settings';
import { useAction, useQuery } from '../useCommand';
import { useDraft } from '../useDraft';
import { quorumRuleText } from '../../../../src-main/domain/attendance';
import { adoptionRuleText } from '../../../../src-main/domain/vote';
import { ADOPTION_BASE_LABELS, PRESS_RULE_LABELS, SCALE_LABELS, THRESHOLD_PRESETS, presetOf, satisfactionRuleLabels, tieBreakFirst, unmarkedLabels, type Threshold } from './rulesText';

export function RulesForm() {
  const q = useQuery('settings.get', {});
  return (
    <div className="panel" aria-labelledby="rules-form-title" role="region">
      <h2 id="rules-form-title">会议规则</h2>
      <p className="muted small">新建会议时复制这里的规则；已创建的会议保留各自的规则，不受此处修改影响。</p>
      <ErrorNote error={q.error} />
      {q.data && <RulesEditor settings={q.data} onSaved={q.set} />}
    </div>
  );
}

type Settings = CommandOutput<'settings.get'>;

function RulesEditor({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const draft = useDraft<Rules>('rules', () => settings.rules);
  const action = useAction();
  const [saved, setSaved] = useState('');
  const r = draft.value;
  const patch = (f: (r: Rules) => Rules) => {
    setSaved('');
    draft.set(f);
  };
  const save = async () => {
    const res = await action.run(() => call('settings.update', { rules: r }));
    if (res) {
      draft.discard();
      onSaved(res);
      setSaved('规则已保存，此后新建的会议将采用这些规则。');
    }
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="rules-group">
        <legend>出席与表决</legend>
        <div className="form-grid cols-3">
          <ThresholdField
            label="法定人数（出席的组成人员）"
            value={r.quorum}
            onChange={(t) => patch((x) => ({ ...x, quorum: t }))}
            hint={`${quorumRuleText(r.quorum)}方可举行会议（组织法第五十一条规定为过半数）`}
          />
          <Field label="表决通过的基数">
            {(p) => (
              <select {...p} value={r.adoption.base} onChange={(e) => patch((x) => ({ ...x, adoption: { ...x.adoption, base: e.target.value as Rules['adoption']['base'] } }))}>
                {Object.entries(ADOPTION_BASE_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ThresholdField
            label="表决通过所需赞成票"
            value={r.adoption.threshold}
            onChange={(t) => patch((x) => ({ ...x, adoption: { ...x.adoption, threshold: t } }))}
            hint={`${adoptionRuleText(r.adoption.base, r.adoption.threshold)}为通过`}
          />
          <Field label="重复按键">
            {(p) => (
              <select {...p} value={r.pressRule} onChange={(e) => patch((x) => ({ ...x, pressRule: e.target.value as Rules['pressRule'] }))}>
                {Object.entries(PRESS_RULE_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="默认表决方式">
            {(p) => (
              <select {...p} value={r.defaultBallotSecret ? 'secret' : 'named'} onChange={(e) => patch((x) => ({ ...x, defaultBallotSecret: e.target.value === 'secret' }))}>
                <option value="secret">无记名按表决器</option>
                <option value="named">记名按表决器</option>
              </select>
            )}
          </Field>
          <CheckField
            label="公布“未按表决器”人数"
            checked={r.showNotPressed}
            onChange={(v) => patch((x) => ({ ...x, showNotPressed: v }))}
            hint="大屏和宣布结果时显示“未按表决器N人”"
          />
        </div>
      </fieldset>
      <fieldset className="rules-group">
        <legend>{scaleWords(r.satisfaction.scale).scaleTitle}</legend>
        <div className="form-grid cols-3">
          <Field label="测评等次">
            {(p) => (
              <select {...p} value={r.satisfaction.scale} onChange={(e) => patch((x) => ({ ...x, satisfaction: { ...x.satisfaction, scale: e.target.value as Rules['satisfaction']['scale'] } }))}>
                {Object.entries(SCALE_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="测评结果计算方法" span={2}>
            {(p) => (
              <select {...p} value={r.satisfaction.rule} onChange={(e) => patch((x) => ({ ...x, satisfaction: { ...x.satisfaction, rule: e.target.value as Rules['satisfaction']['rule'] } }))}>
                {Object.entries(satisfactionRuleLabels(r.satisfaction.scale, r.satisfaction.unmarkedSubjects)).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <CheckField
            label="未填完的测评表仍然有效"
            checked={r.satisfaction.countIncompleteSheets}
            onChange={(v) => patch((x) => ({ ...x, satisfaction: { ...x.satisfaction, countIncompleteSheets: v } }))}
            hint="无效时，有未填对象的测评表整张不计入"
          />
          <Field label="未评价的测评对象" span={2} hint="某张有效测评表对某个对象未作评价时">
            {(p) => (
              <select
                {...p}
                value={r.satisfaction.unmarkedSubjects}
                onChange={(e) => patch((x) => ({ ...x, satisfaction: { ...x.satisfaction, unmarkedSubjects: e.target.value as Rules['satisfaction']['unmarkedSubjects'] } }))}
              >
                {Object.entries(unmarkedLabels(r.satisfaction.scale, true)).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="名次相同时" span={2} hint={`${tieBreakFirst(r.satisfaction.scale)}；仍相同时`}>
            {(p) => (
              <select {...p} value={r.satisfaction.tieBreak} onChange={(e) => patch((x) => ({ ...x, satisfaction: { ...x.satisfaction, tieBreak: e.target.value as Rules['satisfaction']['tieBreak'] } }))}>
                {TIE_BREAKS.map((t) => (
                  <option key={t} value={t}>
                    {TIE_BREAK_LABELS[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset className="rules-group">
        <legend>质询案</legend>
        <div className="form-grid cols-3">
          <Field label="联名提出质询案的最少人数" hint="县级3人以上，设区的市以上5人以上（监督法）">
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                max={50}
                value={r.interpellation.minMembers}
                onChange={(e) => patch((x) => ({ ...x, interpellation: { minMembers: Number(e.target.value) || 0 } }))}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset className="rules-group">
        <legend>审议意见</legend>
        <div className="form-grid cols-3">
          <Field label="审议意见办理期限（月）" hint="各地为2、3或6个月">
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                max={24}
                value={r.reviewOpinion.deadlineMonths}
                onChange={(e) => patch((x) => ({ ...x, reviewOpinion: { deadlineMonths: Number(e.target.value) || 0 } }))}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <div className="form-actions">
        <ErrorNote error={action.error} />
        <OkNote>{saved}</OkNote>
        {draft.dirty && <span className="draft-mark">未保存</span>}
        <button type="button" className="btn" onClick={() => patch(() => settings.defaults)} disabled={action.busy}>
          恢复默认值
        </button>
        <button type="submit" className="btn btn-primary" disabled={action.busy}>
          {action.busy ? '正在保存…' : '保存规则'}
        </button>
      </div>
    </form>
  );
}

function ThresholdField({ label, value, onChange, hint }: { label: string; value: Threshold; onChange: (t: Threshold) => void; hint: string }) {
  const preset = presetOf(value);
  const id = useId();
  const num = (v: string) => Math.max(1, Math.min(99, Math.trunc(Number(v)) || 1));
  return (
    <Field label={label} hint={hint}>
      {(p) => (
        <div className="threshold">
          <select
            {...p}
            value={preset}
            onChange={(e) => {
              const chosen = THRESHOLD_PRESETS.find((x) => x.key === e.target.value);
              onChange(chosen ? { ...chosen.value } : { ...value, numerator: 3, denominator: 5, inclusive: true });
            }}
          >
            {THRESHOLD_PRESETS.map((x) => (
              <option key={x.key} value={x.key}>
                {x.label}
              </option>
            ))}
            <option value="custom">自定义比例</option>
          </select>
          {preset === 'custom' && (
            <span className="threshold-custom">
              <input aria-label={`${label}：分子`} type="number" min={1} max={99} value={value.numerator} onChange={(e) => onChange({ ...value, numerator: num(e.target.value) })} />
              <span aria-hidden="true">/</span>
              <input aria-label={`${label}：分母`} type="number" min={1} max={99} value={value.denominator} onChange={(e) => onChange({ ...value, denominator: num(e.target.value) })} />
              <label htmlFor={`${id}-incl`}>
                <input id={`${id}-incl`} type="checkbox" checked={value.inclusive} onChange={(e) => onChange({ ...value, inclusive: e.target.checked })} />
                含本数
              </label>
            </span>
          )}
        </div>
      )}
    </Field>
  );
}
