// The rules this session runs under: a frozen copy taken from 设置 when the session was created. While
// the session has not opened, it can take the rules now in 设置 (a rule changed after it was created).
import type { Rules } from '../../../../src-main/domain/settings';
import { call } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { describeRules } from '../settings/rulesText';
import { linkTo } from '../route';
import { useAction, useQuery } from '../useCommand';

export function RulesSummary({ sessionId, rules, draft, onChanged }: { sessionId: number; rules: Rules; draft: boolean; onChanged: () => void }) {
  const settings = useQuery('settings.get', {});
  const action = useAction();
  const now = settings.data?.rules;
  const differs = draft && now !== undefined && JSON.stringify(now) !== JSON.stringify(rules);
  const apply = async () => {
    if (await action.run(() => call('sessions.applyRules', { id: sessionId }))) onChanged();
  };
  return (
    <section className="panel rules-summary" aria-labelledby="rules-title">
      <h2 id="rules-title">本次会议适用的规则</h2>
      <p className="muted small">
        以下规则在创建会议时从<a href={linkTo('settings')}>“设置”</a>复制，此后修改设置不影响本次会议{draft ? '；开会前可改用设置中的现行规则，开会后不能再改。' : '（只读）。'}
      </p>
      {differs && (
        <div className="note note-info" data-testid="rules-differ">
          “设置”中的会议规则已在本次会议创建后修改。
          <button type="button" className="btn" onClick={() => void apply()} disabled={action.busy}>
            采用当前设置的规则
          </button>
        </div>
      )}
      <ErrorNote error={action.error} />
      <dl className="rules-list">
        {describeRules(rules).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
