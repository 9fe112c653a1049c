// Builds what each seat sees from the store: the public snapshot (big screen), a terminal's view
// (the snapshot plus "me") and the console's view (everything, but never a secret choice).
import { agendaKindLabel, type AgendaKind } from '../domain/agenda';
import { itemScales } from '../assessment/assessment-store';
import { publicAssessment } from '../assessment/views'; // issue 4
import { attendanceAnnouncement } from '../domain/attendance';
import { getItem, listItems } from '../store/agenda';
import { standingDispositions } from '../store/item-dispositions';
import { listAttendance } from './attendance-store';
import { ballotsOfItem, listBallots, namedChoices, namedCounts, personIndexes, type BallotRow } from './ballot-store';
import { ballotRequirement, ballotVerdict, thresholdLabel } from './ballot-words';
import type { MeetingEngine } from './engine';
import type { TerminalBinding } from './pairing';
import type { Choice } from '../domain/vote';
import type { Scale } from '../domain/satisfaction';
import type { ConsoleBallotRow, ConsoleState, LiveDisposition, LiveSnapshot, PublicBallot, TerminalMe, TerminalState } from './types';
import { voidsOf } from '../rounds/round-voids';
import { ballotWords } from '../domain/provision-vote';

/** A ballot as public screens may see it; the result appears once announced (or closed, for the console). */
export function publicBallot(engine: MeetingEngine, b: BallotRow, audience: 'public' | 'console'): PublicBallot {
  const showResult = b.result && (audience === 'console' || b.state === 'announced');
  const voted = b.state === 'draft' ? 0 : engine.ballots.voted(b);
  return {
    id: b.id,
    itemId: b.itemId,
    round: b.round,
    // a provision's ballot in the words of domain/provision-vote.ts (对……进行单独表决)
    subject: ballotWords(b),
    secret: b.secret,
    pressRule: b.pressRule,
    method: b.method,
    state: b.state,
    openedAt: b.openedAt,
    closesAt: b.closesAt,
    closedAt: b.closedAt,
    eligible: b.eligible.length,
    voted: b.method === 'electronic' ? voted : b.result ? b.result.yes + b.result.no + b.result.abstain : 0,
    result: showResult
      ? {
          ...b.result!,
          // 未按表决器 only where there are keypads, and on public screens only when the rules show it
          notPressed: b.method === 'electronic' && (b.rules.showNotPressed || audience === 'console') ? b.result!.notPressed : null,
          verdict: ballotVerdict(b) ?? undefined,
        }
      : null,
    rule: { threshold: thresholdLabel(b), requirement: ballotRequirement(b) },
  };
}

/** The ballot in focus: an open ballot, else the newest ballot of the current item. */
function focusBallot(engine: MeetingEngine, sessionId: number, currentItemId: number | null): BallotRow | null {
  const all = listBallots(engine.store, sessionId);
  const open = all.find((b) => b.state === 'open');
  if (open) return open;
  if (currentItemId === null) return null;
  const ofItem = ballotsOfItem(engine.store, currentItemId);
  return ofItem[ofItem.length - 1] ?? null;
}

/**
 * The ballot in focus of the live session, without the rest of the snapshot: what a terminal's "me"
 * needs when it pairs or signs in (a hall arriving at once would otherwise build a whole snapshot,
 * attendance counts and agenda included, for each of those answers).
 */
export function liveFocus(engine: MeetingEngine): BallotRow | null {
  const s = engine.liveSession();
  return s ? focusBallot(engine, s.id, engine.liveRow(s.id).currentItemId) : null;
}

