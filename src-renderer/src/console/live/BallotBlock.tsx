// Ballots of the current item. A vote item has one ballot (and new rounds). An appointment item's
// persons are voted in the groups the item plans (逐人, 合并, or 分组 in any mix), and the secretary may
// pick any set of persons for a ballot here; every person shows their own result. Earlier rounds stay.
import { useState } from 'react';
import { personsWithIds, type AgendaDetails, type ItemPerson } from '../../../../src-main/domain/agenda';
import { groupSubject, personOutcomes, plannedGroups, sameGroup } from '../../../../src-main/domain/appointments';
import type { Rules } from '../../../../src-main/domain/settings';
import { THRESHOLD_LABELS, thresholdName, verdictWord } from '../../../../src-main/domain/vote';
import type { ConsoleBallotRow, ConsoleState } from '../../live/protocol';
import type { Actions } from './admin-actions';
import { ballotInput, BallotOptionsFields, optionsValid, type BallotOptions } from './BallotOptionsFields';
import { BallotRowCard } from './BallotRowCard';
import { provisionGroups, ProvisionCreate } from './ProvisionBallots';
import { OathBlock } from './OathBlock';

const VOTABLE = ['vote', 'appointment', 'other'];

export interface Group {
  key: string;
  title: string | null;
  /** Appointment ballots: the persons (ids) this group's ballots decide. */
  personIds: string[] | undefined;
  /** 单独表决: the provision this group's ballots decide. */
  provision?: string;
  /** The test id of the group's card. */
  testId: string;
  ballots: ConsoleBallotRow[];
}

/** The groups of an appointment item: as planned, then any other set a ballot was cast for. */
function appointmentGroups(persons: ItemPerson[], details: AgendaDetails, ballots: ConsoleBallotRow[], itemTitle: string): Group[] {
  const sets = plannedGroups(persons, details.appointmentMode);
  for (const b of ballots) if (b.personIds.length && !sets.some((s) => sameGroup(s, b.personIds))) sets.push(b.personIds);
  return sets.map((ids) => {
    const members = ids.map((id) => persons.find((p) => p.id === id)).filter((p): p is ItemPerson => !!p);
    const index = persons.findIndex((p) => p.id === ids[0]);
    return {
      key: ids.join('+'),
      title: ids.length === 1 && members[0] ? groupSubject(itemTitle, members) : `合并表决：${members.map((p) => p.name).join('、')}`,
      personIds: ids,
      testId: ids.length === 1 ? `person-${index}` : `group-${ids.join('-')}`,
      ballots: ballots.filter((b) => sameGroup(b.personIds, ids)),
    };
  });
}

export function BallotBlock({
  state,
  details,
  rules,
  actions,
  clockOffsetMs,
}: {
  state: ConsoleState;
  details: AgendaDetails | null;
  rules: Rules | null;
  actions: Actions;
  clockOffsetMs: number;
}) {
  const item = state.currentItem;
  const ofItem = item ? state.ballots.filter((b) => b.itemId === item.id) : [];
  const [options, setOptions] = useState<BallotOptions | null>(null);
  if (!item) return null;
  if (!VOTABLE.includes(item.kind)) {
    return (
      <section className="lc-card lc-ballots">
        <h3>表决</h3>
        <p className="lc-muted">本项（{item.kindLabel}）不进行表决。</p>
      </section>
    );
  }

  const chosen: BallotOptions = options ?? {
    secret: rules?.defaultBallotSecret ?? true,
    pressRule: rules?.pressRule ?? 'last',
    method: 'electronic',
    timerSeconds: null,
    threshold: '',
  };
  const sessionThreshold = rules ? thresholdName(rules.adoption.threshold) : null;
  const itemThreshold = details?.threshold ?? sessionThreshold;
  const defaultLabel = itemThreshold ? THRESHOLD_LABELS[itemThreshold] : '会议规则';
  const persons = personsWithIds(details?.persons);
  const appointment = item.kind === 'appointment';
  const groups: Group[] =
    appointment && details && persons.length > 0
      ? appointmentGroups(persons, details, ofItem, item.title)
      : provisionGroups(ofItem);
  const anotherOpen = state.ballots.some((b) => b.state === 'open');

  return (
    <section className="lc-card lc-ballots" data-testid="ballot-block">
      <h3>
        表决
        <span className="lc-h-actions">
          <button type="button" className="lc-btn lc-btn-small" disabled={actions.busy !== null} onClick={() => void actions.pdf('resultSheet')} data-testid="pdf-result-sheet">
            结果汇总 PDF
          </button>
          {appointment && (
            <button type="button" className="lc-btn lc-btn-small" disabled={actions.busy !== null} onClick={() => void actions.pdf('appointmentList')} data-testid="pdf-appointment-list">
              任免名单 PDF
            </button>
          )}
        </span>
      </h3>
      {!state.session?.businessStarted && <p className="lc-warn">请先在上方“开始会议议程”，再开始表决。</p>}
      {appointment && persons.length === 0 && <p className="lc-warn">该任免事项还没有填写任免人员：请在“会议”中编辑本项议程。</p>}
      {groups.some((g) => !g.ballots.some((b) => b.state === 'draft' || b.state === 'open')) && (
        <BallotOptionsFields value={chosen} onChange={setOptions} defaultThreshold={defaultLabel} />
      )}
      {appointment && persons.length > 0 && <PersonResults persons={persons} ballots={ofItem} />}
      {groups.map((g, gi) => (
        <BallotGroup key={`${item.id}-${g.key}`} group={g} index={gi} itemId={item.id} options={chosen} actions={actions} clockOffsetMs={clockOffsetMs} anotherOpen={anotherOpen} />
      ))}
      {!appointment && <ProvisionCreate itemId={item.id} options={chosen} actions={actions} disabled={anotherOpen || ofItem.some((b) => b.provision === null && b.state !== 'draft')} />}
      {appointment && persons.length > 1 && <PickPersons persons={persons} itemId={item.id} options={chosen} actions={actions} disabled={anotherOpen} />}
      {appointment && <OathBlock sessionId={state.session!.id} itemId={item.id} ballots={ofItem} />}
    </section>
  );
}

