// Re-importing a list as a reviewed change (roster-io/plan.ts) through the command API on a real
// SQLite file: a retired member is matched, never duplicated; a column the file lacks is never
// touched; an emptied cell shows as a change and is applied only when confirmed; members the file
// lacks are kept or retired with a date; a list changed since the preview is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { anyCommandTable } from '../../src-main/api/commands';
import { createDispatcher } from '../../src-main/api/dispatch';
import type { ImportPreview } from '../../src-main/roster-io/preview';
import { verifyAuditLog } from '../../src-main/store/audit';
import { Store } from '../../src-main/store/store';

const ROSTER = fs.readFileSync(path.resolve(__dirname, '../fixtures/roster.csv'));
const ADMIN = { kind: 'admin', source: 'test' } as const;
const opened: { store: Store; dir: string }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.store.close();
    fs.rmSync(o.dir, { recursive: true, force: true });
  }
});

async function withRoster() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-reimport-'));
  const store = Store.open(dir);
  opened.push({ store, dir });
  const dispatch = createDispatcher(anyCommandTable, store, {});
  const call = async <T = any>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(name, input, ADMIN);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const csv = (text: string, extra: object = {}) => ({ kind: 'members', fileName: 'r.csv', data: Buffer.from(text, 'utf8').toString('base64'), ...extra });
  await call('import.commit', { kind: 'members', fileName: 'roster.csv', data: ROSTER.toString('base64') });
  const member = (name: string) => store.db.prepare('SELECT * FROM members WHERE name = ?').all(name) as Record<string, unknown>[];
  return { store, dispatch, call, csv, member };
}

