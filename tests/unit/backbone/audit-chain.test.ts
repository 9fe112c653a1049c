// The hash-chained audit log: every change through the store is recorded, and a change made behind
// the app's back (to a data row or to the log itself) is found by verifyAuditLog and `npm run verify`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditLog, type Actor, type AuditRow } from '../../../src-main/store/audit';
import { updateCommittee } from '../../../src-main/store/committee';
import { DB_FILE_NAME } from '../../../src-main/store/db';
import { createMember, retireMember, updateMember } from '../../../src-main/store/members';
import { Store } from '../../../src-main/store/store';

const ROOT = path.resolve(__dirname, '../../..');
const VERIFY_JS = path.join(ROOT, 'out/main/verify.js');
const SECRETARY: Actor = { actor: '会务工作人员', source: 'console:test' };

type Entry = AuditRow;

let dir: string;
let file: string;

/** A data folder with a committee and three members, one of them changed and one retired. */
function populate(): void {
  const store = Store.open(dir);
  try {
    updateCommittee(store, SECRETARY, { region: '示例区', term: 2 });
    const a = createMember(store, SECRETARY, {
      sort: 1, name: '张三', gender: '男', role: '主任', seat: 1, inOfficeFrom: '2022-01-01', inOfficeTo: null, note: '',
    });
    createMember(store, SECRETARY, {
      sort: 2, name: '李四', gender: '女', role: '委员', seat: 2, inOfficeFrom: '2022-01-01', inOfficeTo: null, note: '',
    });
    const c = createMember(store, SECRETARY, {
      sort: 3, name: '王五', gender: '', role: '委员', seat: 3, inOfficeFrom: '2022-01-01', inOfficeTo: null, note: '',
    });
    updateMember(store, SECRETARY, a.id, { ...a, note: '兼任' });
    retireMember(store, SECRETARY, c.id, '2025-06-30');
  } finally {
    store.close();
  }
}

const openRaw = () => new Database(file);
const entries = (db: Database.Database) => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Entry[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-audit-'));
  file = path.join(dir, DB_FILE_NAME);
  populate();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('audit chain written by the store', () => {
  it('records every change with who, from where, what and the row after the change', () => {
    const db = openRaw();
    const log = entries(db);
    db.close();
    expect(log.map((e) => e.action)).toEqual(['committee.update', 'member.create', 'member.create', 'member.create', 'member.update', 'member.retire']);
    expect(log.every((e) => e.actor === '会务工作人员' && e.source === 'console:test')).toBe(true);
    const retired = JSON.parse(log[5]!.data!) as { row: { name: string; in_office_to: string } };
    expect(retired.row).toMatchObject({ name: '王五', in_office_to: '2025-06-30' });
  });

  it('chains each entry to the one before by SHA-256, starting from the genesis hash', () => {
    const db = openRaw();
    const log = entries(db);
    db.close();
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < log.length; i++) expect(log[i]!.prev_hash).toBe(log[i - 1]!.hash);
    expect(new Set(log.map((e) => e.hash)).size).toBe(log.length);
    for (const e of log) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an untouched file', () => {
    const db = openRaw();
    expect(verifyAuditLog(db)).toEqual({ ok: true, entries: 6, brokenAt: undefined, driftedRows: [] });
    db.close();
  });
});

describe('changes behind the app’s back', () => {
  it('an edited members row is reported as drifted', () => {
    const db = openRaw();
    db.prepare("UPDATE members SET seat = 9 WHERE name = '李四'").run();
    const report = verifyAuditLog(db);
    const id = String((db.prepare("SELECT id FROM members WHERE name = '李四'").get() as { id: number }).id);
    db.close();
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toBeUndefined(); // the log itself is intact
    expect(report.driftedRows).toEqual([{ table: 'members', id, reason: expect.stringContaining('与最后一条审计记录不一致') }]);
  });

  it('a row inserted or deleted behind the app’s back is reported', () => {
    const db = openRaw();
    db.prepare("INSERT INTO members (sort, name, role) VALUES (9, '赵六', '委员')").run();
    db.prepare("DELETE FROM members WHERE name = '李四'").run();
    const report = verifyAuditLog(db);
    db.close();
    expect(report.ok).toBe(false);
    const reasons = report.driftedRows.map((d) => d.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([expect.stringContaining('没有任何审计记录'), expect.stringContaining('已被删除')]),
    );
  });

  it('an edited audit entry breaks the chain at that entry (the attacker drops the trigger first)', () => {
    const db = openRaw();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = '某人' WHERE seq = 3").run();
    const report = verifyAuditLog(db);
    db.close();
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toEqual({ seq: 3, reason: expect.stringContaining('第3条记录的内容被改动') });
  });

  it('an edited entry whose hash is recomputed breaks the link to the next entry', () => {
    const db = openRaw();
    db.exec('DROP TRIGGER audit_log_no_update');
    const e = entries(db)[3]!; // seq 4
    const forged = { ...e, actor: '某人' };
    const body = JSON.stringify({
      action: forged.action, actor: forged.actor, at: forged.at, data: forged.data,
      entity: forged.entity, entity_id: forged.entity_id, seq: forged.seq, source: forged.source,
    });
    const hash = createHash('sha256').update(forged.prev_hash).update('\n').update(body).digest('hex');
    db.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 4').run(forged.actor, hash);
    const report = verifyAuditLog(db);
    db.close();
    expect(report.brokenAt).toEqual({ seq: 5, reason: expect.stringContaining('链接不符') });
  });

  it('a deleted audit entry is reported as missing', () => {
    const db = openRaw();
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    const report = verifyAuditLog(db);
    db.close();
    expect(report.brokenAt).toEqual({ seq: 3, reason: expect.stringContaining('第2条记录缺失') });
  });
});

describe('npm run verify (built CLI)', () => {
  const built = fs.existsSync(VERIFY_JS);
  const run = () => spawnSync(process.execPath, [VERIFY_JS, '--data-dir', dir], { encoding: 'utf8' });

  it.skipIf(!built)(`exit 0 on an untouched file${built ? '' : ' — skipped: out/main/verify.js missing, run `npm run build` first'}`, () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('审计日志完整：共6条记录');
  });

  it.skipIf(!built)(`exit 1 and names the row changed behind the app’s back${built ? '' : ' — skipped: out/main/verify.js missing'}`, () => {
    const db = openRaw();
    db.prepare("UPDATE members SET name = '李四四' WHERE name = '李四'").run();
    db.close();
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/数据与审计记录不一致：members 第\d+行/);
  });

  it.skipIf(!built)(`exit 1 and names the first broken link${built ? '' : ' — skipped: out/main/verify.js missing'}`, () => {
    const db = openRaw();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET action = 'nothing' WHERE seq = 2").run();
    db.close();
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('第一处断链：第2条');
  });
});