/** Every person of the item with their own result: the newest finished ballot that held them. */
function PersonResults({ persons, ballots }: { persons: ItemPerson[]; ballots: ConsoleBallotRow[] }) {
  const decided = personOutcomes(
    persons,
    ballots.map((b) => ({ id: b.id, round: b.round, persons: b.personIds.map((id) => persons.find((p) => p.id === id)).filter((p): p is ItemPerson => !!p), result: b.result })),
  );
  return (
    <ol className="lc-person-results" data-testid="person-results">
      {decided.map(({ person, decided: d }) => (
        <li key={person.id} data-testid={`person-result-${person.id}`} data-adopted={d ? String(d.adopted) : ''}>
          <span>{groupSubject('', [person])}</span>
          {d ? (
            <span className={`lc-chip ${d.adopted ? 'is-adopted' : 'is-rejected'}`}>
              {verdictWord(d)}（赞成{d.yes}票{d.together > 1 ? `，${d.together}人合并表决` : ''}）
            </span>
          ) : (
            <span className="lc-muted">未表决</span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Any set of the item's persons on one ballot (the secretary's choice at the session). */
function PickPersons({ persons, itemId, options, actions, disabled }: { persons: ItemPerson[]; itemId: number; options: BallotOptions; actions: Actions; disabled: boolean }) {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  const ordered = persons.filter((p) => picked.includes(p.id)).map((p) => p.id);
  return (
    <details className="lc-pick" data-testid="pick-persons">
      <summary>另选人员组成一次表决</summary>
      <div className="lc-pick-list">
        {persons.map((p) => (
          <label key={p.id}>
            <input type="checkbox" checked={picked.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} data-testid={`pick-person-${p.id}`} />
            {groupSubject('', [p])}
          </label>
        ))}
      </div>
      <button
        type="button"
        className="lc-btn lc-btn-small"
        disabled={ordered.length === 0 || disabled || actions.busy !== null || !optionsValid(options)}
        onClick={() => void actions.run('创建表决', 'ballots.create', { itemId, ...ballotInput(options), personIds: ordered }).then(() => setPicked([]))}
        data-testid="ballot-create-picked"
      >
        对所选{ordered.length || ''}人创建表决
      </button>
    </details>
  );
}

/** The command's options: the threshold only when the secretary chose one for this ballot. */

function BallotGroup({
  group,
  index,
  itemId,
  options,
  actions,
  clockOffsetMs,
  anotherOpen,
}: {
  group: Group;
  index: number;
  itemId: number;
  options: BallotOptions;
  actions: Actions;
  clockOffsetMs: number;
  anotherOpen: boolean;
}) {
  const latest = group.ballots[group.ballots.length - 1];
  const finished = !latest || latest.state === 'closed' || latest.state === 'announced';
  const older = group.ballots.slice(0, -1);

  function create() {
    const input = { itemId, ...ballotInput(options), ...(group.personIds ? { personIds: group.personIds } : {}), ...(group.provision ? { provision: group.provision } : {}) };
    void actions.run(latest ? '重新表决' : '创建表决', 'ballots.create', input);
  }

  const createButton = (className: string) => (
    <button
      type="button"
      className={`lc-btn ${className} ${latest ? '' : 'lc-btn-primary'} lc-group-create`}
      disabled={actions.busy !== null || !optionsValid(options) || (!!latest && anotherOpen)}
      onClick={create}
      data-testid={latest ? 'ballot-revote' : 'ballot-create'}
    >
      {latest ? `重新表决（第${latest.round + 1}轮）` : '创建表决'}
    </button>
  );
  return (
    <div className="lc-ballot-group" data-testid={group.testId}>
      {group.title && (
        <h4>
          <span className="lc-agenda-pos">{index + 1}</span>
          {group.title}
          {finished && createButton('lc-btn-small')}
        </h4>
      )}
      {older.length > 0 && (
        <details className="lc-older">
          <summary>之前的 {older.length} 轮表决</summary>
          {older.map((b) => (
            <BallotRowCard key={b.id} ballot={b} actions={actions} clockOffsetMs={clockOffsetMs} />
          ))}
        </details>
      )}
      {latest && <BallotRowCard ballot={latest} actions={actions} clockOffsetMs={clockOffsetMs} />}
      {!group.title && finished && createButton('')}
    </div>
  );
}
