// Append-only audit log. Every change records who, what, when and from where, together with the
// full state of the changed row after the change. Each entry is chained to the previous one by
// SHA-256, so an edit to the log, or to an audited table behind the app's back, is detected by verify.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface Actor {
  /** Who: "会务工作人员", a member's name, "系统". */
  actor: string;
  /** From where: "console:electron", "console:127.0.0.1", "terminal:12@192.168.1.20". */
  source: string;
}

export const SYSTEM_ACTOR: Actor = { actor: '系统', source: 'system' };

/** Tables whose rows must always equal their last audited state. */
export const AUDITED_TABLES = [
  'committee',
  'settings',
  'members',
  'attendees',
  'officials',
  'sessions',
  'agenda_items',
  'documents',
  'session_live',
  'attendance',
  'ballots',
  // issue 4 (assessments): the assessment rows (results frozen at close) and officials' year records
  'assessments',
  'official_years',
  // issue 5 (review opinions): review groups, remarks, opinions with their handling reports, resolutions
  'review_groups',
  'review_remarks',
  'review_opinions',
  'opinion_handlings',
  'resolutions',
  // issue 10: the speaker queue, the 宪法宣誓 and the reason for a 应到 other than the members in office
  'speaker_requests',
  'oaths',
  'session_expected',
  // 作废本轮: each voided attempt of a round (migration 009)
  'round_voids',
  // 暂不付表决 and 撤回 recorded on an agenda item (migration 015)
  'item_dispositions',
  // the notice of an interrupted run, kept until 知道了 (migration 017)
  'interruptions',
] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number] | (string & {});

const GENESIS = '0'.repeat(64);

/** One row of audit_log as stored. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  source: string;
  action: string;
  entity: string;
  entity_id: string;
  data: string | null;
  prev_hash: string;
  hash: string;
}

/** JSON with object keys in code-unit order and undefined members left out: the text every hash is taken of. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  let out = '';
  for (const k of Object.keys(obj).sort()) {
    const v = obj[k];
    if (v === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonical(v)}`;
  }
  return `{${out}}`;
}

/**
 * The canonical text of an entry's fields, written out in their sorted order (action, actor, at, data,
 * entity, entity_id, seq, source): the same text as canonical() of them, without sorting for every
 * press (audit-canonical.test.ts compares the two).
 */
export function entryBody(e: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const j = JSON.stringify;
  return `{"action":${j(e.action)},"actor":${j(e.actor)},"at":${j(e.at)},"data":${j(e.data)},"entity":${j(e.entity)},"entity_id":${j(e.entity_id)},"seq":${j(e.seq)},"source":${j(e.source)}}`;
}

function entryHash(e: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(e.prev_hash).update('\n').update(entryBody(e)).digest('hex');
}

/** A row as it is recorded in the log: BLOBs are replaced by their SHA-256. */
export function rowState(row: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = Buffer.isBuffer(v) || v instanceof Uint8Array ? `sha256:${createHash('sha256').update(v).digest('hex')}` : v;
  }
  return out;
}

export class AuditLog {
  private readonly last: Database.Statement;
  private readonly insert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO audit_log (seq, at, actor, source, action, entity, entity_id, data, prev_hash, hash)
       VALUES (@seq, @at, @actor, @source, @action, @entity, @entity_id, @data, @prev_hash, @hash)`,
    );
  }

  /** Appends one entry; call inside the transaction that makes the change. */
  append(who: Actor, action: string, entity: string, entityId: string | number, data: unknown): number {
    const prev = this.last.get() as { seq: number; hash: string } | undefined;
    const row: Omit<AuditRow, 'hash'> = {
      seq: (prev?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      actor: who.actor,
      source: who.source,
      action,
      entity,
      entity_id: String(entityId),
      data: data === undefined ? null : canonical(data),
      prev_hash: prev?.hash ?? GENESIS,
    };
    this.insert.run({ ...row, hash: entryHash(row) });
    return row.seq;
  }

  /** Records the current state of one row of an audited table (null when it was deleted). */
  recordRow(who: Actor, action: string, table: AuditedTable, id: string | number, keyColumn = 'id'): number {
    const row = this.db.prepare(`SELECT * FROM ${table} WHERE ${keyColumn} = ?`).get(id) as Record<string, unknown> | undefined;
    return this.append(who, action, table, id, { row: rowState(row) });
  }
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  /** The first broken link of the chain, if any. */
  brokenAt?: { seq: number; reason: string };
  /** Rows of audited tables that differ from their last audited state. */
  driftedRows: { table: string; id: string; reason: string }[];
}

/** Walks the chain from the start and compares every audited table with its last recorded state. */
export function verifyAuditLog(db: Database.Database): VerifyReport {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let brokenAt: VerifyReport['brokenAt'];
  for (const r of rows) {
    if (r.seq !== expectedSeq) {
      brokenAt = { seq: r.seq, reason: `第${expectedSeq}条记录缺失（下一条为第${r.seq}条）` };
      break;
    }
    if (r.prev_hash !== prevHash) {
      brokenAt = { seq: r.seq, reason: `第${r.seq}条记录与前一条的链接不符` };
      break;
    }
    if (entryHash(r) !== r.hash) {
      brokenAt = { seq: r.seq, reason: `第${r.seq}条记录的内容被改动（哈希不符）` };
      break;
    }
    prevHash = r.hash;
    expectedSeq++;
  }

  const lastState = new Map<string, string | null>();
  for (const r of rows) {
    if (!r.data) continue;
    const parsed = JSON.parse(r.data) as { row?: unknown };
    if (!('row' in (parsed as object))) continue;
    lastState.set(`${r.entity}#${r.entity_id}`, parsed.row === null ? null : canonical(parsed.row));
  }
  const driftedRows: VerifyReport['driftedRows'] = [];
  for (const table of AUDITED_TABLES) {
    const key = table === 'settings' ? 'key' : table === 'session_live' ? 'session_id' : 'id';
    const current = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    const seen = new Set<string>();
    for (const row of current) {
      const id = String(row[key]);
      seen.add(id);
      const recorded = lastState.get(`${table}#${id}`);
      if (recorded === undefined) {
        if (table === 'committee') continue; // the initial row comes from the migration
        driftedRows.push({ table, id, reason: '该行没有任何审计记录（可能是绕过程序写入的）' });
      } else if (recorded === null) {
        driftedRows.push({ table, id, reason: '审计记录显示该行已删除，但它仍然存在' });
      } else if (recorded !== canonical(rowState(row))) {
        driftedRows.push({ table, id, reason: '当前内容与最后一条审计记录不一致（可能被绕过程序修改）' });
      }
    }
    for (const [k, v] of lastState) {
      const [t, id] = k.split('#') as [string, string];
      if (t === table && v !== null && !seen.has(id)) {
        driftedRows.push({ table, id, reason: '审计记录中存在的行已被删除（可能被绕过程序删除）' });
      }
    }
  }
  return { ok: !brokenAt && driftedRows.length === 0, entries: rows.length, brokenAt, driftedRows };
}