export function liveSnapshot(engine: MeetingEngine, audience: 'public' | 'console' = 'public'): LiveSnapshot & { focus: BallotRow | null } {
  const s = engine.liveSession();
  const terminalUrl = engine.terminalUrls()[0] ?? null;
  if (!s) return { session: null, attendance: null, agenda: [], currentItem: null, ballot: null, terminalUrl, assessment: null, focus: null };
  const live = engine.liveRow(s.id);
  const { counts, met } = engine.attendance(s);
  const item = live.currentItemId ? getItem(engine.store, live.currentItemId) : null;
  const items = listItems(engine.store, s.id);
  const kindLabel = kindLabels(engine, s.id, s.rules.satisfaction.scale, items);
  const focus = focusBallot(engine, s.id, live.currentItemId);
  const standing = standingDispositions(engine.store, s.id);
  const disposition = (itemId: number): LiveDisposition | null => ((d) => (d ? { kind: d.kind, label: d.label, line: d.line } : null))(standing.get(itemId));
  return {
    session: {
      id: s.id,
      title: s.title,
      date: s.date,
      startTime: s.startTime,
      place: s.place,
      status: s.status,
      businessStarted: live.businessStartedAt !== null,
    },
    attendance: { ...counts, quorumMet: met, announcement: attendanceAnnouncement(counts, met, s.expectedReason) },
    agenda: items.map((i) => ({ id: i.id, position: i.position, kind: i.kind, kindLabel: kindLabel(i), title: i.title, disposition: disposition(i.id) })),
    currentItem: item
      ? {
          id: item.id,
          position: item.position,
          kind: item.kind,
          kindLabel: kindLabel(item),
          title: item.title,
          presenter: item.presenter,
          documents: item.documents.map((d) => ({ id: d.id, fileName: d.fileName, mime: d.mime, size: d.size })),
          disposition: disposition(item.id),
        }
      : null,
    ballot: focus ? publicBallot(engine, focus, audience) : null,
    terminalUrl,
    // issue 4: the assessment or project ballot in focus (an open one, else the newest of the current item)
    assessment: ((a) => (a ? publicAssessment(engine.store, a, audience, engine.assessments.submitted(a)) : null))(engine.assessments.focus(s.id, live.currentItemId)),
    focus,
  };
}

/** Each item's kind in words, an assessment by the scale it is held on (asked only when the session has one). */
function kindLabels(engine: MeetingEngine, sessionId: number, sessionScale: Scale, items: readonly { kind: AgendaKind }[]): (item: { id: number; kind: AgendaKind }) => string {
  const scaleOf = items.some((i) => i.kind === 'assessment') ? itemScales(engine.store, sessionId, sessionScale) : () => sessionScale;
  return (item) => agendaKindLabel(item.kind, scaleOf(item.id));
}

/** A terminal's view: the public snapshot plus its own seat, attendance and recorded vote. */
export function terminalState(engine: MeetingEngine, binding: TerminalBinding, base = liveSnapshot(engine)): TerminalState {
  const { focus, ...snapshot } = base;
  return { ...snapshot, me: terminalMe(engine, binding, focus) };
}

/**
 * What every terminal's "me" needs of the ballot and sheet in focus, computed once per broadcast
 * (a thousand terminals would otherwise each scan the eligible lists). With `seats` (a broadcast to
 * every terminal), the members' names, seats, attendance and recorded choices are read in one query
 * each instead of three queries per terminal.
 */
export interface MeLookup {
  ballotEligible: Set<number> | null;
  sheet: { open: boolean; electronic: boolean; eligible: Set<number>; submitted: Set<number> } | null;
  seats?: { members: Map<number, { name: string; seat: number | null; attendance: TerminalMe['attendance'] }>; choiceOf: (memberId: number, terminalId: string) => Choice | null };
}

export function meLookup(engine: MeetingEngine, sessionId: number | null, focus: BallotRow | null, withSeats = false): MeLookup {
  const sheetRow = sessionId === null ? null : engine.assessments.focus(sessionId, engine.liveRow(sessionId).currentItemId);
  return {
    ...(withSeats && sessionId !== null ? { seats: seatsLookup(engine, sessionId, focus) } : {}),
    ballotEligible: focus ? new Set(focus.eligible) : null,
    sheet:
      sheetRow && sheetRow.state !== 'draft'
        ? {
            open: sheetRow.state === 'open',
            electronic: sheetRow.method === 'electronic',
            eligible: new Set(sheetRow.eligible),
            submitted: engine.assessments.submittedMemberIds(sheetRow),
          }
        : null,
  };
}

