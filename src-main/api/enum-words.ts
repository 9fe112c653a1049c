// The Chinese words of every choice an edge schema offers (a zod enum or literal): a refusal of a
// value outside them names the field and the choices as the console shows them ("议程类型：应为以下之一：
// 听取审议报告、表决…"), never the values of the code ("report"|"vote"). dispatch.ts describeZodError
// asks `choiceWords` for each refused choice; tests/unit/api/enum-words.test.ts walks every command's
// schema so that a new enum without its words here fails.
import { AGENDA_KIND_LABELS, APPOINTMENT_ACTION_LABELS } from '../domain/agenda';
import { DISPOSITION_LABELS } from '../domain/item-disposition';
import { NAME_ORDER_LABELS } from '../domain/strokes';
import { TIE_BREAK_LABELS } from '../domain/satisfaction';
import { ADOPTION_BASE_LABELS, CHOICE_LABELS, THRESHOLD_LABELS } from '../domain/vote';
import { RESOLUTION_KIND_LABELS } from '../review/resolutions';
import { ARCHIVE_KIND_LABELS } from '../shared/archive-kinds';

export interface ChoiceWords {
  /** What the field is called when its value is one of these. */
  noun: string;
  labels: Readonly<Record<string, string>>;
}

/** Every set of choices in the command map. A set is found by its values (exact set first, then the smallest that holds them). */
const CHOICES: readonly ChoiceWords[] = [
  { noun: '议程类型', labels: AGENDA_KIND_LABELS },
  { noun: '表决意见', labels: CHOICE_LABELS },
  { noun: '出席情况', labels: { present: '已签到', leave: '请假', left: '离会', absent: '未到' } },
  { noun: '表决方式', labels: { electronic: '电子表决', show_of_hands: '举手表决', paper: '纸质票表决' } },
  { noun: '测评方式', labels: { electronic: '电子（委员终端）', paper: '纸质（录入统计结果）' } },
  { noun: '按键规则', labels: { first: '以第一次按键为准', last: '以最后一次按键为准' } },
  { noun: '通过所需票数', labels: THRESHOLD_LABELS },
  { noun: '计算基数', labels: ADOPTION_BASE_LABELS },
  { noun: '测评等次', labels: { three: '满意／基本满意／不满意', four: '优秀／称职／基本称职／不称职' } },
  { noun: '计算规则', labels: { rate: '按满意率（称职率）', grade: '按全体组成人员半数定等次' } },
  { noun: '未评价的对象', labels: { against: '计入分母', excluded: '不计入分母' } },
  { noun: '名次相同时', labels: TIE_BREAK_LABELS },
  { noun: '排序方式', labels: NAME_ORDER_LABELS },
  { noun: '文件格式', labels: { pdf: 'PDF', docx: 'Word 文档（DOCX）' } },
  { noun: '段落类型', labels: { h1: '一级标题（一、）', h2: '二级标题（（一））', h3: '三级标题（1.）', p: '正文段落' } },
  { noun: '发言方式', labels: { spoken: '口头发言', written: '书面意见' } },
  { noun: '办理结果', labels: { accepted: '常委会认可（办结）', report_again: '需再次报告' } },
  { noun: '类型', labels: RESOLUTION_KIND_LABELS },
  { noun: '宣誓方式', labels: { single: '单独宣誓', collective: '集体宣誓' } },
  { noun: '名单类型', labels: { members: '组成人员', attendees: '列席人员', officials: '述职人员' } },
  { noun: '文件', labels: { result: '测评结果统计表', categories: '测评结果分类汇总表' } },
  { noun: '文件', labels: { ballotResult: '表决结果', resultSheet: '表决结果汇总', signInSheet: '签到表', appointmentList: '任免名单', seatCodes: '座位码' } },
  { noun: '类别', labels: ARCHIVE_KIND_LABELS },
  { noun: '任免方式', labels: APPOINTMENT_ACTION_LABELS },
  { noun: '表决安排', labels: { each: '逐人表决', all: '合并表决', mixed: '分组表决' } },
  { noun: '处理方式', labels: DISPOSITION_LABELS },
];

const HAN = /\p{Script=Han}/u;

/**
 * The words of a set of choices, or null when the command map has none for it. Choices written in
 * Chinese already (职务 主任 / 委员, 性别 男 / 女, 区 / 县) are their own words (the empty choice: 不填).
 */
export function choiceWords(values: readonly unknown[]): ChoiceWords | null {
  const keys = values.map(String);
  if (keys.every((k) => k === '' || HAN.test(k))) return { noun: '', labels: Object.fromEntries(keys.map((k) => [k, k === '' ? '不填' : k])) };
  const holding = CHOICES.filter((c) => keys.every((k) => Object.hasOwn(c.labels, k)));
  const size = (c: ChoiceWords) => Object.keys(c.labels).length;
  return holding.find((c) => size(c) === keys.length) ?? holding.sort((a, b) => size(a) - size(b))[0] ?? null;
}

/** "应为以下之一：听取审议报告、表决", "应为“赞成”", or, for a set without words, that the value is not one of the choices. */
export function choiceRefusal(values: readonly unknown[]): string {
  const words = choiceWords(values);
  if (!words) return '不是可选的值';
  const labels = values.map((v) => words.labels[String(v)]!);
  return labels.length === 1 ? `应为“${labels[0]}”` : `应为以下之一：${labels.join('、')}`;
}
