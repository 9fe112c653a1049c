// Ten years of a committee's sessions for `npm run bench`: closed sessions with their agendas,
// documents, announced ballots and every member's vote (the "ballots" counted), remarks, review
// opinions with 文号 and handling status, and satisfaction assessments. Written through the real
// schema (the app's own openDatabase and migrations, so migration 007's triggers index every row as
// it goes in) with bulk inserts in big transactions. Deterministic: the same options give the same file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decideAdoption, announceResult, tally } from '../domain/vote';
import { DEFAULT_RULES } from '../domain/settings';
import { openDatabase } from '../store/db';
import { seededRandom } from '../shared/seeded-random';

export interface SeedOptions {
  sessions: number;
  /** Votes cast in all (named votes and secret voters together). */
  ballots: number;
  years: number;
  firstYear: number;
  region: string;
}

export interface SeedSummary {
  sessions: number;
  ballotRounds: number;
  votes: number;
  remarks: number;
  opinions: number;
  assessments: number;
  documents: number;
  /** What the search benchmark looks for: real 文号 and speakers of the seeded data. */
  docNumbers: string[];
  seedMs: number;
}

export const MEMBERS = 50;
const REPORTS_PER_SESSION = 3;
const REMARKS_PER_REPORT = 16;
const VOTE_ITEMS = 8;
const PERSONS_PER_APPOINTMENT = 8;
export const DOC_PREFIX = '基人常审';

export const TOPICS = ['医保基金', '义务教育', '养老服务', '生态环境', '财政预算', '乡村振兴', '营商环境', '食品安全', '城市更新', '公共卫生', '安全生产', '法治宣传', '文物保护', '河湖长制', '住房保障', '就业创业', '数字政府', '农村供水', '交通治理', '社区矫正'];
const FILLER = '的一是在不了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研';
const OFFICIALS = ['潘刚超', '林晓梅', '赵国平', '钱文静', '孙立新', '李海燕', '周建华', '吴晓东', '郑丽君', '王志强', '冯雪', '陈思远'];
const BODIES = ['区人民政府', '区人民法院', '区人民检察院', '区监察委员会'];

const rng = seededRandom;

/** Deterministic Chinese text about the committee's topics: sentences and paragraphs. */
export function chineseText(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const filler = (n: number) => Array.from({ length: n }, () => FILLER[Math.floor(r() * FILLER.length)]).join('');
  const sentence = (topic: string) => `${filler(4 + Math.floor(r() * 8))}${topic}${filler(3 + Math.floor(r() * 10))}，${filler(5 + Math.floor(r() * 12))}。`;
  const paragraph = (topic: string, n: number) => Array.from({ length: n }, () => sentence(r() < 0.5 ? topic : pick(TOPICS))).join('');
  return { r, pick, paragraph };
}

