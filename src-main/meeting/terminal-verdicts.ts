// Whether a terminal's token still stands, for every call of that terminal (MeetingEngine.assertTerminal):
// read from the store once per terminal and kept until a change touches the terminals or the session
// (only the engine writes them: pairing, 开会, 闭会, and each says so, which forgets every verdict),
// so every press is checked without a query of its own. Inside the group commit a press behind a
// takeover of its seat in the same commit is checked once more, from the file (assertInCommit).
import { AppError } from '../shared/result';
import type { Store } from '../store/store';

export const SESSION_ENDED = '本次会议已闭会，本终端已退出';

type TerminalRow = { revoked_at: string | null; revoked_reason: string | null; status: string };

/** What a terminal's row says (null: it stands). */
function verdictOf(row: TerminalRow): string | null {
  if (row.revoked_reason === '闭会' || row.status !== 'open') return `${SESSION_ENDED}；下次会议请重新输入座位码`;
  if (row.revoked_at) return '该座位已在另一台终端上登录，本终端已退出';
  return null;
}

export class TerminalVerdicts {
  /** What was found for each terminal (null: it stands). */
  private readonly kept = new Map<string, string | null>();
  /**
   * Terminals whose seat a pairing of the commit being written took over, until that commit is written:
   * a press or sheet of theirs behind the pairing in the same commit passed `assert` when it arrived,
   * before the takeover was in the file.
   */
  private readonly takenOverInCommit = new Set<string>();

  constructor(private readonly store: Store) {}

  assert(terminalId: string): void {
    let verdict = this.kept.get(terminalId);
    if (verdict === undefined) this.kept.set(terminalId, (verdict = this.read(terminalId)));
    if (verdict !== null) throw new AppError('UNAUTHORIZED', verdict);
  }

  assertInCommit(terminalId: string): void {
    if (!this.takenOverInCommit.has(terminalId)) return this.assert(terminalId);
    // Read inside the transaction and not kept: the commit may yet fail, and the takeover with it.
    const verdict = this.read(terminalId);
    if (verdict !== null) throw new AppError('UNAUTHORIZED', verdict);
  }

  /** A pairing in the commit being written displaces these terminals. */
  takenOver(terminalIds: readonly string[]): void {
    for (const id of terminalIds) this.takenOverInCommit.add(id);
  }

  /** The pairings' commit is written: a displaced terminal is refused from now on, read again from the file. */
  written(): void {
    this.takenOverInCommit.clear();
    this.kept.clear();
  }

  /** Terminals or the session changed: every verdict is read again. */
  forget(): void {
    this.kept.clear();
  }

  /**
   * A round opens: the verdicts of the terminals connected now (`ids`) read in one query, so that its
   * first presses (after 开始议程 or a pairing forgot them all) do not each run one.
   */
  warm(ids: Iterable<string>): void {
    const missing = [...ids].filter((id) => !this.kept.has(id));
    if (missing.length === 0) return;
    const rows = this.store.db
      .prepare('SELECT t.id, t.revoked_at, t.revoked_reason, s.status FROM terminals t JOIN sessions s ON s.id = t.session_id WHERE t.id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(missing)) as (TerminalRow & { id: string })[];
    for (const row of rows) this.kept.set(row.id, verdictOf(row));
  }

  private read(terminalId: string): string | null {
    const row = this.store.db
      .prepare('SELECT t.revoked_at, t.revoked_reason, s.status FROM terminals t JOIN sessions s ON s.id = t.session_id WHERE t.id = ?')
      .get(terminalId) as TerminalRow | undefined;
    return row ? verdictOf(row) : '终端凭据无效，请重新输入座位码';
  }
}
