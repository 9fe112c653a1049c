// 票决结果: sheets issued and returned, valid and invalid, every candidate ranked by votes with its
// share and what became of it, the selected projects, and a tie at the cut-off for a new ballot.
import { assessmentsOfItem, type AssessmentRow } from '../assessment/assessment-store';
import { projectFinal, projectFinalText } from '../assessment/results';
import type { ProjectOutcome } from '../assessment/types';
import { projectStanding } from '../domain/project-ballot';
import { paperSheetsNote } from '../domain/satisfaction';
import type { Block, DocModel } from '../documents/model';
import type { Store } from '../store/store';
import { assessmentVoidLines } from '../documents-session/voided';
import { docHeading, fitColumns, methodText } from './common';

/** "第10至11名得票相同（均为20票）：甲、乙，需就剩余1个名额另行票决。" */
export function tieText(r: ProjectOutcome): string | null {
  if (!r.tieAtCutoff.length) return null;
  const tied = r.rows.filter((x) => x.tied);
  const first = Math.min(...tied.map((x) => x.rank));
  const left = r.chooseMax - r.selectedCount;
  return `第${first}至${first + tied.length - 1}名得票相同（均为${tied[0]!.votes}票）：${tied.map((x) => x.name).join('、')}，需就剩余${left}个名额另行票决。`;
}

export function projectResultDoc(store: Store, a: AssessmentRow): DocModel {
  const { session, issuer, date } = docHeading(store, a.sessionId);
  const r = a.result?.kind === 'project' ? a.result : null;
  const blocks: Block[] = [
    { type: 'paragraph', text: `票决事项：${a.title}${a.round > 1 ? `（第${a.round}轮）` : ''}`, indent: false },
    { type: 'paragraph', text: `票决时间：${date}　票决方式：${methodText(a)}`, indent: false },
    { type: 'paragraph', text: `候选项目${a.subjects.length}个，每张选票最多选择${a.chooseMax ?? 1}个，多选的选票无效。`, indent: false },
    ...assessmentVoidLines(store, a).map((text): Block => ({ type: 'paragraph', text, indent: false })),
  ];
  if (!r) {
    blocks.push({ type: 'paragraph', text: '本次票决尚未结束，暂无结果。' });
  } else {
    blocks.push({
      type: 'paragraph',
      text: `应出席常委会组成人员${a.allMembers}人，参加票决${r.eligible}人，收回选票${r.validSheets + r.invalidSheets}张${paperSheetsNote('project', r.paperSheets)}，其中有效票${r.validSheets}张，无效票${r.invalidSheets}张。${r.minShareText ? `${r.minShareText}。` : ''}`,
      indent: false,
    });
    blocks.push({
      type: 'table',
      fontSize: 11,
      columns: fitColumns(
        [
          { header: '名次', chars: 2, align: 'center' },
          { header: '候选项目', chars: 0, flex: true },
          { header: '得票', chars: 2, align: 'center' },
          { header: '得票率', chars: 4, align: 'center' },
          { header: '结果', chars: 9, align: 'center' },
        ],
        11,
      ),
      rows: r.rows.map((x) => [String(x.rank), x.name, String(x.votes), x.share ?? '—', projectStanding(x)]),
    });
    const selected = r.rows.filter((x) => x.selected).map((x) => x.name);
    blocks.push({ type: 'paragraph', text: selected.length ? `入选项目${selected.length}个：${selected.join('、')}。` : '没有项目入选。' });
    const tie = tieText(r);
    if (tie) blocks.push({ type: 'paragraph', text: tie });
    // After runoffs: one final list across the rounds, each project with the round that decided it.
    const final = projectFinal(assessmentsOfItem(store, a.itemId), a.round);
    if (final && final.rounds > 1) {
      blocks.push(
        { type: 'heading3', text: `最终结果（共${final.rounds}轮票决）` },
        {
          type: 'table',
          fontSize: 11,
          columns: fitColumns([{ header: '序号', chars: 2, align: 'center' }, { header: '入选项目', chars: 0, flex: true }, { header: '确定轮次', chars: 4, align: 'center' }, { header: '得票', chars: 2, align: 'center' }], 11),
          rows: final.selected.map((x, i) => [String(i + 1), x.name, `第${x.round}轮`, String(x.votes)]),
        },
        { type: 'paragraph', text: projectFinalText(final) },
      );
    }
  }
  return {
    kind: 'project-ballot-result',
    fileTitle: `票决结果-${session.title}`,
    title: '票决结果',
    subtitle: `（${session.title}）`,
    blocks,
    signature: { issuer, date },
  };
}