describe('re-import as a reviewed change', () => {
  it('a retired member re-imported is matched, not added again, and stays retired unless the file says otherwise', async () => {
    const { call, csv, member, store } = await withRoster();
    const tan = member('谭云')[0]!;
    await call('members.retire', { id: tan.id, date: '2026-06-30' });

    // The same roster file again (it has no 离任日期 column): 谭云 matched, shown as retired, nothing added.
    const p = await call<ImportPreview<'members'>>('import.preview', { kind: 'members', fileName: 'roster.csv', data: ROSTER.toString('base64') });
    expect([p.errors, p.toAdd, p.toUpdate, p.unchanged, p.missing]).toEqual([[], 0, 0, 33, []]);
    expect(p.rows.find((r) => r.name === '谭云')).toMatchObject({ action: 'same', matchId: tan.id, matchedInactive: '2026-06-30' });
    expect(await call('import.commit', { kind: 'members', fileName: 'roster.csv', data: ROSTER.toString('base64') })).toEqual({ added: 0, updated: 0, unchanged: 33, retired: 0 });
    expect(member('谭云')).toHaveLength(1);
    expect(member('谭云')[0]).toMatchObject({ in_office_to: '2026-06-30' });

    // A file whose 离任日期 cell is empty for him: a change to confirm (back in office), applied only when confirmed.
    const back = '姓名,职务,座位号,离任日期\r\n谭云,副主任,5,\r\n';
    const q = await call<ImportPreview<'members'>>('import.preview', csv(back));
    const change = q.rows[0]!.changes.find((c) => c.field === 'inOfficeTo')!;
    expect(change).toMatchObject({ header: '离任日期', from: '2026-06-30', to: '', needsConfirm: true, confirmed: false });
    expect(q.missing).toHaveLength(32); // the members the file lacks, each kept unless retired here
    expect(await call('import.commit', csv(back))).toEqual({ added: 0, updated: 1, unchanged: 0, retired: 0 });
    expect(member('谭云')[0]).toMatchObject({ in_office_to: '2026-06-30' });
    const applied = await call<ImportPreview<'members'>>('import.preview', csv(back, { confirm: [change.key] }));
    expect(applied.rows[0]!.changes).toMatchObject([{ key: change.key, confirmed: true }]);
    await call('import.commit', csv(back, { confirm: [change.key] }));
    expect(member('谭云')).toHaveLength(1);
    expect(member('谭云')[0]).toMatchObject({ in_office_to: null, seat: 5 });
    expect(verifyAuditLog(store.db)).toMatchObject({ ok: true, driftedRows: [] });
  });

  it('a field the file lacks is kept: a member’s start date and note survive a file with only 姓名 and 职务', async () => {
    const { call, csv, member } = await withRoster();
    const lin = member('林涛健')[0]!;
    await call('members.update', { id: lin.id, sort: 31, name: '林涛健', gender: '男', role: '委员', seat: 31, inOfficeFrom: '2021-09-28', inOfficeTo: null, note: '请假' });
    const text = '姓名,职务\r\n林涛健,委员\r\n邱东竹,主任\r\n';
    const p = await call<ImportPreview<'members'>>('import.preview', csv(text));
    expect(p.columns).toEqual(['姓名', '职务']);
    expect(p.rows.map((r) => [r.name, r.action, r.changes.length])).toEqual([
      ['林涛健', 'same', 0],
      ['邱东竹', 'same', 0],
    ]);
    await call('import.commit', csv(text));
    expect(member('林涛健')[0]).toMatchObject({ in_office_from: '2021-09-28', note: '请假', seat: 31, gender: '男', sort: 31 });
    // A real change in a column the file has is listed field by field, old → new.
    const promoted = await call<ImportPreview<'members'>>('import.preview', csv('姓名,职务\r\n林涛健,副主任\r\n'));
    expect(promoted.rows[0]).toMatchObject({ action: 'update', changes: [{ header: '职务', from: '委员', to: '副主任', needsConfirm: false }] });
  });

  it('an emptied cell is shown as a change and applied only when confirmed', async () => {
    const { call, csv, member } = await withRoster();
    const text = '姓名,职务,备注\r\n林涛健,委员,\r\n';
    const p = await call<ImportPreview<'members'>>('import.preview', csv(text));
    expect(p.rows[0]).toMatchObject({ action: 'update', changes: [{ key: '2:note', header: '备注', from: '请假', to: '', needsConfirm: true, confirmed: false }] });
    expect(await call('import.commit', csv(text))).toMatchObject({ updated: 1 });
    expect(member('林涛健')[0]).toMatchObject({ note: '请假' }); // not confirmed: kept
    const confirmed = await call<ImportPreview<'members'>>('import.preview', csv(text, { confirm: ['2:note'] }));
    expect(confirmed.rows[0]!.changes[0]).toMatchObject({ confirmed: true });
    await call('import.commit', csv(text, { confirm: ['2:note'], planId: confirmed.planId }));
    expect(member('林涛健')[0]).toMatchObject({ note: '' });
  });

  it('members the file lacks are kept, or retired with a date; their seats are then free', async () => {
    const { call, csv, member, dispatch } = await withRoster();
    const text = '姓名,职务,座位号\r\n新委员,委员,31\r\n';
    const held = await dispatch('import.commit', csv(text), ADMIN);
    expect(held.ok ? 'ok' : held.error.message).toContain('座位号31已由现任组成人员林涛健使用');
    const lin = member('林涛健')[0]!;
    const noDate = await dispatch('import.commit', csv(text, { retire: [{ id: lin.id }] }), ADMIN);
    expect(noDate.ok ? 'ok' : noDate.error.message).toContain('请填写林涛健的离任日期');
    const p = await call<ImportPreview<'members'>>('import.preview', csv(text, { retire: [{ id: lin.id, date: '2026-09-01' }] }));
    expect(p.errors).toEqual([]);
    expect(p.missing.find((m) => m.id === lin.id)).toMatchObject({ name: '林涛健', detail: '委员，座位号31', retire: true, retireOn: '2026-09-01' });
    expect(await call('import.commit', csv(text, { retire: [{ id: lin.id, date: '2026-09-01' }], planId: p.planId }))).toEqual({ added: 1, updated: 0, unchanged: 0, retired: 1 });
    expect(member('林涛健')[0]).toMatchObject({ in_office_to: '2026-09-01' });
    expect(member('新委员')[0]).toMatchObject({ seat: 31, in_office_to: null });
    expect((await call<unknown[]>('members.list', {})).length).toBe(33);
  });

  it('a commit against a list changed since the preview is refused', async () => {
    const { call, csv, dispatch, member } = await withRoster();
    const text = '姓名,职务\r\n林涛健,副主任\r\n';
    const p = await call<ImportPreview<'members'>>('import.preview', csv(text));
    const lin = member('林涛健')[0]!;
    await call('members.update', { id: lin.id, sort: 31, name: '林涛健', gender: '男', role: '秘书长', seat: 31, inOfficeFrom: null, inOfficeTo: null, note: '请假' });
    const r = await dispatch('import.commit', csv(text, { planId: p.planId }), ADMIN);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(member('林涛健')[0]).toMatchObject({ role: '秘书长' });
  });

  it('attendees: a deactivated attendee re-imported is matched and restored only when confirmed; without a 单位 column, by name', async () => {
    const { call, store } = await withRoster();
    const file = (text: string, extra: object = {}) => ({ kind: 'attendees', fileName: 'a.csv', data: Buffer.from(text, 'utf8').toString('base64'), ...extra });
    await call('import.commit', file('姓名,单位,职务\r\n范建芳,示例区人民法院,院长\r\n'));
    const id = (store.db.prepare("SELECT id FROM attendees WHERE name = '范建芳'").get() as { id: number }).id;
    await call('attendees.setActive', { id, active: false });
    const p = await call<ImportPreview<'attendees'>>('import.preview', file('姓名,职务\r\n范建芳,院长\r\n'));
    expect(p.rows[0]).toMatchObject({ action: 'update', matchId: id, changes: [{ header: '状态', from: '已停用', to: '在用', needsConfirm: true }] });
    await call('import.commit', file('姓名,职务\r\n范建芳,院长\r\n', { confirm: [p.rows[0]!.changes[0]!.key] }));
    expect(store.db.prepare('SELECT name, unit, title, active FROM attendees').all()).toEqual([{ name: '范建芳', unit: '示例区人民法院', title: '院长', active: 1 }]);
  });
});
