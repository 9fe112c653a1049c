// 设置: the committee's name and term, the procedural rules new sessions copy, backups, the audit
// log's check and where the data lives.
import { CommitteeForm } from './CommitteeForm';
import { RulesForm } from './RulesForm';
import { SystemPanel } from './SystemPanel';

export function SettingsView() {
  return (
    <section aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">设置</h1>
        <p className="page-sub">常委会名称、会议规则、备份与数据安全。</p>
      </div>
      <CommitteeForm />
      <RulesForm />
      <SystemPanel />
    </section>
  );
}