/** Every member of the session with their attendance, and the choices recorded in the ballot in focus: one query each. */
function seatsLookup(engine: MeetingEngine, sessionId: number, focus: BallotRow | null): NonNullable<MeLookup['seats']> {
  const rows = engine.store.db
    .prepare('SELECT m.id, m.name, m.seat, a.status FROM attendance a JOIN members m ON m.id = a.member_id WHERE a.session_id = ?')
    .all(sessionId) as { id: number; name: string; seat: number | null; status: TerminalMe['attendance'] }[];
  const members = new Map(rows.map((r) => [r.id, { name: r.name, seat: r.seat, attendance: r.status }]));
  const choiceOf = focus && focus.state !== 'draft' ? engine.ballots.recorder.recordedChoices(focus) : () => null;
  return { members, choiceOf };
}

/** A member's name, seat and attendance in the terminal's session. */
function seatOf(engine: MeetingEngine, binding: TerminalBinding & { memberId: number }): { name: string; seat: number | null; attendance: TerminalMe['attendance'] } {
  const db = engine.store.db;
  const m = db.prepare('SELECT name, seat FROM members WHERE id = ?').get(binding.memberId) as { name: string; seat: number | null };
  const att = db.prepare('SELECT status FROM attendance WHERE session_id = ? AND member_id = ?').get(binding.sessionId, binding.memberId) as
    | { status: TerminalMe['attendance'] }
    | undefined;
  return { name: m.name, seat: m.seat, attendance: att?.status ?? null };
}

export function terminalMe(engine: MeetingEngine, binding: TerminalBinding, focus: BallotRow | null, lookup?: MeLookup): TerminalMe {
  const db = engine.store.db;
  if (binding.memberId === null) {
    const a = db.prepare('SELECT name FROM attendees WHERE id = ?').get(binding.attendeeId) as { name: string } | undefined;
    return { kind: 'attendee', id: binding.attendeeId!, name: a?.name ?? '列席人员', seat: null, attendance: null, canVote: false, myVote: null, sheetSubmitted: false, canSubmitSheet: false };
  }
  const memberBinding = binding as TerminalBinding & { memberId: number };
  const m = lookup?.seats?.members.get(binding.memberId) ?? seatOf(engine, memberBinding);
  // 离会: not in the hall, so neither a press nor a sheet from this seat (what was recorded before stays).
  const inHall = m.attendance !== 'left';
  const choice = !focus || focus.state === 'draft' ? null : lookup?.seats ? lookup.seats.choiceOf(binding.memberId, binding.terminalId) : engine.ballots.recorder.recordedChoice(focus, binding.memberId, binding.terminalId);
  return {
    kind: 'member',
    id: binding.memberId,
    name: m.name,
    seat: m.seat,
    attendance: m.attendance,
    canVote:
      inHall &&
      !!focus &&
      focus.state === 'open' && focus.method === 'electronic' && (lookup?.ballotEligible?.has(binding.memberId) ?? focus.eligible.includes(binding.memberId)),
    myVote: focus && choice ? { ballotId: focus.id, choice } : null,
    // issue 4: sheetSubmitted, canSubmitSheet
    ...((sheet) => (inHall ? sheet : { ...sheet, canSubmitSheet: false }))(lookup ? sheetStatusFrom(lookup, binding.memberId) : engine.assessments.sheetStatus(binding)),
  };
}

