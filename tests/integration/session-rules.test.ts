// The rules are configurable in 设置 and stored with each session (shared/domain.md): a session keeps
// the copy it was created with, so changing 设置 later never changes it silently; while the session is
// a draft it can take the rules now in 设置 (采用当前设置的规则, audited); once it has opened its rules
// are refused any change, and a vote is decided, stored and printed by the session's own rule. Through
// the command map on a real SQLite file, the result sheet read back with pdftotext.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type Rules } from '../../src-main/domain/settings';
import { verifyAuditLog } from '../../src-main/store/audit';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { pdfText, savePdf } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance } from '../helpers/live-setup';

let admin: AdminCore;
let s16: Session16;
const flat = (s: string) => s.replace(/\s+/g, '');
const outcome = async (name: string, input: unknown) => {
  const r = await admin.call(name, input);
  return r.ok ? 'ok' : `${r.error.code} ${r.error.message}`;
};
const twoThirds: Rules = { ...DEFAULT_RULES, adoption: { base: 'all_members', threshold: { numerator: 2, denominator: 3, inclusive: true } } };
const sessionRules = async (): Promise<Rules> => (await admin.must('sessions.get', { id: s16.sessionId })).session.rules;
const storedRules = (): Rules => JSON.parse((admin.core.store.db.prepare('SELECT rules FROM sessions WHERE id = ?').get(s16.sessionId) as { rules: string }).rules);
const auditActions = (action: string) => admin.core.store.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number };

beforeAll(async () => {
  admin = openAdminCore('yishi-session-rules-');
  s16 = await prepareSession16(admin.must);
});
afterAll(() => admin.close());

describe('the rules stored with the session', () => {
  it('a session keeps the rules it was created with: changing 设置 afterwards does not change it', async () => {
    await admin.must('settings.update', { rules: twoThirds });
    expect((await sessionRules()).adoption).toEqual(DEFAULT_RULES.adoption);
    expect(storedRules().adoption).toEqual(DEFAULT_RULES.adoption);
  });

  it('a draft session takes the rules now in 设置 (采用当前设置的规则), stored in its row and audited', async () => {
    const s = await admin.must('sessions.applyRules', { id: s16.sessionId });
    expect(s.rules.adoption).toEqual(twoThirds.adoption);
    expect(storedRules().adoption).toEqual(twoThirds.adoption);
    expect(auditActions('session.rules').n).toBe(1);
  });

  it('once the session has opened its rules are refused any change, from 设置 or directly; 设置 stays editable for later sessions', async () => {
    await admin.must('live.open', { sessionId: s16.sessionId });
    expect(await outcome('sessions.applyRules', { id: s16.sessionId })).toBe('INVALID_STATE 会议“示例区第二届人民代表大会常务委员会第十六次会议”已经开始，不能再修改其基本信息和规则');
    const s = (await admin.must('sessions.get', { id: s16.sessionId })).session;
    const { id, term, number, date, startTime, place, chair, expectedMembers } = s;
    expect(await outcome('sessions.update', { id, term, number, date, startTime, place, chair, expectedMembers, rules: DEFAULT_RULES })).toMatch(/^INVALID_STATE .*不能再修改其基本信息和规则$/);
    await admin.must('settings.update', { rules: DEFAULT_RULES });
    expect((await sessionRules()).adoption).toEqual(twoThirds.adoption);
    expect(auditActions('session.rules').n).toBe(1);
    expect(verifyAuditLog(admin.core.store.db).ok).toBe(true);
  });

  it('a vote is decided by the session’s rule (三分之二以上 of 33: 21 赞成 fails, 22 adopts), stored and printed so', async () => {
    await markAttendance(admin.must, s16.members.slice(0, 30));
    await admin.must('live.startBusiness');
    const item = s16.items[3]!.id;
    const fail = await admin.must('ballots.create', { itemId: item, secret: true, pressRule: 'last', method: 'show_of_hands' });
    await admin.must('ballots.enterResult', { ballotId: fail.id, yes: 21, no: 5, abstain: 4 });
    const pass = await admin.must('ballots.create', { itemId: item, secret: true, pressRule: 'last', method: 'show_of_hands' });
    await admin.must('ballots.enterResult', { ballotId: pass.id, yes: 22, no: 4, abstain: 4 });
    const rows = admin.core.store.db.prepare('SELECT id, yes, adopted, required, base, rule FROM ballots WHERE session_id = ? ORDER BY id').all(s16.sessionId);
    expect(rows).toEqual([
      { id: fail.id, yes: 21, adopted: 0, required: 22, base: 33, rule: '赞成票达到全体组成人员的三分之二以上' },
      { id: pass.id, yes: 22, adopted: 1, required: 22, base: 33, rule: '赞成票达到全体组成人员的三分之二以上' },
    ]);
    const file = await admin.must('documents.pdf', { kind: 'ballotResult', ballotId: fail.id });
    const data = Buffer.from(file.base64, 'base64');
    savePdf('session-rules-ballot', data);
    const text = flat(pdfText(data));
    expect(text).toContain('通过条件：三分之二以上，赞成票须达到全体组成人员33人的三分之二以上，即至少22票。');
    expect(text).toContain('赞成21票，未达到全体组成人员33人的三分之二，未通过。');
  });
});
