// 满意度测评结果分类汇总表: per category (政府工作部门负责人 / 法院 / 检察院 …) the number of subjects,
// the votes per level, the overall rate and how many got each grade; then each category's subjects
// ranked within the category, beside their overall rank.
import type { AssessmentRow } from '../assessment/assessment-store';
import type { SatisfactionRow } from '../assessment/types';
import { chineseNumeral } from '../domain/numerals';
import { rankSatisfactionRows } from '../assessment/results';
import { percentText, scaleWords } from '../domain/satisfaction';
import type { Block, DocModel, TableColumn } from '../documents/model';
import type { Store } from '../store/store';
import { docHeading, fitColumns, methodText, unitPost } from './common';
import { participationText } from './result-table';

export interface CategoryGroup {
  category: string;
  rows: SatisfactionRow[];
}

/** Categories in the order they first appear on the sheet; subjects without one under "其他". */
export function groupByCategory(rows: SatisfactionRow[]): CategoryGroup[] {
  const groups = new Map<string, SatisfactionRow[]>();
  for (const x of [...rows].sort((p, q) => p.index - q.index)) {
    const key = x.category.trim() || '其他';
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  return [...groups].map(([category, list]) => ({ category, rows: list }));
}

/** The columns of the summary table: category, subjects, votes per level, unmarked, the rate, subjects per grade. */
export function summaryColumns(labels: readonly string[], rateLabel: string, size: number): TableColumn[] {
  return fitColumns(
    [
      { header: '类别', chars: 0, flex: true },
      { header: '人数', chars: 2, align: 'center' },
      ...labels.map((l) => ({ header: `${l}票`, chars: 3, align: 'center' as const })),
      { header: '未评', chars: 2, align: 'center' },
      { header: `综合${rateLabel}`, chars: 3.5, align: 'center' },
      ...labels.map((l) => ({ header: `评为${l}（人）`, chars: 2.5, align: 'center' as const })),
    ],
    size,
  );
}

export function categorySummaryDoc(store: Store, a: AssessmentRow): DocModel {
  const { session, issuer, date } = docHeading(store, a.sessionId);
  const r = a.result?.kind === 'satisfaction' ? a.result : null;
  const words = scaleWords(a.scale ?? 'three'); // titled by the scale: 满意度测评 / 称职测评
  const blocks: Block[] = [
    { type: 'paragraph', text: `测评事项：${a.title}`, indent: false },
    { type: 'paragraph', text: `测评时间：${date}　测评方式：${methodText(a)}`, indent: false },
  ];
  if (!r) {
    blocks.push({ type: 'paragraph', text: '本次测评尚未结束，暂无统计结果。' });
    return { kind: 'assessment-categories', fileTitle: `${words.scaleTitle}结果分类汇总表-${session.title}`, title: `${words.scaleTitle}结果分类汇总表`, subtitle: `（${session.title}）`, blocks };
  }
  const labels = r.levelLabels;
  const size = labels.length > 3 ? 9 : 10;
  const groups = groupByCategory(r.rows);
  const summary = groups.map((g) => {
    const votes = labels.map((_, l) => g.rows.reduce((s, x) => s + x.levels[l]!, 0));
    const marked = votes.reduce((s, v) => s + v, 0);
    const satisfied = marked - votes[votes.length - 1]!;
    const unmarked = g.rows.reduce((s, x) => s + x.unmarked, 0);
    // The same denominator as each subject's rate (unmarked subjects counted against, or excluded).
    const denominator = g.rows.reduce((s, x) => s + x.rateDenominator, 0);
    const grades = labels.map((l) => g.rows.filter((x) => x.grade === l).length);
    return [g.category, String(g.rows.length), ...votes.map(String), String(unmarked), denominator > 0 ? percentText(satisfied, denominator) : '—', ...grades.map(String)];
  });
  blocks.push(
    { type: 'paragraph', text: participationText(r, a), indent: false },
    {
      type: 'paragraph',
      text: `综合${words.rateLabel}＝该类对象的${words.rateLabel.slice(0, -1)}类票数合计÷${r.unmarkedSubjects === 'against' ? '该类对象的有效测评票数合计（未评价的计入）' : '该类对象作出评价的票数合计'}。`,
      indent: false,
    },
    {
      type: 'table',
      fontSize: size,
      columns: summaryColumns(labels, words.rateLabel, size),
      rows: summary,
    },
  );
  groups.forEach((g, i) => {
    blocks.push({ type: 'heading2', text: `（${chineseNumeral(i + 1)}）${g.category}（${g.rows.length}人）` });
    const ranked = rankSatisfactionRows(g.rows, r.tieBreak);
    blocks.push({
      type: 'table',
      fontSize: 10.5,
      columns: fitColumns(
        [
          { header: '类内名次', chars: 2.5, align: 'center' },
          { header: '总名次', chars: 2.5, align: 'center' },
          { header: '姓名', chars: 4, align: 'center' },
          { header: '单位及职务', chars: 0, flex: true },
          { header: words.rateLabel, chars: 4, align: 'center' },
          { header: '测评结果', chars: 4, align: 'center' },
        ],
        10.5,
      ),
      rows: ranked.map((x) => [String(x.rank), String(r.rows.find((y) => y.index === x.index)!.rank), x.name, unitPost(x), x.rate ?? '—', x.grade]),
    });
  });
  return {
    kind: 'assessment-categories',
    fileTitle: `${words.scaleTitle}结果分类汇总表-${session.title}`,
    title: `${words.scaleTitle}结果分类汇总表`,
    subtitle: `（${session.title}）`,
    blocks,
    signature: { issuer, date },
  };
}
