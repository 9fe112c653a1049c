// Builds what each seat sees from the store: the public snapshot (big screen), a terminal's view
// (the snapshot plus "me") and the console's view (everything, but never a secret choice).
import { AGENDA_KIND_LABELS } from '../domain/agenda';
import { publicAssessment } from '../assessment/views'; // issue 4
import { attendanceAnnouncement } from '../domain/attendance';
import { getItem, listItems } from '../store/agenda';
import { listAttendance } from './attendance-store';
import { ballotsOfItem, listBallots, namedChoices, namedCounts, personIndexes, type BallotRow } from './ballot-store';
import { ballotRequirement, ballotVerdict, thresholdLabel } from './ballot-words';
import type { MeetingEngine } from './engine';
import type { TerminalBinding } from './pairing';
import type { ConsoleBallotRow, ConsoleState, LiveSnapshot, PublicBallot, TerminalMe, TerminalState } from './types';

/** A ballot as public screens may see it; the result appears once announced (or closed, for the console). */
export function publicBallot(engine: MeetingEngine, b: BallotRow, audience: 'public' | 'console'): PublicBallot {
  const showResult = b.result && (audience === 'console' || b.state === 'announced');
  const voted = b.state === 'draft' ? 0 : engine.ballots.voted(b);
  return {
    id: b.id,
    itemId: b.itemId,
    round: b.round,
    subject: b.subject,
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

export function liveSnapshot(engine: MeetingEngine, audience: 'public' | 'console' = 'public'): LiveSnapshot & { focus: BallotRow | null } {
  const s = engine.liveSession();
  const terminalUrl = engine.terminalUrls()[0] ?? null;
  if (!s) return { session: null, attendance: null, agenda: [], currentItem: null, ballot: null, terminalUrl, assessment: null, focus: null };
  const live = engine.liveRow(s.id);
  const { counts, met } = engine.attendance(s);
  const item = live.currentItemId ? getItem(engine.store, live.currentItemId) : null;
  const focus = focusBallot(engine, s.id, live.currentItemId);
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
    attendance: { ...counts, quorumMet: met, announcement: attendanceAnnouncement(counts, met) },
    agenda: listItems(engine.store, s.id).map((i) => ({ id: i.id, position: i.position, kind: i.kind, title: i.title })),
    currentItem: item
      ? {
          id: item.id,
          position: item.position,
          kind: item.kind,
          kindLabel: AGENDA_KIND_LABELS[item.kind],
          title: item.title,
          presenter: item.presenter,
          documents: item.documents.map((d) => ({ id: d.id, fileName: d.fileName, mime: d.mime, size: d.size })),
        }
      : null,
    ballot: focus ? publicBallot(engine, focus, audience) : null,
    terminalUrl,
    // issue 4: the assessment or project ballot in focus (an open one, else the newest of the current item)
    assessment: ((a) => (a ? publicAssessment(engine.store, a, audience, engine.assessments.submitted(a)) : null))(engine.assessments.focus(s.id, live.currentItemId)),
    focus,
  };
}

/** A terminal's view: the public snapshot plus its own seat, attendance and recorded vote. */
export function terminalState(engine: MeetingEngine, binding: TerminalBinding, base = liveSnapshot(engine)): TerminalState {
  const { focus, ...snapshot } = base;
  return { ...snapshot, me: terminalMe(engine, binding, focus) };
}

/**
 * What every terminal's "me" needs of the ballot and sheet in focus, computed once per broadcast
 * (a thousand terminals would otherwise each scan the eligible lists).
 */
export interface MeLookup {
  ballotEligible: Set<number> | null;
  sheet: { open: boolean; electronic: boolean; eligible: Set<number>; submitted: Set<number> } | null;
}

export function meLookup(engine: MeetingEngine, sessionId: number | null, focus: BallotRow | null): MeLookup {
  const sheetRow = sessionId === null ? null : engine.assessments.focus(sessionId, engine.liveRow(sessionId).currentItemId);
  return {
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

export function terminalMe(engine: MeetingEngine, binding: TerminalBinding, focus: BallotRow | null, lookup?: MeLookup): TerminalMe {
  const db = engine.store.db;
  if (binding.memberId === null) {
    const a = db.prepare('SELECT name FROM attendees WHERE id = ?').get(binding.attendeeId) as { name: string } | undefined;
    return { kind: 'attendee', id: binding.attendeeId!, name: a?.name ?? '列席人员', seat: null, attendance: null, canVote: false, myVote: null, sheetSubmitted: false, canSubmitSheet: false };
  }
  const m = db.prepare('SELECT name, seat FROM members WHERE id = ?').get(binding.memberId) as { name: string; seat: number | null };
  const att = db.prepare('SELECT status FROM attendance WHERE session_id = ? AND member_id = ?').get(binding.sessionId, binding.memberId) as
    | { status: TerminalMe['attendance'] }
    | undefined;
  const choice = focus && focus.state !== 'draft' ? engine.ballots.recorder.recordedChoice(focus, binding.memberId) : null;
  return {
    kind: 'member',
    id: binding.memberId,
    name: m.name,
    seat: m.seat,
    attendance: att?.status ?? null,
    canVote:
      !!focus && focus.state === 'open' && focus.method === 'electronic' && (lookup?.ballotEligible?.has(binding.memberId) ?? focus.eligible.includes(binding.memberId)),
    myVote: focus && choice ? { ballotId: focus.id, choice } : null,
    // issue 4: sheetSubmitted, canSubmitSheet
    ...(lookup ? sheetStatusFrom(lookup, binding.memberId) : engine.assessments.sheetStatus(binding)),
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
  const ballots: ConsoleBallotRow[] = listBallots(engine.store, s.id).map((b) => ({
    ...publicBallot(engine, b, 'console'),
    itemTitle: titles.get(b.itemId) ?? '',
    persons: personIndexes(engine.store, b),
    personIds: b.persons.map((p) => p.id),
    // Live counts of a secret ballot exist nowhere until it closes (its presses are sealed receipts).
    liveCounts: b.result ? { yes: b.result.yes, no: b.result.no, abstain: b.result.abstain } : b.state !== 'draft' && !b.secret ? namedCounts(engine.store, b.id) : null,
  }));
  return { ...snapshot, members, ballots, unpairedTerminals: unpaired, quorumOverride: engine.liveRow(s.id).quorumOverride };
}
