// Ballots of the current item. A vote item has one ballot (and new rounds); an appointment item in
// 逐人 mode has one ballot per person, in 合并 mode one ballot for the whole list. Earlier rounds stay.
import { useEffect, useRef, useState } from 'react';
import type { AgendaDetails } from '../../../../src-main/domain/agenda';
import type { Rules } from '../../../../src-main/domain/settings';
import type { ConsoleBallotRow, ConsoleState } from '../../live/protocol';
import { call } from '../../api';
import type { Actions } from './admin-actions';
import { BallotOptionsFields, optionsValid, type BallotOptions } from './BallotOptionsFields';
import { BallotRowCard } from './BallotRowCard';

const VOTABLE = ['vote', 'appointment', 'other'];
const ACTION_TEXT = { appoint: '任命', remove: '免去' } as const;

interface Group {
  key: string;
  title: string | null;
  personIndexes: number[] | undefined;
  ballots: ConsoleBallotRow[];
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
  const persons = useBallotPersons(ofItem);
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
  };
  const groups: Group[] = [];
  const people = details?.persons ?? [];
  if (item.kind === 'appointment' && details?.appointmentMode === 'each' && people.length > 0) {
    people.forEach((p, i) => {
      groups.push({
        key: `p${i}`,
        title: `${ACTION_TEXT[p.action]}${p.name}${p.post ? `（${p.post}）` : ''}`,
        personIndexes: [i],
        ballots: ofItem.filter((b) => {
          const ps = persons.get(b.id);
          return ps ? ps.length === 1 && ps[0] === i : b.subject.includes(p.name);
        }),
      });
    });
  } else {
    groups.push({
      key: 'all',
      title: item.kind === 'appointment' ? `合并表决：${people.map((p) => p.name).join('、') || '（尚未填写任免人员）'}` : null,
      personIndexes: item.kind === 'appointment' ? people.map((_, i) => i) : undefined,
      ballots: ofItem,
    });
  }
  const anotherOpen = state.ballots.some((b) => b.state === 'open');

  return (
    <section className="lc-card lc-ballots" data-testid="ballot-block">
      <h3>
        表决
        <span className="lc-h-actions">
          <button type="button" className="lc-btn lc-btn-small" disabled={actions.busy !== null} onClick={() => void actions.pdf('resultSheet')} data-testid="pdf-result-sheet">
            结果汇总 PDF
          </button>
          {item.kind === 'appointment' && (
            <button type="button" className="lc-btn lc-btn-small" disabled={actions.busy !== null} onClick={() => void actions.pdf('appointmentList')} data-testid="pdf-appointment-list">
              任免名单 PDF
            </button>
          )}
        </span>
      </h3>
      {!state.session?.businessStarted && <p className="lc-warn">请先在上方“开始会议议程”，再开始表决。</p>}
      {groups.some((g) => !g.ballots.some((b) => b.state === 'draft' || b.state === 'open')) && (
        <BallotOptionsFields value={chosen} onChange={setOptions} />
      )}
      {groups.map((g, gi) => (
        <BallotGroup
          key={`${item.id}-${g.key}`}
          group={g}
          index={gi}
          itemId={item.id}
          options={chosen}
          actions={actions}
          clockOffsetMs={clockOffsetMs}
          anotherOpen={anotherOpen}
        />
      ))}
    </section>
  );
}

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
    const input = { itemId, ...options, ...(group.personIndexes ? { personIndexes: group.personIndexes } : {}) };
    void actions.run(latest ? '重新表决' : '创建表决', 'ballots.create', input);
  }

  const isPerson = group.personIndexes !== undefined && group.key !== 'all';
  return (
    <div className="lc-ballot-group" data-testid={isPerson ? `person-${group.personIndexes![0]}` : 'ballot-group'}>
      {group.title && (
        <h4>
          {isPerson && <span className="lc-agenda-pos">{index + 1}</span>}
          {group.title}
          {finished && (
            <button
              type="button"
              className={`lc-btn lc-btn-small ${latest ? '' : 'lc-btn-primary'} lc-group-create`}
              disabled={actions.busy !== null || !optionsValid(options) || (!!latest && anotherOpen)}
              onClick={create}
              data-testid={latest ? 'ballot-revote' : 'ballot-create'}
            >
              {latest ? `重新表决（第${latest.round + 1}轮）` : '创建表决'}
            </button>
          )}
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
      {!group.title && finished && (
        <button
          type="button"
          className={`lc-btn ${latest ? '' : 'lc-btn-primary'} lc-group-create`}
          disabled={actions.busy !== null || !optionsValid(options) || (!!latest && anotherOpen)}
          onClick={create}
          data-testid={latest ? 'ballot-revote' : 'ballot-create'}
        >
          {latest ? `重新表决（第${latest.round + 1}轮）` : '创建表决'}
        </button>
      )}
    </div>
  );
}

/** The appointment persons each ballot decides (ballots.get), until ConsoleBallotRow carries them itself. */
function useBallotPersons(ballots: ConsoleBallotRow[]): Map<number, number[]> {
  const [known, setKnown] = useState<Map<number, number[]>>(() => new Map());
  const missing = ballots
    .filter((b) => !known.has(b.id))
    .map((b) => {
      const own = (b as ConsoleBallotRow & { persons?: number[] }).persons;
      return { id: b.id, own };
    });
  const key = missing.map((m) => m.id).join(',');
  const missingRef = useRef(missing);
  missingRef.current = missing;
  useEffect(() => {
    if (!key) return;
    let live = true;
    void Promise.all(
      missingRef.current.map(async (m) => {
        if (m.own) return [m.id, m.own] as const;
        const r = await call('ballots.get', { ballotId: m.id });
        return r.ok ? ([m.id, r.value.persons] as const) : null;
      }),
    ).then((pairs) => {
      if (!live) return;
      setKnown((prev) => {
        const next = new Map(prev);
        for (const p of pairs) if (p) next.set(p[0], [...p[1]]);
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [key]);
  return known;
}
