// 数据与备份: where the data file is, backups now and before, and the audit log's verification.
import { useState } from 'react';
import { AUTOMATIC_BACKUPS_KEPT } from '../../../../src-main/shared/backup-policy';
import { call, type CommandOutput } from '../../api';
import { ErrorNote, InfoNote, OkNote } from '../../components/Notice';
import { useLiveChanges } from '../../live/useLive';
import { formatDateTime, formatSize } from '../format';
import { useAction, useQuery } from '../useCommand';

type Verify = CommandOutput<'system.verifyAudit'>;
type BackupState = CommandOutput<'system.info'>['backup'];

export function SystemPanel() {
  const info = useQuery('system.info', {});
  const backups = useQuery('system.backups', {});
  const backup = useAction();
  const verify = useAction();
  const [written, setWritten] = useState('');
  const [report, setReport] = useState<Verify | null>(null);
  // A backup asked for after a round, being written, written or failed (automatic or from another console).
  useLiveChanges((parts) => {
    if (!parts.includes('backups')) return;
    info.reload();
    backups.reload();
  });

  const runBackup = async () => {
    setWritten('');
    const b = await backup.run(() => call('system.backup', {}));
    if (b) {
      setWritten(`已备份到 ${b.path}（${formatSize(b.size)}）`);
      backups.reload();
      info.reload();
    }
  };
  const runVerify = async () => {
    setReport(null);
    const r = await verify.run(() => call('system.verifyAudit', {}));
    if (r) setReport(r);
  };

  return (
    <>
      <div className="panel" role="region" aria-labelledby="backup-title">
        <h2 id="backup-title">备份</h2>
        <p className="muted small">
          每次表决结束后，会场安静下来（没有进行中的表决）时自动备份；也可随时手动备份。备份是数据库的一致副本，保存在数据目录的 backups 文件夹中。自动备份只保留最近 {AUTOMATIC_BACKUPS_KEPT} 份（每份都包含之前的全部记录），手动备份全部保留。
        </p>
        {info.data && <BackupStatus state={info.data.backup} />}
        <div className="form-actions start">
          <button type="button" className="btn btn-primary" onClick={runBackup} disabled={backup.busy}>
            {backup.busy ? '正在备份…' : '立即备份'}
          </button>
          <OkNote>{written}</OkNote>
          <ErrorNote error={backup.error} />
        </div>
        <ErrorNote error={backups.error} />
        <table className="data-table compact" aria-label="备份列表">
          <thead>
            <tr>
              <th>文件</th>
              <th>类别</th>
              <th>时间</th>
              <th className="num">大小</th>
            </tr>
          </thead>
          <tbody>
            {(backups.data ?? []).map((b) => (
              <tr key={b.fileName}>
                <td title={b.path}>
                  <code>{b.fileName}</code>
                </td>
                <td>{b.automatic ? '自动' : '手动'}</td>
                <td>{formatDateTime(b.createdAt)}</td>
                <td className="num">{formatSize(b.size)}</td>
              </tr>
            ))}
            {backups.data?.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">
                  还没有备份。
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <div className="panel" role="region" aria-labelledby="audit-title">
        <h2 id="audit-title">审计日志校验</h2>
        <p className="muted small">每一项改动都记入审计日志，各条记录以哈希值首尾相连。校验会逐条核对链接，并比对各数据表与最后一次记录是否一致，以发现绕过程序的改动。</p>
        <div className="form-actions start">
          <button type="button" className="btn" onClick={runVerify} disabled={verify.busy}>
            {verify.busy ? '正在校验…' : '校验审计日志'}
          </button>
          <ErrorNote error={verify.error} />
        </div>
        {report && <VerifyReport report={report} />}
      </div>

      <div className="panel" role="region" aria-labelledby="system-title">
        <h2 id="system-title">系统信息</h2>
        <ErrorNote error={info.error} />
        {info.data && (
          <dl className="rules-list">
            <div>
              <dt>版本</dt>
              <dd>议事 {info.data.version}</dd>
            </div>
            <div>
              <dt>数据文件</dt>
              <dd>
                <code>{info.data.databaseFile}</code>
              </dd>
            </div>
            <div>
              <dt>数据目录</dt>
              <dd>
                <code>{info.data.dataDir}</code>
              </dd>
            </div>
            <div>
              <dt>审计记录</dt>
              <dd>{info.data.auditEntries} 条</dd>
            </div>
            <div>
              <dt>公文字体</dt>
              <dd data-testid="document-fonts">
                {info.data.fonts.map((f) => (
                  <div key={f.role}>
                    {f.role}：{f.family}
                    <span className="muted">
                      （{f.source === 'system' ? '本机字体' : '随程序附带的免费字体'}，{f.file}
                      {f.fallbacks.length > 0 && `；缺字依次由 ${f.fallbacks.join('、')} 补字`}）
                    </span>
                  </div>
                ))}
              </dd>
            </div>
          </dl>
        )}
      </div>
    </>
  );
}

/** What waits for a quiet room, what is being written, and the last failure: updated live. */
function BackupStatus({ state }: { state: BackupState }) {
  return (
    <div data-testid="backup-status" aria-live="polite">
      {state.writing > 0 && <InfoNote>正在写入备份…</InfoNote>}
      {state.waiting.length > 0 && (
        <InfoNote>
          等待写入的自动备份：{state.waiting.join('；')}。没有进行中的表决、测评或票决，且 {state.quietSeconds} 秒内没有开始、结束或宣布时写入；关闭程序时先写入。
        </InfoNote>
      )}
      {state.lastError && <ErrorNote error={{ message: `上次备份未能写入：${state.lastError}` }} />}
    </div>
  );
}

function VerifyReport({ report }: { report: Verify }) {
  if (report.ok) {
    return (
      <p className="note note-ok" role="status">
        审计日志完整：共 {report.entries} 条记录，哈希链连续，各数据表与记录一致。
      </p>
    );
  }
  return (
    <div className="note note-error" role="alert">
      <p>
        <strong>校验未通过</strong>（共 {report.entries} 条记录）。数据可能被绕过程序改动，请保留现场并联系技术人员。
      </p>
      {report.brokenAt && <p>哈希链断开于第 {report.brokenAt.seq} 条：{report.brokenAt.reason}</p>}
      {report.driftedRows.length > 0 && (
        <ul>
          {report.driftedRows.slice(0, 50).map((d, i) => (
            <li key={i}>
              {d.table} #{d.id}：{d.reason}
            </li>
          ))}
          {report.driftedRows.length > 50 && <li>……另有 {report.driftedRows.length - 50} 行</li>}
        </ul>
      )}
    </div>
  );
}
