// After an interrupted run (the app killed, crashed or the power lost: app/run-marker.ts) the secretary
// is told at once what the restart found: when the last change was recorded, and the round that is
// still open with how many had taken part, since every acknowledged press and sheet is kept and the
// terminals reconnect by themselves. Recorded in the audit log; shown in the console until dismissed.
import { SYSTEM_ACTOR } from '../store/audit';
import type { Store } from '../store/store';
import type { RoundEngine } from '../rounds/round-engine';
import type { Interruption } from './types';

const clock = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });

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
  const interruption: Interruption = { previousStart, resumedAt, lastRecordAt: last ?? null, round, message };
  try {
    store.change(SYSTEM_ACTOR, () => store.audit.append(SYSTEM_ACTOR, 'system.interrupted', 'system', 'run', { previousStart, lastRecordAt: interruption.lastRecordAt, round }));
  } catch (e) {
    console.error('[run] 意外中断未能记入审计日志', (e as Error).message); // told on the console all the same
  }
  return interruption;
}
