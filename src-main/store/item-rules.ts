// The rules an agenda item gives its rounds: a ballot's threshold (过半数 / 三分之二以上) and a project
// ballot's number of places (应选项目数). A round takes them when it is set up; until it opens it follows
// the item (an edit reaches a draft round that took the item's rule, audited, so that no round opens on a rule the item no longer
// has); once a round of the item is open the rule cannot change (what decides a round is fixed when it
// opens); after it closed an edit reaches only the rounds set up later, never a stored result.
import { AppError } from '../shared/result';
import type { AgendaDetails, AgendaKind } from '../domain/agenda';
import type { Rules } from '../domain/settings';
import { ballotAdoption } from '../domain/vote';
import type { Actor } from './audit';
import type { Store } from './store';

interface ItemRules {
  id: number;
  title: string;
  kind: AgendaKind;
  details: AgendaDetails;
}

const openRefusal = (title: string, noun: string, what: string) =>
  new AppError('INVALID_STATE', `“${title}”的${noun}正在进行，不能修改${what}；请在${noun}结束后修改（只用于以后的${noun}）`);

/** Inside the item's update: refuses a rule change while a round of the item is open, carries it to draft rounds. */
export function carryItemRules(store: Store, who: Actor, before: ItemRules, next: AgendaDetails, sessionRules: Rules): void {
  if ((before.details.threshold ?? null) !== (next.threshold ?? null)) {
    const ballots = store.db.prepare("SELECT id, state, rules FROM ballots WHERE item_id = ? AND state IN ('draft', 'open') ORDER BY id").all(before.id) as {
      id: number;
      state: string;
      rules: string;
    }[];
    if (ballots.some((b) => b.state === 'open')) throw openRefusal(before.title, '表决', '通过所需票数（过半数或三分之二以上）');
    const adoption = ballotAdoption(sessionRules.adoption, next.threshold);
    // a draft set up with a threshold of its own (not the item's) keeps it
    const followed = JSON.stringify(ballotAdoption(sessionRules.adoption, before.details.threshold));
    for (const b of ballots.filter((x) => JSON.stringify((JSON.parse(x.rules) as Rules).adoption) === followed)) {
      store.db.prepare('UPDATE ballots SET rules = ? WHERE id = ?').run(JSON.stringify({ ...(JSON.parse(b.rules) as Rules), adoption }), b.id);
      store.audit.recordRow(who, 'ballot.rules', 'ballots', b.id);
    }
  }
  if (before.kind === 'project_ballot' && (before.details.chooseMax ?? null) !== (next.chooseMax ?? null)) {
    const rounds = store.db.prepare("SELECT id, state, subjects FROM assessments WHERE item_id = ? AND kind = 'project' AND state IN ('draft', 'open') ORDER BY id").all(before.id) as {
      id: number;
      state: string;
      subjects: string;
    }[];
    if (rounds.some((r) => r.state === 'open')) throw openRefusal(before.title, '票决', '应选项目数');
    const candidates = next.candidates ?? [];
    const places = next.chooseMax ?? candidates.length;
    // a runoff of tied candidates (fewer subjects) keeps the places it was set up for
    for (const r of rounds.filter((x) => (JSON.parse(x.subjects) as unknown[]).length === candidates.length)) {
      store.db.prepare('UPDATE assessments SET choose_max = ? WHERE id = ?').run(places, r.id);
      store.audit.recordRow(who, 'assessment.chooseMax', 'assessments', r.id);
    }
  }
}
