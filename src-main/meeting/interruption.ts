// After an interrupted run (the app killed, crashed or the power lost: app/run-marker.ts) the secretary
// is told at once what the restart found: when the last change was recorded, and the round that is
// still open with how many had taken part, since every acknowledged press and sheet is kept and the
// terminals reconnect by themselves. Kept in `interruptions` (migration 017, audited) until 知道了, so a
// clean close and start before anyone read it shows it again; a dismissed one (who, when) never comes
// back, and each interrupted run gives a notice of its own.
import { AppError } from '../shared/result';
import { clockTime } from '../domain/clock';
import { SYSTEM_ACTOR, type Actor } from '../store/audit';
import type { Store } from '../store/store';
import type { RoundEngine } from '../rounds/round-engine';
import type { Interruption } from './types';

/** To the second, in Beijing time as every face says a time (domain/clock.ts), whatever the server's zone. */
const clock = (iso: string) => clockTime(iso, true);

interface Row {
  id: number;
  previous_start: string;
  resumed_at: string;
  last_record_at: string | null;
  round: string | null;
  message: string;
}

const toInterruption = (r: Row): Interruption => ({
  id: r.id,
  previousStart: r.previous_start,
  resumedAt: r.resumed_at,
  lastRecordAt: r.last_record_at,
  round: r.round === null ? null : (JSON.parse(r.round) as Interruption['round']),
  message: r.message,
});

/** The notices nobody has dismissed yet, newest first. */
export function pendingInterruptions(store: Store): Interruption[] {
  return (store.db.prepare('SELECT * FROM interruptions WHERE dismissed_at IS NULL ORDER BY id DESC').all() as Row[]).map(toInterruption);
}

/** What the restart found, recorded and audited; if the file takes no writes, told all the same (`id` null: held in memory only). */
export function noteInterruption(store: Store, rounds: RoundEngine, previousStart: string): Interruption {
  const last = store.db.prepare('SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined;
  const open = rounds.openRound();
  const round = open
    ? { kind: open.ref.kind, id: open.ref.id, title: open.title, noun: open.noun, voted: rounds.recorder.voterIds(open.ref).size, eligible: open.eligible }
    : null;
  const resumedAt = new Date().toISOString();
  const head = `会议主机上次运行未正常关闭（程序意外退出或断电），已于${clock(resumedAt)}重新启动${last ? `；中断前最后一条记录在${clock(last)}` : ''}。`;
  const message = round
    ? `${head}“${round.title}”的${round.noun}仍在进行：中断前已确认的都已保存，已有${round.voted}人（共${round.eligible}人）；终端会自动重新连接，没有看到“已记录”的委员请重新操作。`
    : `${head}中断前已确认的操作都已保存，请核对当前议程和出席情况。`;
  const interruption: Interruption = { id: null, previousStart, resumedAt, lastRecordAt: last ?? null, round, message };
  try {
    interruption.id = store.change(SYSTEM_ACTOR, () => {
      const id = Number(
        store.db
          .prepare('INSERT INTO interruptions (previous_start, resumed_at, last_record_at, round, message) VALUES (?, ?, ?, ?, ?)')
          .run(previousStart, resumedAt, interruption.lastRecordAt, round && JSON.stringify(round), message).lastInsertRowid,
      );
      store.audit.recordRow(SYSTEM_ACTOR, 'system.interrupted', 'interruptions', id);
      return id;
    });
  } catch (e) {
    console.error('[run] 意外中断未能记入数据库', (e as Error).message); // told on the console all the same
  }
  return interruption;
}

/** 知道了: the notice is marked read by whoever pressed it, audited; a repeat (another console, a double click) changes nothing. */
export function dismissInterruption(store: Store, who: Actor, id: number): boolean {
  return store.change(who, () => {
    const row = store.db.prepare('SELECT dismissed_at FROM interruptions WHERE id = ?').get(id) as { dismissed_at: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', '没有找到这条运行中断提示');
    if (row.dismissed_at !== null) return false;
    store.db.prepare('UPDATE interruptions SET dismissed_at = ?, dismissed_by = ? WHERE id = ?').run(new Date().toISOString(), who.actor, id);
    store.audit.recordRow(who, 'system.interruptionDismissed', 'interruptions', id);
    return true;
  });
}
