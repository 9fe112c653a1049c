// The rules this session runs under: a frozen copy taken from 设置 when the session was created.
import type { Rules } from '../../../../src-main/domain/settings';
import { describeRules } from '../settings/rulesText';
import { linkTo } from '../route';

export function RulesSummary({ rules }: { rules: Rules }) {
  return (
    <section className="panel rules-summary" aria-labelledby="rules-title">
      <h2 id="rules-title">本次会议适用的规则</h2>
      <p className="muted small">
        以下规则在创建会议时从<a href={linkTo('settings')}>“设置”</a>复制，此后修改设置不影响本次会议（只读）。
      </p>
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
