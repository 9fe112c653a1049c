// A write the database's own constraints refuse (a CHECK, NOT NULL, a FOREIGN KEY) reaches the caller
// in Chinese, naming the field where the constraint names a known column, never with SQLite's English
// text (api/dispatch.ts constraintRefusal); the dispatcher answers BAD_INPUT with it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { constraintRefusal, createDispatcher } from '../../../src-main/api/dispatch';
import type { AnyCommand } from '../../../src-main/api/command';
import type { Store } from '../../../src-main/store/store';

function sqliteError(sql: string): string {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE p (id INTEGER PRIMARY KEY) STRICT;
    CREATE TABLE t (title TEXT NOT NULL CHECK (length(trim(title)) > 0), report_title TEXT CHECK (report_title IS NULL OR length(report_title) > 0), p INTEGER REFERENCES p(id)) STRICT;`);
  try {
    db.exec(sql);
    throw new Error('no error');
  } catch (e) {
    return (e as Error).message;
  } finally {
    db.close();
  }
}

describe('a refusal by the database', () => {
  it('names the field in Chinese, without SQLite English', () => {
    const nul = sqliteError("INSERT INTO t (title) VALUES (char(0) || 'x')");
    expect(nul).toMatch(/CHECK constraint failed/);
    expect(constraintRefusal(nul)).toBe('数据不符合要求：标题的内容不符合要求，未作修改');
    expect(constraintRefusal(sqliteError("INSERT INTO t (title, report_title) VALUES ('a', '')"))).toBe('数据不符合要求：所审议的报告的内容不符合要求，未作修改');
    expect(constraintRefusal(sqliteError('INSERT INTO t (title) VALUES (NULL)'))).toBe('数据不符合要求：标题的内容不符合要求，未作修改');
    expect(constraintRefusal(sqliteError("INSERT INTO t (title, p) VALUES ('a', 7)"))).toBe('数据不符合要求：所引用的记录不存在或已被删除，未作修改');
    expect(constraintRefusal('CHECK constraint failed: constructor > 0 AND to_string')).toBe('数据不符合要求，未作修改');
    expect(constraintRefusal('disk I/O error')).toBeNull();
  });

  it('reaches the caller as BAD_INPUT in Chinese; an unexpected error as INTERNAL without its English text', async () => {
    const nul = sqliteError('INSERT INTO t (title) VALUES (char(0))');
    const throwing = (e: Error): AnyCommand => ({
      access: ['admin'],
      input: z.object({}),
      run: () => {
        throw e;
      },
    });
    const table = { 'x.check': throwing(new Error(nul)), 'x.crash': throwing(new TypeError("Cannot read properties of undefined (reading 'id')")) };
    const dispatch = createDispatcher(table, {} as Store, {});
    const admin = { kind: 'admin', source: 'test' } as const;
    expect(await dispatch('x.check', {}, admin)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '数据不符合要求：标题的内容不符合要求，未作修改' } });
    const crash = await dispatch('x.crash', {}, admin);
    expect(crash).toEqual({ ok: false, error: { code: 'INTERNAL', message: '内部错误：操作未完成，详情已记入日志' } });
  });
});
