// Generated documents for the layout tests: deterministic pseudo-random Chinese text with the
// punctuation, brackets, quotes, digits and Latin runs official documents contain.
import type { Block, DocModel, TableColumn } from '../../../src-main/documents/model';
import { seededRandom } from '../../../src-main/shared/seeded-random';

const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
const PLAIN = '示例区人民代表大会常务委员会审议意见执行情况报告政府部门工作推进落实监督检查预算决算财政资金项目管理服务群众民生保障经济社会发展规划建设生态环境保护';

export const rng = seededRandom;

const pick = (r: () => number, s: string, n: number): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += s[Math.floor(r() * s.length)];
  return out;
};

/** A sentence with clauses, 、 lists, brackets, quotes, book titles, numbers and Latin. */
export function sentence(r: () => number): string {
  const clauses: string[] = [];
  const n = 2 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    let c = pick(r, COMMON, 3 + Math.floor(r() * 10));
    const x = r();
    if (x < 0.12) c += `（${pick(r, COMMON, 2 + Math.floor(r() * 6))}）`;
    else if (x < 0.22) c = `“${pick(r, COMMON, 2 + Math.floor(r() * 6))}”${c}`;
    else if (x < 0.3) c += `《${pick(r, COMMON, 4 + Math.floor(r() * 8))}》`;
    else if (x < 0.38) c += `${2020 + Math.floor(r() * 7)}年${1 + Math.floor(r() * 12)}月`;
    else if (x < 0.44) c += `增长${(r() * 30).toFixed(1)}%`;
    else if (x < 0.48) c += `GB/T ${9000 + Math.floor(r() * 999)}`;
    else if (x < 0.56) c += `、${pick(r, COMMON, 2)}、${pick(r, COMMON, 2)}`;
    clauses.push(c);
  }
  const ends = ['。', '。', '。', '；', '？', '！', '：'];
  let s = clauses.map((c, i) => (i === 0 ? c : (r() < 0.2 ? '；' : '，') + c)).join('');
  s += ends[Math.floor(r() * ends.length)]!;
  if (r() < 0.1) s += '……';
  if (r() < 0.1) s = `——${s}`;
  return s;
}

export function paragraphText(r: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r)).join('');
}

/** Text made only of ideographs (no punctuation): every full line holds exactly 28 characters. */
export function plainText(chars: number, offset = 0): string {
  let out = '';
  for (let i = 0; i < chars; i++) out += PLAIN[(i + offset) % PLAIN.length];
  return out;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A long 审议意见书 with headings 一、（一）1. and punctuation-heavy paragraphs (12 pages). */
export function reviewOpinion(seed = 20260922, sections = 4): DocModel {
  const r = rng(seed);
  const blocks: Block[] = [
    { type: 'paragraph', text: paragraphText(r, 4) },
  ];
  for (let h1 = 0; h1 < sections; h1++) {
    blocks.push({ type: 'heading1', text: `${CN[h1]}、${pick(r, COMMON, 8 + Math.floor(r() * 8))}` });
    blocks.push({ type: 'paragraph', text: paragraphText(r, 3) });
    for (let h2 = 0; h2 < 3; h2++) {
      blocks.push({ type: 'heading2', text: `（${CN[h2]}）${pick(r, COMMON, 6 + Math.floor(r() * 10))}` });
      for (let h3 = 0; h3 < 2; h3++) {
        blocks.push({ type: 'heading3', text: `${h3 + 1}.${pick(r, COMMON, 6 + Math.floor(r() * 12))}。` });
        blocks.push({ type: 'paragraph', text: paragraphText(r, 3 + Math.floor(r() * 3)) });
      }
    }
  }
  return {
    kind: 'review-opinion',
    fileTitle: '关于示例区2025年财政预算执行情况的审议意见',
    redHeader: { issuer: '示例区人民代表大会常务委员会', docNumber: '示人常〔2026〕12号' },
    title: '示例区人民代表大会常务委员会\n关于区人民政府2025年财政预算执行情况报告的审议意见',
    addressee: '区人民政府：',
    blocks,
    signature: { issuer: '示例区人民代表大会常务委员会', date: '2026年9月22日' },
    footer: { cc: '区委办公室，区人大常委会各工作机构，区监察委员会，区人民法院，区人民检察院', printedBy: '示例区人大常委会办公室', printedDate: '2026年9月23日' },
  };
}

/** A resolution without punctuation in its body, for grid measurements. */
export function gridDoc(paragraphs = 6, charsPerParagraph = 250): DocModel {
  return {
    kind: 'resolution',
    fileTitle: '关于批准区级决算的决议',
    title: '示例区人民代表大会常务委员会关于批准区级决算的决议',
    subtitle: '（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）',
    blocks: Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph' as const, text: plainText(charsPerParagraph, i * 7) })),
  };
}

/** A vote-result style table long enough to cross pages. */
export function tableDoc(rows = 90): DocModel {
  const r = rng(7);
  return {
    kind: 'vote-results',
    fileTitle: '表决结果',
    title: '示例区第二届人民代表大会常务委员会\n第十六次会议表决结果',
    blocks: [
      { type: 'paragraph', text: '本次会议应到组成人员三十五人，实到三十三人，符合法定人数。表决结果如下：' },
      {
        type: 'table',
        columns: [
          { header: '序号', width: 1, align: 'center' },
          { header: '姓名', width: 2, align: 'center' },
          { header: '表决意见', width: 2, align: 'center' },
          { header: '备注', width: 5 },
        ],
        rows: Array.from({ length: rows }, (_, i) => [
          String(i + 1),
          `委员${String(i + 1).padStart(3, '0')}号`,
          ['赞成', '反对', '弃权'][Math.floor(r() * 3)]!,
          i % 9 === 4 ? paragraphText(r, 2) : pick(r, COMMON, Math.floor(r() * 12)),
        ]),
      },
      { type: 'paragraph', text: '以上表决结果经计票人核对无误。' },
    ],
  };
}

/** The columns of a session's 签到表 (meeting/documents.ts signInSheetDoc). */
export const SIGN_IN_COLUMNS: TableColumn[] = [
  { header: '座位号', width: 1, align: 'center' },
  { header: '姓名', width: 2, align: 'center' },
  { header: '职务', width: 1.5, align: 'center' },
  { header: '出席情况', width: 2, align: 'center' },
  { header: '签到时间', width: 1.5, align: 'center' },
];

/** A 第十六次会议 签到表: its lines above the table, then the table of `rows`. */
export function signInSheet(lines: string[], rows: string[][]): DocModel {
  return {
    kind: 'sign-in',
    fileTitle: '签到表',
    title: '签到表',
    subtitle: '（示例区第二届人民代表大会常务委员会第十六次会议）',
    blocks: [...lines.map((text): Block => ({ type: 'paragraph', text, indent: false })), { type: 'table', columns: SIGN_IN_COLUMNS, rows }],
  };
}