function sheetStatusFrom(lookup: MeLookup, memberId: number): { sheetSubmitted: boolean; canSubmitSheet: boolean } {
  const sheet = lookup.sheet;
  if (!sheet) return { sheetSubmitted: false, canSubmitSheet: false };
  const submitted = sheet.submitted.has(memberId);
  return { sheetSubmitted: submitted, canSubmitSheet: !submitted && sheet.open && sheet.electronic && sheet.eligible.has(memberId) };
}

/** The secretary's view. Secret ballots show who has voted, never what. */
export function consoleState(engine: MeetingEngine, unpaired: ConsoleState['unpairedTerminals'] = []): ConsoleState | null {
  const s = engine.liveSession();
  if (!s) return null;
  const { focus, ...snapshot } = liveSnapshot(engine, 'console');
  const online = engine.presence();
  const terminals = engine.store.db
    .prepare('SELECT id, member_id FROM terminals WHERE session_id = ? AND revoked_at IS NULL AND member_id IS NOT NULL')
    .all(s.id) as { id: string; member_id: number }[];
  const terminalOf = new Map(terminals.map((t) => [t.member_id, t.id]));
  const voted = focus && focus.state !== 'draft' ? engine.ballots.votedMemberIds(focus) : null;
  const choices = focus && !focus.secret ? namedChoices(engine.store, focus.id) : null;
  const sheet = engine.assessments.focus(s.id, engine.liveRow(s.id).currentItemId);
  const submitted = sheet && sheet.state !== 'draft' && sheet.method === 'electronic' ? engine.assessments.submittedMemberIds(sheet) : null;
  const members = listAttendance(engine.store, s.id).map((a) => {
    const t = terminalOf.get(a.memberId);
    return {
      id: a.memberId,
      name: a.name,
      role: a.role,
      seat: a.seat,
      attendance: a.status,
      signedInAt: a.signedInAt,
      terminal: t ? (online.has(t) ? ('online' as const) : ('offline' as const)) : ('none' as const),
      eligible: focus && focus.state !== 'draft' ? focus.eligible.includes(a.memberId) : null,
      voted: voted ? voted.has(a.memberId) : null,
      choice: choices?.get(a.memberId) ?? null,
      sheetSubmitted: submitted ? submitted.has(a.memberId) : null,
    };
  });
  const titles = new Map(listItems(engine.store, s.id).map((i) => [i.id, i.title]));
  const ballots = listBallots(engine.store, s.id).map((b) => consoleBallotRow(engine, b, titles));
  return { ...snapshot, members, ballots, unpairedTerminals: unpaired, quorumOverride: engine.liveRow(s.id).quorumOverride, interruptions: engine.interruptions };
}

/** A ballot as the console lists it (`titles`: the session's item titles by id). */
function consoleBallotRow(engine: MeetingEngine, b: BallotRow, titles: Map<number, string>): ConsoleBallotRow {
  return {
    ...publicBallot(engine, b, 'console'),
    itemTitle: titles.get(b.itemId) ?? '',
    provision: b.provision,
    persons: personIndexes(engine.store, b),
    personIds: b.persons.map((p) => p.id),
    // Live counts of a secret ballot exist nowhere until it closes (its presses are sealed receipts).
    liveCounts: b.result ? { yes: b.result.yes, no: b.result.no, abstain: b.result.abstain } : b.state !== 'draft' && !b.secret ? namedCounts(engine.store, b.id) : null,
    keyLost: engine.rounds.keyLost('ballot', b),
    timerHeld: engine.rounds.timerHeld('ballot', b),
    voids: voidsOf(engine.store, 'ballot', b.id),
  };
}

/** The console's row of one ballot of the live session (as in consoleState), or null; without building the whole console view. */
export function liveBallotRow(engine: MeetingEngine, ballotId: number): ConsoleBallotRow | null {
  const s = engine.liveSession();
  const b = s ? listBallots(engine.store, s.id).find((x) => x.id === ballotId) : undefined;
  return b ? consoleBallotRow(engine, b, new Map([[b.itemId, getItem(engine.store, b.itemId).title]])) : null;
}
