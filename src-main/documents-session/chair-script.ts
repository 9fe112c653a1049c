// 主持词: the chair's script, generated from the agenda and filled in as the session goes: the
// attendance figure at the opening ("应出席常委会组成人员33人，实到30人，符合法定人数。现在开会。"), each
// item in order with its presenter, each ballot's and assessment's result once known
// ("赞成18票，反对1票，弃权1票，通过。"), the 宪法宣誓 of those appointed (as recorded, or with the
// names the ballots adopted), blanks where a figure is not known yet.
import { chineseNumeral } from '../domain/numerals';
import type { Scale } from '../domain/satisfaction';
import type { Block, DocModel } from '../documents/model';
import { listItems, type AgendaItem } from '../store/agenda';
import type { Store } from '../store/store';
import { docHeading, sessionDocTitle } from './heading';
import { newlyAppointed, oathNames } from '../meeting/oaths';
import { assessmentOutcome, assessmentsOf, assessmentTitle, attendanceLine, BLANK, ballotOutcomes, blankResult, dispositionLineOf, itemKindLabel, provisionWords, NOT_VOTED, oathsOf } from './outcomes';

const p = (text: string): Block => ({ type: 'paragraph', text });

function presenterLine(item: AgendaItem, verb: string): string {
  return item.presenter ? `请${item.presenter}${verb}。` : '';
}

/** Each ballot's call and result; blanks to fill in before any ballot, "本项未付表决" once the session is over without one. */
function voteBlocks(store: Store, item: AgendaItem, closed: boolean): Block[] {
  const outcomes = ballotOutcomes(store, item);
  const call = '现在进行表决。请各位组成人员按表决器。';
  const disposition = dispositionLineOf(store, item);
  if (!outcomes.length) return disposition ? [p(disposition)] : closed ? [p(NOT_VOTED)] : [p(call), p(`表决结果：${blankResult()}`)];
  const held = outcomes.flatMap((o) => {
    const who = o.persons.length ? `对${o.persons.join('、')}的任免` : '';
    const how = o.ballot.method === 'electronic' ? '请各位组成人员按表决器。' : o.ballot.method === 'paper' ? '请各位组成人员填写表决票。' : '请各位组成人员举手表决。';
    const round = o.ballot.round > 1 ? `（第${o.ballot.round}轮）` : '';
    const what = provisionWords(o.ballot) || `${who}进行表决`;
    return [p(`现在${what}${round}。${how}`), p(`表决结果：${o.result}`)];
  });
  return disposition ? [...held, p(disposition)] : held;
}

/** "满意度测评" (or "称职测评", by the scale) or "票决", with each round's result. */
function assessmentBlocks(store: Store, item: AgendaItem, scale: Scale, closed: boolean): Block[] {
  const rounds = assessmentsOf(store, item);
  const what = item.kind === 'project_ballot' ? '票决' : assessmentTitle(rounds, scale);
  const call = `现在进行${what}，请各位组成人员${item.kind === 'project_ballot' ? '在终端或选票上选择项目' : '在终端或测评表上作出评价'}。`;
  if (!rounds.length) return closed ? [p(`本项未进行${what}。`)] : [p(call), p(`${what}结果：${BLANK}。`)];
  return rounds.flatMap((a) => [p(call), p(`${a.round > 1 ? `第${a.round}轮` : ''}${assessmentOutcome(a)}`)]);
}

/**
 * 宪法宣誓 after an appointment item: as recorded (who, who led it, who administered it), or, before it
 * is recorded, the names the ballots appointed with the 监誓人 left blank; nothing when nobody was appointed.
 */
function oathBlocks(store: Store, item: AgendaItem): Block[] {
  const recorded = oathsOf(store, item.sessionId, item.id);
  const how = '宣誓人左手抚按《中华人民共和国宪法》，右手举拳，诵读誓词。';
  if (recorded.length) {
    return recorded.flatMap((o) => [
      p(`下面，进行宪法宣誓。请新任命的${oathNames(o)}${o.form === 'collective' ? `进行集体宣誓，由${o.ledBy}领誓` : '依次进行宣誓'}；请${o.administeredBy}监誓。${how}`),
      p('宣誓完毕。'),
    ]);
  }
  const names = newlyAppointed(store, item.sessionId, item.id).map((x) => x.name);
  if (!names.length) return [];
  return [p(`下面，进行宪法宣誓。请新任命的${names.join('、')}进行宣誓；请${BLANK}监誓。${how}`), p('宣誓完毕。')];
}

function itemBlocks(store: Store, item: AgendaItem, n: number, scale: Scale, closed: boolean): Block[] {
  const intro = p(`下面进行会议第${chineseNumeral(n)}项议程：${item.title.replace(/[。；]+$/, '')}。`);
  switch (item.kind) {
    case 'report':
    case 'handling_report':
      return [intro, p(presenterLine(item, '作报告') || '现在听取报告。'), p('报告后，请各位组成人员审议。'), ...(assessmentsOf(store, item).length ? assessmentBlocks(store, item, scale, closed) : [])];
    case 'vote':
      return [intro, ...(item.presenter ? [p(presenterLine(item, '作说明'))] : []), ...voteBlocks(store, item, closed)];
    case 'appointment':
      return [intro, ...(item.presenter ? [p(presenterLine(item, '作说明'))] : []), ...voteBlocks(store, item, closed), ...oathBlocks(store, item)];
    case 'assessment':
      return [intro, ...assessmentBlocks(store, item, scale, closed)];
    case 'project_ballot':
      return [intro, ...assessmentBlocks(store, item, scale, closed)];
    default:
      return [intro, ...(item.presenter ? [p(presenterLine(item, '作说明'))] : []), ...((d) => (d ? [p(d)] : []))(dispositionLineOf(store, item))];
  }
}

export function chairScriptDoc(store: Store, sessionId: number): DocModel {
  const h = docHeading(store, sessionId);
  const items = listItems(store, sessionId);
  const blocks: Block[] = [
    { type: 'paragraph', text: '各位副主任、秘书长，各位委员：', indent: false },
    p(`今天召开${h.session.title}。${attendanceLine(store, h.session)}现在开会。`),
  ];
  if (items.length) {
    blocks.push(p(`本次会议共有${items.length}项议程：${items.map((it, i) => `${chineseNumeral(i + 1)}是${it.title.replace(/[。；]+$/, '')}`).join('；')}。`));
  }
  items.forEach((item, i) => {
    const scale = h.session.rules.satisfaction.scale;
    blocks.push({ type: 'heading1', text: `${chineseNumeral(i + 1)}、${itemKindLabel(store, item, scale)}` });
    blocks.push(...itemBlocks(store, item, i + 1, scale, h.session.status === 'closed'));
  });
  blocks.push({ type: 'heading1', text: `${chineseNumeral(items.length + 1)}、闭会` });
  blocks.push(p(`${h.session.title}的各项议程已经全部完成。现在闭会。`));
  return { kind: 'chair-script', fileTitle: `主持词-${h.session.title}`, title: sessionDocTitle(h, '主持词'), blocks };
}
