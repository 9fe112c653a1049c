// Small files written so that they survive a power cut: the data written and fsynced, a new name
// renamed into place and its folder fsynced (round keys, the pending file rebuild).
import fs from 'node:fs';
import path from 'node:path';

/** Writes `data` to `file` (created 0600 unless it exists) and fsyncs it. */
export function writeSynced(file: string, data: Buffer, flag: 'w' | 'wx' | 'r+' = 'w'): void {
  const fd = fs.openSync(file, flag, 0o600);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes what was written to `file` (by anyone) durable. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+'); // r+: Windows flushes only a handle open for writing
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `file` whole or not at all: beside it, synced, renamed into place, the folder synced. */
export function writeDurably(file: string, data: Buffer): void {
  const tmp = `${file}.tmp`;
  writeSynced(tmp, data);
  fs.renameSync(tmp, file);
  syncDir(path.dirname(file));
}

/** Makes the folder's entries (a file created, renamed or removed) durable. */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
