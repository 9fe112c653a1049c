// 申请发言: the speaker queue, kept with the session (speaker_requests, audited). A member asks from
// their terminal during the current item and may withdraw while waiting; the secretary calls the
// next speaker in the order they asked (their terminal shows 请发言), marks the turn done and may
// attach the spoken remark to it: a review remark (review/remarks.ts) of that member on that item,
// recorded by the secretary. Every change names the 'speakers' part; the hub sends the queue to every
// seat as one `speakers` frame (server/speaker-frames.ts).
import { AppError } from '../shared/result';
import { mayRequest, nextSpeaker, speakerTransition, type SpeakerAction, type SpeakerState } from '../domain/speakers';
import { addRemark, getRemark } from '../review/remarks';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import type { LiveContext } from '../rounds/types';

export interface SpeakerEntry {
  id: number;
  itemId: number;
  memberId: number;
  name: string;
  seat: number | null;
  state: SpeakerState;
  requestedAt: string;
  calledAt: string | null;
  doneAt: string | null;
  withdrawnAt: string | null;
  /** The review remark recorded for this turn. */
  remarkId: number | null;
}

const COLUMNS = `r.id, r.item_id AS itemId, r.member_id AS memberId, m.name, m.seat, r.state, r.requested_at AS requestedAt,
  r.called_at AS calledAt, r.done_at AS doneAt, r.withdrawn_at AS withdrawnAt, r.remark_id AS remarkId`;

/** Every request of a session, in the order they were made. */
export function listSpeakers(store: Store, sessionId: number): SpeakerEntry[] {
  return store.db.prepare(`SELECT ${COLUMNS} FROM speaker_requests r JOIN members m ON m.id = r.member_id WHERE r.session_id = ? ORDER BY r.id`).all(sessionId) as SpeakerEntry[];
}

function getEntry(store: Store, id: number): SpeakerEntry & { sessionId: number } {
  const e = store.db.prepare(`SELECT ${COLUMNS}, r.session_id AS sessionId FROM speaker_requests r JOIN members m ON m.id = r.member_id WHERE r.id = ?`).get(id) as
    | (SpeakerEntry & { sessionId: number })
    | undefined;
  if (!e) throw new AppError('NOT_FOUND', `找不到编号为${id}的发言申请`);
  return e;
}

const STAMP: Record<SpeakerAction, string> = { withdraw: 'withdrawn_at', call: 'called_at', finish: 'done_at' };

export class SpeakerQueue {
  constructor(private readonly live: LiveContext) {}

  private get store() {
    return this.live.store;
  }

  /** The live session and its current item (a request belongs to the item being dealt with). */
  private current(): { sessionId: number; itemId: number } {
    const s = this.live.requireLive();
    const itemId = this.live.liveRow(s.id).currentItemId;
    if (!this.live.liveRow(s.id).businessStartedAt || itemId === null) throw new AppError('INVALID_STATE', '会议议程尚未开始，暂不能申请发言');
    return { sessionId: s.id, itemId };
  }

  private ofItem(itemId: number): SpeakerEntry[] {
    return this.store.db.prepare(`SELECT ${COLUMNS} FROM speaker_requests r JOIN members m ON m.id = r.member_id WHERE r.item_id = ? ORDER BY r.id`).all(itemId) as SpeakerEntry[];
  }

  private move(who: Actor, e: SpeakerEntry, action: SpeakerAction): void {
    const t = speakerTransition(e.state, action);
    if (!t.ok) throw new AppError('INVALID_STATE', `${t.message}（${e.name}：${e.state === 'done' ? '已发言' : e.state === 'withdrawn' ? '已撤回' : e.state === 'called' ? '正在发言' : '等候发言'}）`);
    this.store.db.prepare(`UPDATE speaker_requests SET state = ?, ${STAMP[action]} = ? WHERE id = ?`).run(t.state, new Date().toISOString(), e.id);
    this.store.audit.recordRow(who, `speaker.${action}`, 'speaker_requests', e.id);
  }

  private changed(e: Pick<SpeakerEntry, 'itemId' | 'memberId'>): void {
    this.live.changed({ itemId: e.itemId, memberId: e.memberId }, 'speakers');
  }

