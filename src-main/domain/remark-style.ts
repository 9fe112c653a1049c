// Drafting a review opinion from members' remarks: what a member said in the first person becomes
// the office's third-person wording ("有的委员指出，……" / "有的委员建议，……"), an editable starting
// point. Pure text rules, no IO.
//
// Rule:
// - The remark is cut into sentences (。！？；, line ends).
// - Sentences that only agree or frame ("我同意郭志委员的意见", "我讲两点意见", "谢谢", "我就说这些")
//   are dropped; inside a sentence a leading agreement clause is dropped too.
// - First-person openers are dropped: 我认为 / 我觉得 / 我感到 / 我注意到 / 我们认为 …; "我建议"
//   becomes "建议"; "我想问一下" / "请问" go; "我们区/我区" stays "我区" (the office writes so); any other leading 我/我们 goes.
// - The sentences left are joined and put after "有的委员指出，" (problems) or "有的委员建议，"
//   (opinions and suggestions), a leading "建议" / "要" / "希望" not repeated. Nothing left → ''.

export type OpinionSection = 'problems' | 'suggestions';

export const SECTION_LEADS: Record<OpinionSection, string> = { problems: '有的委员指出，', suggestions: '有的委员建议，' };

const FILLER = [
  /^(我|我们)?(完全|非常)?(同意|赞同|赞成|支持)(.{0,20}?)(的)?(意见|发言|看法|观点|报告|说法)$/,
  /^(我|我们)?(完全|非常)?(同意|赞同|赞成|支持)(这个|该)?(报告)?$/,
  /^(我|我们)?(再)?(讲|说|谈|提)(一下|两点|几点|三点|一点|几句)?(个人)?(的)?(意见|看法|建议|想法)?$/,
  /^(我|我们)(的)?(意见|发言|建议)(就是这些|就这些|完了|到此)$/,
  /^(我)?(就)?(说|讲)(这些|这么多)$/,
  /^(谢谢|谢谢大家|好的|就这些|完了)$/,
];

const LEADING_AGREEMENT = /^(我|我们)?(完全|非常)?(同意|赞同|赞成)[^，,]{0,30}?(的)?(意见|发言|看法|观点)[，,]\s*/;
const FIRST_PERSON_OPENER = /^(我|我们|本人|个人)(也)?(认为|觉得|感到|感觉|看|想|注意到|发现|了解到|听说|理解|希望|以为)[，,：:]?\s*/;
const ASKING = /^(想|再)?(问一下|问问|请问|想问)[，,：:]?\s*/;
const I_SUGGEST = /^(我|我们|本人|个人)(也)?(还)?(再)?(提出|提一点|提个)?建议[，,：:]?\s*/;

function sentences(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/(?<=[。！？!?；;])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const bare = (s: string): string => s.replace(/[。！？!?；;，,、\s]+$/g, '').trim();

/** One sentence in the third person: agreement and first-person openers dropped; '' when nothing is left. */
export function thirdPersonSentence(sentence: string): string {
  let s = sentence.trim().replace(/^(另外|此外|还有|第[一二三四五六七八九十]+|[一二三四五六七八九十]+是|首先|其次|最后)[，,、]?\s*/, '');
  if (FILLER.some((r) => r.test(bare(s)))) return '';
  s = s.replace(LEADING_AGREEMENT, '');
  if (I_SUGGEST.test(s)) s = s.replace(I_SUGGEST, '建议');
  else s = s.replace(FIRST_PERSON_OPENER, '');
  s = s.replace(ASKING, '');
  s = s.replace(/^我们(区|县|市|旗)/, '我$1');
  s = s.replace(/^(我们|我)(?!区|县|市|旗)/, '');
  s = s.replace(/^[，,、：:\s]+/, '');
  return FILLER.some((r) => r.test(bare(s))) ? '' : s;
}

/** The remark as the office's third-person paragraph for a section; '' when only agreement was said. */
export function remarkToThirdPerson(text: string, section: OpinionSection): string {
  const kept = sentences(text).map(thirdPersonSentence).filter((s) => bare(s) !== '');
  if (kept.length === 0) return '';
  let body = kept.map((s, i) => (i < kept.length - 1 && !/[。！？!?；;]$/.test(s) ? `${s}。` : s)).join('');
  if (section === 'suggestions') body = body.replace(/^(建议|要|希望)[，,：:]?/, '');
  body = body.replace(/[；;，,、\s]+$/, '');
  return `${SECTION_LEADS[section]}${/[。！？!?]$/.test(body) ? body : `${body}。`}`;
}

/** Where a remark most likely belongs: suggestions when it proposes (建议, 应当, 要…), else problems. */
export function sectionOf(text: string): OpinionSection {
  return /建议|应当|应该|希望|需要|(^|[，。；！])要|进一步|加强|加快|完善|提高|推动/.test(text) ? 'suggestions' : 'problems';
}
