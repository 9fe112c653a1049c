// A data folder as a disk fault after a crash leaves it: acknowledged changes were committed (the
// audit head outside the database followed them), then one byte of a WAL frame in the middle of
// them is flipped, so SQLite drops the tail when the database is next opened.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { createCore } from '../../src-main/app/core';
import { SYSTEM_ACTOR } from '../../src-main/store/audit';
import { databaseHead, HEAD_FILE_NAME, readHeadFile } from '../../src-main/store/audit-head';
import { DB_FILE_NAME } from '../../src-main/store/db';
import { createMember } from '../../src-main/store/members';
import type { Store } from '../../src-main/store/store';

const FRAME = 24 + 4096; // WAL frame header + default page size

export const addMember = (store: Store, i: number) =>
  createMember(store, SYSTEM_ACTOR, { sort: i, name: `委员${i}`, gender: '', role: '委员', seat: i, inOfficeFrom: null, inOfficeTo: null, note: '' });

/**
 * 40 acknowledged changes in `live`, then `copy` gets the database, WAL and head as the app held them
 * open (what a crash leaves), with one byte flipped in a WAL frame in the middle of those changes.
 */
export function crashWithFlippedWalByte(live: string, copy: string): { recordedSeq: number } {
  const core = createCore(live);
  try {
    for (let i = 1; i <= 40; i++) addMember(core.store, i);
    const head = databaseHead(core.store.db)!;
    expect(readHeadFile(path.join(live, HEAD_FILE_NAME))).toEqual({ state: 'ok', head }); // the head followed every commit
    for (const f of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, HEAD_FILE_NAME]) fs.copyFileSync(path.join(live, f), path.join(copy, f));
    const wal = path.join(copy, `${DB_FILE_NAME}-wal`);
    const bytes = fs.readFileSync(wal);
    const frames = Math.floor((bytes.length - 32) / FRAME);
    expect(frames).toBeGreaterThan(40); // the changes are still in the WAL, not checkpointed
    const at = 32 + Math.floor(frames / 2) * FRAME + 24 + 200;
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(wal, bytes);
    return { recordedSeq: head.seq };
  } finally {
    core.close();
  }
}
