// A round's time limit in words, one place for every face: while the time runs, what is left; once it
// has run out with the round still open — its timer held (rounds/round-engine.ts) or about to close it —
// 限时已到 on the console, the terminals and the big screen alike, never a countdown stuck at 0:00.
// The console's row of a held round says why it is still open and what to do, as the state now is.

export const TIME_UP = '限时已到';

/** Whether a countdown has run out: nothing is left to count in whole seconds (the faces round up). */
export function timeIsUp(secondsLeft: number): boolean {
  return Math.ceil(secondsLeft) <= 0;
}

/**
 * Why a round whose time ran out is still open, as the server knows it now:
 * - 'notice': a data-loss notice is pending (acknowledged presses may be missing);
 * - 'stopped': the store has stopped writing (a failed sync, damage found): nothing can be recorded;
 * - 'released': what held it is over (the notice acknowledged); it waits for the secretary's 结束表决.
 */
export const TIMER_HOLDS = ['notice', 'stopped', 'released'] as const;
export type TimerHold = (typeof TIMER_HOLDS)[number];

const CHECK = '请委员核对终端上显示的选择（未记录的可重新按键）';

/** What the console's row of a held round says (ballot-timer-held). */
export function timerHeldWords(hold: TimerHold): string {
  switch (hold) {
    case 'notice':
      return `${TIME_UP}，但会议主机报告部分已确认的记录可能已丢失，本轮表决没有自动结束。请先查看并确认数据完整性提示，${CHECK}，再点“结束表决”。`;
    case 'stopped':
      return `${TIME_UP}，但会议主机已停止写入记录，本轮表决没有自动结束，也不能再记录按键。请关闭程序，检查后重新启动（见使用说明“备份与恢复”）。`;
    case 'released':
      return `${TIME_UP}，本轮表决没有自动结束。数据完整性提示已确认，${CHECK}，会务人员确认后点“结束表决”。`;
  }
}
