// One assessable agenda item in the console: how to start a round (electronic or paper, the scale and
// rule, the 述职 year), the blank forms to print, and every round with its controls and result.
import { useState } from 'react';
import type { PublicAssessment } from '../../../../src-main/assessment/types';
import { call, downloadBase64, type CommandOutput } from '../../api';
import { ErrorNote, OkNote } from '../../components/Notice';
import { useAction } from '../../console/useCommand';
import { scaleLevels, scaleWords } from '../../../../src-main/domain/satisfaction';
import { RoundCard } from './RoundCard';

type Detail = CommandOutput<'sessions.get'>;
export type ConsoleRound = CommandOutput<'assessments.list'>[number];

const SHARES = {
  none: null,
  half: { numerator: 1, denominator: 2, inclusive: false },
  twoThirds: { numerator: 2, denominator: 3, inclusive: true },
} as const;

function defaultYear(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m <= 3 ? y - 1 : y;
}

export interface ItemPanelProps {
  item: Detail['items'][number];
  session: Detail['session'];
  items: Detail['items'];
  rounds: ConsoleRound[];
  focus: PublicAssessment | null;
  isLive: boolean;
  current: boolean;
  reload: () => void;
}

export function ItemPanel({ item, session, items, rounds, focus, isLive, current, reload }: ItemPanelProps) {
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const project = item.kind === 'project_ballot';
  const withOfficials = item.kind === 'assessment' && (item.details.subjects ?? []).some((s) => s.officialId !== null);
  const rules = session.rules.satisfaction;
  const [method, setMethod] = useState<'electronic' | 'paper'>('electronic');
  const [scale, setScale] = useState(rules.scale);
  const [rule, setRule] = useState(rules.rule);
  const [countIncomplete, setCountIncomplete] = useState(rules.countIncompleteSheets);
  const [unmarked, setUnmarked] = useState(rules.unmarkedSubjects);
  const [share, setShare] = useState<keyof typeof SHARES>('none');
  const [year, setYear] = useState(defaultYear(session.date));
  const reports = items.filter((i) => i.kind === 'report' && i.position < item.position);
  const [reportItemId, setReportItemId] = useState<number | null>(reports.at(-1)?.id ?? null);
  const [copies, setCopies] = useState(1);
  const last = rounds.at(-1);
  const canStart = !last || last.state === 'closed' || last.state === 'announced';
  // A closed round waits for 宣布结果: that is the primary action, not 发起新一轮.
  const awaitingAnnouncement = !!last && (focus && focus.id === last.id ? focus.state : last.state) === 'closed';
  const lastResult = last?.result?.kind === 'project' ? last.result : null;
  const tied = lastResult && lastResult.tieAtCutoff.length > 0 ? lastResult : null;
  const [runoff, setRunoff] = useState(true);
  // The new round's words follow the scale chosen for it: 满意率 (满意＋基本满意), or 称职率 (优秀＋称职＋基本称职).
  const { rateLabel } = scaleWords(scale);
  const satisfied = scaleLevels(scale).slice(0, -1).join('＋');
  const subjects = project ? (item.details.candidates ?? []).length : item.kind === 'assessment' ? (item.details.subjects ?? []).length : 1;

  const create = async () => {
    const input = project
      ? { itemId: item.id, method, ...(tied && runoff ? { runoff: true } : { minShare: SHARES[share] }) }
      : { itemId: item.id, method, scale, rule, countIncompleteSheets: countIncomplete, unmarkedSubjects: unmarked, ...(withOfficials ? { year, reportItemId } : {}) };
    const r = await action.run(() => call('assessments.create', input));
    if (r) {
      setNotice(`已发起第${r.round}轮${project ? '票决' : '测评'}（${method === 'paper' ? '纸质' : '电子'}）`);
      reload();
    }
  };
  const blank = async () => {
    const f = await action.run(() => call('assessments.blankForm', { itemId: item.id, copies, ...(project ? {} : { scale }) }));
    if (f) {
      downloadBase64(f.fileName, f.mime, f.base64);
      setNotice(`已生成：${f.fileName}`);
    }
  };

  return (
    <article className={`panel asc-item ${current ? 'is-current' : ''}`} data-testid={`assessment-item-${item.id}`}>
      <header className="asc-item-head">
        <span className="chip chip-kind">
          第{item.position}项 · {item.kindLabel}
        </span>
        <h2>{item.title}</h2>
        <span className="muted">
          {project ? `候选项目${subjects}个，每票最多选${item.details.chooseMax ?? subjects}个` : `测评对象${subjects}位`}
        </span>
      </header>
      <ErrorNote error={action.error} />
      <OkNote>{notice}</OkNote>
      {canStart && (
        <div className="asc-create">
          <label>
            方式
            <select value={method} onChange={(e) => setMethod(e.target.value as 'electronic' | 'paper')} aria-label="测评方式">
              <option value="electronic">电子（委员终端）</option>
              <option value="paper">纸质（录入统计结果）</option>
            </select>
          </label>
          {tied && (
            <label className="asc-check">
              <input type="checkbox" checked={runoff} onChange={(e) => setRunoff(e.target.checked)} data-testid="assessment-runoff" />
              只对得票相同的{tied.tieAtCutoff.length}个项目再次票决（剩余{tied.chooseMax - tied.selectedCount}个名额）
            </label>
          )}
          {project ? (
            !(tied && runoff) && <label>
              得票要求
              <select value={share} onChange={(e) => setShare(e.target.value as keyof typeof SHARES)} aria-label="得票要求">
                <option value="none">不设最低得票</option>
                <option value="half">须超过有效票的半数</option>
                <option value="twoThirds">须达到有效票的三分之二以上</option>
              </select>
            </label>
          ) : (
            <>
              <label>
                等次
                <select value={scale} onChange={(e) => setScale(e.target.value as typeof scale)} aria-label="测评等次">
                  <option value="three">满意／基本满意／不满意</option>
                  <option value="four">优秀／称职／基本称职／不称职</option>
                </select>
              </label>
              <label>
                计算规则
                <select value={rule} onChange={(e) => setRule(e.target.value as typeof rule)} aria-label="计算规则">
                  <option value="rate">
                    {rateLabel}（{satisfied}）÷收回票
                  </option>
                  <option value="grade">按全体组成人员半数定等次</option>
                </select>
              </label>
              <label className="asc-check">
                <input type="checkbox" checked={countIncomplete} onChange={(e) => setCountIncomplete(e.target.checked)} />
                有未填对象的测评表也计入统计
              </label>
              <label>
                未评价的对象
                <select value={unmarked} onChange={(e) => setUnmarked(e.target.value as typeof unmarked)} aria-label="未评价的对象">
                  <option value="against">计入{rateLabel}的分母</option>
                  <option value="excluded">不计入{rateLabel}的分母</option>
                </select>
              </label>
              {withOfficials && (
                <>
                  <label>
                    述职年度
                    <input type="number" value={year} min={2000} max={2200} onChange={(e) => setYear(Number(e.target.value))} aria-label="述职年度" />
                  </label>
                  <label>
                    述职议程
                    <select value={reportItemId ?? ''} onChange={(e) => setReportItemId(e.target.value ? Number(e.target.value) : null)} aria-label="述职议程">
                      <option value="">（本项）</option>
                      {reports.map((r) => (
                        <option key={r.id} value={r.id}>
                          第{r.position}项 {r.title.slice(0, 30)}
                        </option>
                      ))}
                    </select>
                  </label>
                </>
              )}
            </>
          )}
          <button
            type="button"
            className={awaitingAnnouncement ? 'btn' : 'btn btn-primary'}
            disabled={action.busy || (method === 'electronic' && !isLive)}
            onClick={() => void create()}
            data-testid="assessment-create"
          >
            {rounds.length ? '发起新一轮' : project ? '发起票决' : '发起测评'}
          </button>
        </div>
      )}
      <div className="asc-blank">
        <label>
          空白{project ? '选票' : '测评表'}
          <input type="number" min={1} max={200} value={copies} onChange={(e) => setCopies(Math.max(1, Number(e.target.value) || 1))} aria-label="份数" />份
        </label>
        <button type="button" className="btn" disabled={action.busy} onClick={() => void blank()} data-testid="assessment-blank-form">
          打印空白{project ? '选票' : '测评表'} PDF
        </button>
      </div>
      {[...rounds].reverse().map((r) => (
        <RoundCard key={r.id} round={r} focus={focus && focus.id === r.id ? focus : null} isLive={isLive} reload={reload} />
      ))}
    </article>
  );
}
