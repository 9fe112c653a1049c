// What an assessment and its rate are called is decided by the scale (domain/satisfaction.ts scaleWords,
// domain/agenda.ts agendaKindLabel): 满意度测评 with a 满意率 on the three levels, 称职测评 with a 称职率 on
// the four (优秀 / 称职 / 基本称职 / 不称职). Like verdict-words.test.ts, this reads the sources: a text
// outside domain/ that names one scale's words (满意率 or 满意度测评) without the other's is a face that
// says 满意率 on a 称职测评. A text naming both ("满意度测评（或称职测评）": a page about either) is fine.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, sourcesOutsideDomain, withoutComments } from '../../helpers/source-texts';
import { describe, expect, it } from 'vitest';
import { agendaKindLabel, AGENDA_KIND_LABELS } from '../../../src-main/domain/agenda';
import { scaleWords } from '../../../src-main/domain/satisfaction';

/** Sample data, not a face: the benchmark's seeded sessions are on the three levels. */
const NOT_FACES = new Set(['src-main/cli/bench-seed.ts']);

const THREE = /满意率|满意度测评/;
const FOUR = /称职率|称职测评/;

/** The texts of the code (string and template literals, JSX text) that name one scale's words only. */
export function oneScaleTexts(code: string): string[] {
  const texts = [...withoutComments(code).matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`|>[^<>{}]*</g)].map((m) => m[0]);
  return texts.filter((t) => THREE.test(t) !== FOUR.test(t));
}

describe('the scale’s words come from domain/ only', () => {
  it('no face or document outside src-main/domain/ writes 满意率 / 满意度测评 (or 称职率 / 称职测评) for one scale itself', () => {
    const files = sourcesOutsideDomain().filter((f) => !NOT_FACES.has(path.relative(ROOT, f)));
    const found = files.flatMap((f) => oneScaleTexts(fs.readFileSync(f, 'utf8')).map((t) => `${path.relative(ROOT, f)}: ${t}`));
    expect(found).toEqual([]);
  });

  it('the check finds a hard-coded word (so that it can fail), and lets a text naming both pass', () => {
    expect(oneScaleTexts(`<option value="rate">满意率（满意＋基本满意）÷收回票</option>`)).toEqual(['>满意率（满意＋基本满意）÷收回票<']);
    expect(oneScaleTexts("const t = `${n}轮满意度测评`;")).toEqual(['`${n}轮满意度测评`']);
    expect(oneScaleTexts("add('x', '满意度测评结果统计表：')")).toEqual(["'满意度测评结果统计表：'"]);
    expect(oneScaleTexts(`// 满意率 in a comment\nconst a = '满意度测评（或称职测评）';\nconst b = '满意／基本满意／不满意';`)).toEqual([]);
  });

  it('an agenda item’s kind: 满意度测评 on the three levels, 称职测评 on the four; other kinds as AGENDA_KIND_LABELS', () => {
    expect(agendaKindLabel('assessment', 'three')).toBe('满意度测评');
    expect(agendaKindLabel('assessment', 'four')).toBe('称职测评');
    expect(agendaKindLabel('vote', 'four')).toBe(AGENDA_KIND_LABELS.vote);
    expect(scaleWords('four').rateLabel).toBe('称职率');
  });
});