export function seedArchive(file: string, o: SeedOptions): SeedSummary {
  const t0 = performance.now();
  const { r, pick, paragraph } = chineseText(20260922);

  const db = openDatabase(file);
  // One bulk load of a fresh file: durability comes with the final checkpoint; a big page cache.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('wal_autocheckpoint = 0');
  const rules = JSON.stringify(DEFAULT_RULES);
  const sum: SeedSummary = { sessions: 0, ballotRounds: 0, votes: 0, remarks: 0, opinions: 0, assessments: 0, documents: 0, docNumbers: [], seedMs: 0 };
  const ins = {
    member: db.prepare("INSERT INTO members (id, sort, name, role, in_office_from, in_office_to) VALUES (?, ?, ?, '委员', ?, ?)"),
    session: db.prepare(
      `INSERT INTO sessions (term, number, date, start_time, place, chair, expected_members, region, status, opened_at, closed_at, rules)
       VALUES (?, ?, ?, '09:00', '区人大常委会会议室', ?, ?, ?, 'closed', ?, ?, ?)`,
    ),
    item: db.prepare('INSERT INTO agenda_items (session_id, position, kind, title, presenter, details) VALUES (?, ?, ?, ?, ?, ?)'),
    document: db.prepare("INSERT INTO documents (item_id, file_name, mime, size, sha256, data, added_at) VALUES (?, ?, 'application/pdf', ?, ?, ?, ?)"),
    ballot: db.prepare(
      `INSERT INTO ballots (session_id, item_id, round, subject, method, secret, press_rule, state, created_at, opened_at, closed_at, announced_at,
         expected, yes, no, abstain, not_pressed, adopted, rule, required, base, announcement, rules)
       VALUES (?, ?, 1, ?, 'electronic', ?, 'last', 'announced', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    named: db.prepare("INSERT INTO named_votes (ballot_id, member_id, choice, press_seq, press_terminal, pressed_at) VALUES (?, ?, ?, 1, 'seed', ?)"),
    // A closed secret ballot keeps only who has voted: its receipts were tallied and erased at close.
    secret: db.prepare('INSERT INTO secret_voters (ballot_id, member_id) VALUES (?, ?)'),
    remark: db.prepare(
      "INSERT INTO review_remarks (session_id, item_id, member_id, speaker, group_name, mode, recorded_by, text, created_at) VALUES (?, ?, ?, ?, ?, ?, 'terminal', ?, ?)",
    ),
    opinion: db.prepare(
      `INSERT INTO review_opinions (origin, session_id, item_id, report_title, title, addressee, opening, body, handling_request, deadline_months,
         doc_prefix, doc_year, doc_seq, doc_date, issuer, status, sent_at, deadline, created_at, updated_at)
       VALUES ('drafted', ?, ?, ?, ?, ?, ?, ?, '', 3, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    assessment: db.prepare(
      `INSERT INTO assessments (session_id, item_id, round, kind, title, subjects, method, state, scale, rule, all_members, year, created_at, opened_at, closed_at, announced_at)
       VALUES (?, ?, 1, 'satisfaction', ?, ?, 'electronic', 'announced', 'three', 'rate', ?, ?, ?, ?, ?, ?)`,
    ),
  };
  const id = (info: { lastInsertRowid: number | bigint }) => Number(info.lastInsertRowid);
  const base = 1_000_000; // member ids of the seeded committees, apart from the ones the bench creates
  db.transaction(() => {
    for (let m = 1; m <= MEMBERS + 10; m++) ins.member.run(base + m, base + m, `委员${m}`, `${o.firstYear}-01-01`, `${o.firstYear + o.years - 1}-12-31`);
  })();

  // About one member in fifty presses nothing: enough ballots that the votes reach o.ballots exactly.
  const ballotsPerSession = Math.max(1, Math.ceil(o.ballots / (MEMBERS - 1) / o.sessions));
  const seqByYear = new Map<number, number>();
  const perYear = Math.ceil(o.sessions / o.years);
  for (let s = 0; s < o.sessions; s++) {
    db.transaction(() => {
      const year = o.firstYear + Math.floor(s / perYear);
      const inYear = s % perYear;
      const date = `${year}-${String(1 + Math.floor((inYear * 12) / perYear)).padStart(2, '0')}-${String(1 + ((inYear * 7) % 28)).padStart(2, '0')}`;
      const at = `${date}T09:00:00.000Z`;
      const term = 1 + Math.floor((year - o.firstYear) / 5);
      const number = 1 + (s % (perYear * 5));
      const sessionId = id(ins.session.run(term, number, date, '主任', MEMBERS, o.region, at, `${date}T17:00:00.000Z`, rules));
      sum.sessions++;
      let position = 0;
      const item = (kind: string, title: string, presenter = '', details = '{}') => id(ins.item.run(sessionId, ++position, kind, title, presenter, details));
      const members = Array.from({ length: MEMBERS }, (_, i) => base + 1 + ((i + s) % (MEMBERS + 10)));

      for (let k = 0; k < REPORTS_PER_SESSION; k++) {
        const topic = TOPICS[(s * REPORTS_PER_SESSION + k) % TOPICS.length]!;
        const body = BODIES[k % BODIES.length]!;
        const reportTitle = `${body}关于${year}年${topic}工作情况的报告`;
        const itemId = item('report', `听取和审议${reportTitle}`, `${body}负责人`);
        const pdf = Buffer.from(`%PDF-1.4 seeded ${reportTitle}`);
        ins.document.run(itemId, `${reportTitle}.pdf`, pdf.length, crypto.createHash('sha256').update(pdf).digest('hex'), pdf, at);
        sum.documents++;
        const texts: string[] = [];
        for (let j = 0; j < REMARKS_PER_REPORT; j++) {
          const member = members[(j * 3 + k) % MEMBERS]!;
          const text = paragraph(topic, 2 + Math.floor(r() * 5));
          texts.push(text);
          ins.remark.run(sessionId, itemId, member, `委员${member - base}`, `第${1 + (j % 3)}组`, r() < 0.8 ? 'written' : 'spoken', text, at);
          sum.remarks++;
        }
        const seq = (seqByYear.get(year) ?? 0) + 1;
        seqByYear.set(year, seq);
        const age = o.firstYear + o.years - 1 - year;
        const status = age >= 2 ? (r() < 0.85 ? 'assessed' : 'report_again') : age === 1 ? pick(['reported', 'assessed', 'handling']) : pick(['sent', 'handling']);
        const blocks = [{ kind: 'h1', text: '总体评价' }, ...texts.slice(0, 6).map((t) => ({ kind: 'p', text: t }))];
        ins.opinion.run(
          sessionId,
          itemId,
          reportTitle,
          `关于${body}${year}年${topic}工作情况报告的审议意见`,
          body,
          `区人大常委会第${term}届第${number}次会议听取和审议了${reportTitle}。`,
          JSON.stringify(blocks),
          DOC_PREFIX,
          year,
          seq,
          date,
          `${o.region}人民代表大会常务委员会`,
          status,
          date,
          `${year}-12-31`,
          at,
          at,
        );
        sum.opinions++;
        if (sum.docNumbers.length < 40 && seq % 7 === 3) sum.docNumbers.push(`${DOC_PREFIX}〔${year}〕${seq}号`);
      }
      item('handling_report', `听取和审议${pick(BODIES)}关于审议意见办理情况的报告`, '区人民政府副区长');

      // Ballots: the vote items, then appointments of PERSONS_PER_APPOINTMENT persons, one ballot each.
      let ballots = 0;
      let itemId = 0;
      while (ballots < ballotsPerSession && sum.votes < o.ballots) {
        const appointment = ballots >= VOTE_ITEMS;
        if (!appointment || (ballots - VOTE_ITEMS) % PERSONS_PER_APPOINTMENT === 0) {
          itemId = appointment
            ? item('appointment', '人事任免', '区人大常委会人事代表工作委员会', JSON.stringify({ appointmentMode: 'each', persons: [] }))
            : item('vote', `审议关于${pick(TOPICS)}的决定（草案）`, '区人大常委会法制工作委员会');
        }
        const subject = appointment ? `任命${pick(OFFICIALS)}为区${pick(TOPICS).slice(0, 2)}局局长` : `关于${pick(TOPICS)}的决定（草案）`;
        const cast = Math.min(MEMBERS - Math.floor(r() * 3), o.ballots - sum.votes);
        const notPressed = MEMBERS - cast;
        const no = Math.min(cast, Math.floor(r() * 6));
        const abstain = Math.min(cast - no, Math.floor(r() * 4));
        const yes = cast - no - abstain;
        const t = tally({ yes, no, abstain }, MEMBERS, MEMBERS);
        const out = decideAdoption(t, DEFAULT_RULES.adoption);
        const secret = appointment ? 1 : 0;
        const ballotId = id(
          ins.ballot.run(sessionId, itemId, subject, secret, at, at, at, at, MEMBERS, yes, no, abstain, notPressed, out.adopted ? 1 : 0, out.rule, out.required, out.base, announceResult(t, out, true), rules),
        );
        for (let m = 0; m < cast; m++) {
          if (secret) ins.secret.run(ballotId, members[m]!);
          else ins.named.run(ballotId, members[m]!, m < yes ? 'yes' : m < yes + no ? 'no' : 'abstain', at);
        }
        sum.votes += cast;
        sum.ballotRounds++;
        ballots++;
      }

      const assessItem = item('assessment', `对${pick(BODIES)}组成部门负责人进行满意度测评`);
      const subjects = Array.from({ length: 6 }, (_, i) => ({ name: OFFICIALS[(s + i) % OFFICIALS.length], unit: `区${TOPICS[(s + i) % TOPICS.length]!.slice(0, 2)}局`, post: '局长', category: '政府工作部门负责人' }));
      ins.assessment.run(sessionId, assessItem, `对区政府组成部门负责人进行满意度测评（${year}年）`, JSON.stringify(subjects), MEMBERS, year, at, at, at, at);
      sum.assessments++;
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('synchronous = FULL');
  db.close();
  // On disk before the server starts, as a ten-year archive is: otherwise the kernel writes the
  // fresh file back tens of seconds later, in the middle of the rounds, and every fsync of the
  // server's WAL then waits for it (ext4 orders a journal commit after the data it covers).
  for (const f of [file, path.dirname(file)]) {
    const fd = fs.openSync(f, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }
  sum.seedMs = Math.round(performance.now() - t0);
  return sum;
}
