// What the live session looks like from each seat: the console (secretary), a member's or an
// attendee's terminal, and the big screen. These are the shapes sent over IPC and WebSocket.
import type { PaperSheets } from '../domain/paper-ballot';
import type { AgendaKind } from '../domain/agenda';
import type { DispositionKind } from '../domain/item-disposition';
import type { Choice } from '../domain/vote';
import type { PublicAssessment } from '../assessment/types'; // issue 4: the assessment block
import type { VoidedAttempt } from '../domain/round-void';
import type { TimerHold } from '../domain/time-up';

export type AttendanceStatus = 'absent' | 'present' | 'leave' | 'left'; // 未到 / 已签到 / 请假 / 离会
export type BallotStateName = 'draft' | 'open' | 'closed' | 'announced';
export type BallotMethod = 'electronic' | 'show_of_hands' | 'paper';

export interface AttendanceSummary {
  expected: number; // 应到
  present: number; // 实到
  onLeave: number; // 请假
  absent: number; // 缺席
  quorumMet: boolean;
  /** "应出席常委会组成人员33人，实到29人，请假2人，缺席2人，符合法定人数。" */
  announcement: string;
}

export interface LiveDocument {
  id: number;
  fileName: string;
  mime: string;
  size: number;
}

/** 暂不付表决 or 撤回 standing on an item: its kind, its name (提案人撤回) and the sentence shown (domain/item-disposition.ts). */
export interface LiveDisposition {
  kind: DispositionKind;
  label: string;
  line: string;
}

export interface LiveItem {
  id: number;
  position: number;
  kind: AgendaKind;
  kindLabel: string;
  title: string;
  presenter: string;
  documents: LiveDocument[];
  disposition: LiveDisposition | null;
}

export interface BallotResult {
  yes: number;
  no: number;
  abstain: number;
  /** null when the settings hide 未按 on public screens. */
  notPressed: number | null;
  adopted: boolean;
  /** "赞成17票，反对10票，弃权3票，未按表决器2人。通过" */
  announcement: string;
  /** "赞成票超过全体组成人员的半数" */
  rule: string;
  required: number;
  base: number;
  /** The verdict with base and count: "赞成18票，超过全体组成人员33人的半数，通过。" */
  verdict?: string;
  /** A paper ballot's sheets (发出 / 收回 / 无效) as entered; null when not entered. */
  sheets?: PaperSheets | null;
}

export interface PublicBallot {
  id: number;
  itemId: number;
  round: number;
  /** What is voted: the item title, or "任命张三为区教育局局长". */
  subject: string;
  secret: boolean;
  pressRule: 'first' | 'last';
  method: BallotMethod;
  state: BallotStateName;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  /** Members present when the ballot opened: those who may vote. */
  eligible: number;
  /** How many have voted (never who or what, on public screens). */
  voted: number;
  /** Present once announced (terminals, big screen) or closed (console). */
  result: BallotResult | null;
  /** The ballot's rule: its threshold ("过半数" / "三分之二以上") and what adoption needs ("赞成票须超过全体组成人员33人的半数，即至少17票"). */
  rule?: { threshold: string; requirement: string | null };
}

export interface LiveSnapshot {
  session: {
    id: number;
    title: string;
    date: string;
    startTime: string;
    place: string;
    status: 'draft' | 'open' | 'closed';
    businessStarted: boolean;
  } | null;
  attendance: AttendanceSummary | null;
  /** kindLabel: the kind in words, an assessment by its scale (满意度测评 / 称职测评: domain agendaKindLabel). */
  agenda: { id: number; position: number; kind: AgendaKind; kindLabel: string; title: string; disposition: LiveDisposition | null }[];
  currentItem: LiveItem | null;
  /** The ballot in focus: the newest ballot of the current item. */
  ballot: PublicBallot | null;
  /** Where terminals connect, e.g. "http://192.168.1.10:4310/#/terminal". */
  terminalUrl: string | null;
  /** Issue 4: the satisfaction assessment or project ballot in focus (src-main/assessment/types.ts). */
  assessment?: PublicAssessment | null;
}

export interface TerminalMe {
  kind: 'member' | 'attendee';
  id: number;
  name: string;
  seat: number | null;
  attendance: AttendanceStatus | null; // null for attendees
  /** May vote in the ballot in focus (present at its opening, ballot open, electronic). */
  canVote: boolean;
  /** What this terminal's member has recorded in the ballot in focus. */
  myVote: { ballotId: number; choice: Choice } | null;
  /** Issue 4: this member has submitted the assessment sheet in focus (never what it marked). */
  sheetSubmitted?: boolean;
  /** Issue 4: this member may submit the sheet in focus now. */
  canSubmitSheet?: boolean;
}

export interface TerminalState extends LiveSnapshot {
  me: TerminalMe;
}

export interface ConsoleMemberRow {
  id: number;
  name: string;
  role: string;
  seat: number | null;
  attendance: AttendanceStatus;
  signedInAt: string | null;
  terminal: 'online' | 'offline' | 'none';
  /** Whether they may vote in the ballot in focus: present when it opened (null when no ballot is open or closed). */
  eligible: boolean | null;
  /** Whether they have voted in the ballot in focus (null when no ballot). */
  voted: boolean | null;
  /** Whether they have submitted the assessment sheet in focus (null when none is running or done). */
  sheetSubmitted: boolean | null;
  /** Their choice in a named (记名) ballot in focus; never for secret ballots. */
  choice: Choice | null;
}

export interface ConsoleBallotRow extends PublicBallot {
  itemTitle: string;
  /** 单独表决: the provision this ballot decides before the whole text; null for the whole item. */
  provision: string | null;
  /** Appointment ballots: the indexes of the item's persons this ballot decides ([] otherwise). */
  persons: number[];
  /** Appointment ballots: the stable ids of those persons (see domain/agenda.ts). */
  personIds: string[];
  /** Live counts: named ballots only while open; every ballot once closed. */
  liveCounts: { yes: number; no: number; abstain: number } | null;
  /** Open, and its receipts cannot be opened here (key gone): the console offers 作废本轮. */
  keyLost: boolean;
  /**
   * Open, and its timer ran out while a data-loss notice was pending (or the store had stopped writing):
   * not closed by itself, waits for 结束表决 by hand. Why, as it is now (domain/time-up.ts: the notice
   * still pending, the store stopped, or 'released' once acknowledged); null for every other round.
   */
  timerHeld: TimerHold | null;
  /** Its voided attempts (作废本轮), oldest first: the console says what happened, as the documents do. */
  voids: VoidedAttempt[];
}

/** After an interrupted run (meeting/interruption.ts): what the restart found. */
export interface Interruption {
  /** Its row in `interruptions` (null: the file took no write, held in memory only). */
  id: number | null;
  /** When the interrupted run had started, and when this one did. */
  previousStart: string;
  resumedAt: string;
  /** The last change the interrupted run recorded (the audit log's last entry). */
  lastRecordAt: string | null;
  /** The round still open after the restart, with who had taken part by then. */
  round: { kind: string; id: number; title: string; noun: string; voted: number; eligible: number } | null;
  /** What the console shows, in Chinese. */
  message: string;
}

export interface ConsoleState extends LiveSnapshot {
  members: ConsoleMemberRow[];
  ballots: ConsoleBallotRow[];
  /** Terminals connected but not yet paired, with the number each one shows. */
  unpairedTerminals: { pairingNumber: string; address: string }[];
  quorumOverride: string | null;
  /** Runs interrupted (killed, power lost) and not yet dismissed: what each restart found, newest first. */
  interruptions: Interruption[];
}