  /** 申请发言 from a member's terminal, on the current item; one open request per member and item. */
  request(who: Actor, memberId: number): SpeakerEntry {
    const { sessionId, itemId } = this.current();
    const att = this.store.db.prepare('SELECT status FROM attendance WHERE session_id = ? AND member_id = ?').get(sessionId, memberId) as { status: string } | undefined;
    if (att?.status !== 'present') throw new AppError('INVALID_STATE', '请先签到，再申请发言');
    const id = this.store.change(who, () => {
      if (!mayRequest(this.ofItem(itemId).filter((e) => e.memberId === memberId))) throw new AppError('CONFLICT', '您已申请发言，请等候主持人安排');
      const id = Number(
        this.store.db
          .prepare("INSERT INTO speaker_requests (session_id, item_id, member_id, state, requested_at) VALUES (?, ?, ?, 'waiting', ?)")
          .run(sessionId, itemId, memberId, new Date().toISOString()).lastInsertRowid,
      );
      this.store.audit.recordRow(who, 'speaker.request', 'speaker_requests', id);
      return id;
    });
    const e = getEntry(this.store, id);
    this.changed(e);
    return e;
  }

  /** 撤回: the member's own request on the current item, while it is waiting. */
  withdraw(who: Actor, memberId: number): SpeakerEntry {
    const { itemId } = this.current();
    const mine = this.ofItem(itemId).filter((e) => e.memberId === memberId && (e.state === 'waiting' || e.state === 'called'));
    const e = mine[0];
    if (!e) throw new AppError('INVALID_STATE', '您在本项议程没有等候中的发言申请');
    this.store.change(who, () => this.move(who, e, 'withdraw'));
    this.changed(e);
    return getEntry(this.store, e.id);
  }

  /**
   * 请发言: the given request, or the next one in order on the current item. Whoever is speaking on
   * that item is marked done first (the chair moves on to the next speaker).
   */
  call(who: Actor, id?: number): SpeakerEntry {
    const s = this.live.requireLive();
    let target: SpeakerEntry | null;
    if (id !== undefined) {
      const e = getEntry(this.store, id);
      if (e.sessionId !== s.id) throw new AppError('BAD_INPUT', '该发言申请不属于正在进行的会议');
      target = e;
    } else {
      const itemId = this.live.liveRow(s.id).currentItemId;
      target = itemId === null ? null : nextSpeaker(this.ofItem(itemId));
      if (!target) throw new AppError('INVALID_STATE', '没有等候发言的委员');
    }
    const t = target;
    this.store.change(who, () => {
      if (t.state === 'waiting') for (const speaking of this.ofItem(t.itemId).filter((e) => e.state === 'called')) this.move(who, speaking, 'finish');
      this.move(who, t, 'call');
    });
    this.changed(t);
    return getEntry(this.store, t.id);
  }

  /** 发言结束, optionally with what was said: a spoken review remark of that member, linked to the turn. */
  finish(who: Actor, id: number, remark?: string): SpeakerEntry {
    const e = getEntry(this.store, id);
    this.store.change(who, () => {
      this.move(who, e, 'finish');
      if (remark?.trim()) this.link(who, e, remark);
    });
    this.changed(e);
    return getEntry(this.store, id);
  }

  /** Attaches the spoken remark to a turn (called or done): new text, or a remark already recorded for that member on that item. */
  attachRemark(who: Actor, id: number, r: { text?: string; remarkId?: number }): SpeakerEntry {
    const e = getEntry(this.store, id);
    if (e.state !== 'called' && e.state !== 'done') throw new AppError('INVALID_STATE', '只能为已请发言的委员记录发言内容');
    this.store.change(who, () => {
      if (r.remarkId !== undefined) {
        const remark = getRemark(this.store, r.remarkId);
        if (remark.memberId !== e.memberId || remark.itemId !== e.itemId) throw new AppError('BAD_INPUT', '该审议发言不是这位委员在本项议程的发言');
        this.setRemark(who, e.id, remark.id);
      } else if (r.text?.trim()) this.link(who, e, r.text);
      else throw new AppError('BAD_INPUT', '请填写发言内容，或选择已记录的审议发言');
    });
    this.changed(e);
    return getEntry(this.store, id);
  }

  private link(who: Actor, e: SpeakerEntry, text: string): void {
    if (e.remarkId !== null) throw new AppError('CONFLICT', '这次发言已记录了发言内容，请在审议发言中修改');
    const remark = addRemark(this.store, who, { itemId: e.itemId, memberId: e.memberId, mode: 'spoken', recordedBy: 'secretary', text });
    this.setRemark(who, e.id, remark.id);
  }

  private setRemark(who: Actor, id: number, remarkId: number): void {
    this.store.db.prepare('UPDATE speaker_requests SET remark_id = ? WHERE id = ?').run(remarkId, id);
    this.store.audit.recordRow(who, 'speaker.remark', 'speaker_requests', id);
  }
}
