// What every session document shares: the session, the region it was held under, the issuing office,
// the session's date (every document of a session is dated by the session, never by the printing
// day) and the level words (区委 / 县委, 区人民政府 / 县人民政府) of the committee.
import type { LevelWords } from '../domain/level';
import { chineseDate, committeeName } from '../domain/numerals';
import { getCommittee, levelWordsOf } from '../store/committee';
import { getSession, type Session } from '../store/sessions';
import type { Store } from '../store/store';

export interface DocHeading {
  session: Session;
  /** The region the session was held under, e.g. "示例区". */
  region: string;
  /** "示例区人民代表大会常务委员会" */
  committee: string;
  /** "示例区人民代表大会常务委员会办公室" */
  issuer: string;
  /** The session's date, "2027年1月20日". */
  date: string;
  words: LevelWords;
}

export function docHeading(store: Store, sessionId: number): DocHeading {
  const session = getSession(store, sessionId);
  const row = store.db.prepare('SELECT region FROM sessions WHERE id = ?').get(sessionId) as { region: string } | undefined;
  const region = row?.region || getCommittee(store).region;
  const committee = committeeName(region);
  return { session, region, committee, issuer: `${committee}办公室`, date: chineseDate(session.date), words: levelWordsOf(store, region) };
}

/**
 * A session document's title with the committee on its own line: "示例区第二届人民代表大会常务委员会"
 * then "第十六次会议议程" (GB/T 9704 7.3.1: lines broken between words, the issuer's name whole).
 */
export function sessionDocTitle(h: DocHeading, what: string): string {
  const m = /^(.*常务委员会)(第.+次会议)$/.exec(h.session.title);
  return m ? `${m[1]}\n${m[2]}${what}` : `${h.session.title}\n${what}`;
}
