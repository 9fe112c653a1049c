// 测评结果统计表: every subject with its counts per level, rate, grade and rank, in ranked order (the
// header row repeats on every page), the counting rule, and the consequences by name.
import type { AssessmentRow } from '../assessment/assessment-store';
import type { SatisfactionOutcome, SatisfactionRow } from '../assessment/types';
import { CONSEQUENCE_RECTIFY, CONSEQUENCE_REPORT_AGAIN, paperSheetsNote, scaleWords } from '../domain/satisfaction';
import type { LevelWords } from '../domain/level';
import type { Block, DocModel, TableColumn } from '../documents/model';
import type { Store } from '../store/store';
import { assessmentVoidLines } from '../documents-session/voided';
import { docHeading, fitColumns, methodText, unitPost } from './common';

export function participationText(r: SatisfactionOutcome, a: AssessmentRow): string {
  const returned = r.sheetsReturned + r.sheetsSetAside;
  const aside = r.sheetsSetAside > 0 ? `（${r.sheetsSetAside}份有未填写的测评对象，按规定不计入）` : '';
  return `应出席常委会组成人员${a.allMembers}人，参加测评${r.eligible}人，收回测评表${returned}份${paperSheetsNote('satisfaction', r.paperSheets)}，计入统计${r.sheetsReturned}份${aside}。`;
}

/** 10 pt for the three-level scale, 9 pt for four levels, so every figure stays on one line. */
export const resultFontSize = (r: SatisfactionOutcome) => (r.levelLabels.length > 3 ? 9 : 10);

/** Subjects that are reports, not persons (a report or handling-report item): no 姓名 / 单位及职务 columns. */
export const reportSubjects = (rows: readonly { name: string; officialId: number | null }[]): boolean =>
  rows.length > 0 && rows.every((x) => x.officialId === null && /报告$/.test(x.name.trim()));

export function resultColumns(r: SatisfactionOutcome): TableColumn[] {
  const reports = reportSubjects(r.rows);
  const single = reports && r.rows.length === 1;
  return fitColumns(
    [
      ...(single ? [] : [{ header: '名次', chars: 2, align: 'center' as const }]),
      ...(reports
        ? single
          ? []
          : [{ header: '测评对象', chars: 0, flex: true }]
        : [
            { header: '姓名', chars: 4, align: 'center' as const },
            { header: '单位及职务', chars: 0, flex: true },
          ]),
      ...r.levelLabels.map((l) => ({ header: l, chars: Math.max(2, l.length), align: 'center' as const })),
      { header: '未评', chars: 2, align: 'center' },
      { header: r.rateLabel ?? scaleWords(r.scale).rateLabel, chars: 4, align: 'center' }, // a result stored before rateLabel: by its scale
      { header: '测评结果', chars: 4, align: 'center' },
    ],
    resultFontSize(r),
  );
}

export function resultRow(x: SatisfactionRow, r: SatisfactionOutcome): string[] {
  const reports = reportSubjects(r.rows);
  const who = reports ? (r.rows.length === 1 ? [] : [String(x.rank), x.name]) : [String(x.rank), x.name, unitPost(x) || x.category];
  return [...who, ...x.levels.map(String), String(x.unmarked), x.rate ?? '—', x.grade];
}

/** "测评结果为……的，限期整改并再次报告：张三、李四。" */
export function consequenceBlocks(r: SatisfactionOutcome, words: LevelWords): Block[] {
  const named = (c: string) => r.rows.filter((x) => x.consequence === c).map((x) => x.name);
  const worst = r.levelLabels[r.levelLabels.length - 1]!;
  const next = r.levelLabels[r.levelLabels.length - 2]!;
  const again = named(CONSEQUENCE_REPORT_AGAIN);
  const rectify = named(CONSEQUENCE_RECTIFY);
  const blocks: Block[] = [{ type: 'heading3', text: '测评结果的运用' }];
  if (again.length) blocks.push({ type: 'paragraph', text: `测评结果为“${worst}”或“${worst}”票超过半数的，${CONSEQUENCE_REPORT_AGAIN}（一般在下次常委会会议上报告）：${again.join('、')}。` });
  if (rectify.length) blocks.push({ type: 'paragraph', text: `测评结果为“${next}”的，${CONSEQUENCE_RECTIFY}：${rectify.join('、')}。` });
  if (!again.length && !rectify.length) blocks.push({ type: 'paragraph', text: `本次测评没有测评结果为“${next}”或“${worst}”的对象。` });
  blocks.push({ type: 'paragraph', text: `测评结果按名次报送${words.party}，并反馈${words.government}及有关单位。` });
  return blocks;
}

export function resultTableDoc(store: Store, a: AssessmentRow): DocModel {
  const { session, issuer, date, words } = docHeading(store, a.sessionId);
  const r = a.result?.kind === 'satisfaction' ? a.result : null;
  const blocks: Block[] = [
    { type: 'paragraph', text: `测评事项：${a.title}${a.round > 1 ? `（第${a.round}轮）` : ''}`, indent: false },
    { type: 'paragraph', text: `测评时间：${date}　测评方式：${methodText(a)}`, indent: false },
    ...assessmentVoidLines(store, a).map((text): Block => ({ type: 'paragraph', text, indent: false })),
  ];
  if (!r) {
    blocks.push({ type: 'paragraph', text: '本次测评尚未结束，暂无统计结果。' });
  } else {
    blocks.push(
      { type: 'paragraph', text: participationText(r, a), indent: false },
      { type: 'paragraph', text: `计票规则：${r.ruleText}。`, indent: false },
      // a single report: its title as a line of its own above the figures, not squeezed into a 姓名 cell
      ...(reportSubjects(r.rows) && r.rows.length === 1 ? [{ type: 'paragraph' as const, text: `测评对象：${r.rows[0]!.name}`, indent: false }] : []),
      { type: 'table', fontSize: resultFontSize(r), columns: resultColumns(r), rows: r.rows.map((x) => resultRow(x, r)) },
      ...consequenceBlocks(r, words),
    );
  }
  return {
    kind: 'assessment-results',
    fileTitle: `${scaleWords(a.scale ?? 'three').scaleTitle}结果统计表-${session.title}`,
    title: `${scaleWords(a.scale ?? 'three').scaleTitle}结果统计表`,
    subtitle: `（${session.title}）`,
    blocks,
    signature: { issuer, date },
  };
}
