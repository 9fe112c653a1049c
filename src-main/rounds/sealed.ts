// Sealed receipts of secret rounds. While a secret ballot, an assessment or a project ballot is open,
// each press or sheet is kept only as a receipt: AES-256-GCM under the round's key, a random nonce,
// the member as associated data, and a body of one length for the whole round. The round key is
// sealed by the key store and written to data-dir/round-keys/ before the round opens (a crash
// resumes the round); at close the receipts are tallied and erased and the key file is destroyed.
// Backups copy only the database, so a backup taken mid-round holds receipts but never their key.
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/result';
import { syncDir, writeDurably, writeSynced } from '../store/durable-file';
import type { KeyStore } from './key-store';
import { refKey, type RoundRef } from './types';

export const ROUND_KEYS_DIR = 'round-keys';
/** What a member's terminal is told when a press or sheet cannot be sealed: the console says why. */
export const KEY_LOST_AT_TERMINAL = '本轮的票暂时无法记录，请等候会务工作人员处理';
/** What the secretary can do about a round whose key is gone (RoundEngine.voidRound). */
const KEY_LOST_HINT = '。本轮已提交的票无法计入：请在控制台“作废本轮”，清除已提交的票后重新开始';
/** Where version 0.1 kept plaintext ballot keys; removed at startup. */
const LEGACY_KEYS_DIR = 'ballot-keys';

export class SealedRounds {
  /** Round keys as KeyObjects: a cipher made from one skips importing the raw key again. */
  private readonly keys = new Map<string, KeyObject>();
  /** Rounds whose key was found unusable here (missing, or sealed by another key store). */
  private readonly lost = new Set<string>();
  private readonly dir: string;

  constructor(
    dataDir: string,
    readonly keyStore: KeyStore,
  ) {
    this.dir = path.join(dataDir, ROUND_KEYS_DIR);
    fs.rmSync(path.join(dataDir, LEGACY_KEYS_DIR), { recursive: true, force: true });
  }

  private file(ref: RoundRef): string {
    return path.join(this.dir, `${refKey(ref)}.sealed`);
  }

  /** Creates the round's key and writes it, sealed, durably before the round opens. */
  create(ref: RoundRef): void {
    const key = randomBytes(32);
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeDurably(this.file(ref), this.keyStore.seal(key));
    this.keys.set(refKey(ref), createSecretKey(key));
    key.fill(0);
    this.lost.delete(refKey(ref));
  }

  private key(ref: RoundRef): KeyObject {
    const cached = this.keys.get(refKey(ref));
    if (cached) return cached;
    let sealed: Buffer;
    try {
      sealed = fs.readFileSync(this.file(ref));
    } catch {
      this.lost.add(refKey(ref));
      throw new AppError('INVALID_STATE', `本轮的密钥文件不存在（${this.file(ref)}），无法读取已提交的无记名表决或测评表${KEY_LOST_HINT}`);
    }
    let key: Buffer;
    try {
      key = this.keyStore.open(sealed);
    } catch {
      this.lost.add(refKey(ref));
      throw new AppError('INVALID_STATE', `本轮的密钥无法用${this.keyStore.description}打开（数据目录是否来自另一台计算机或另一个用户？），无法读取已提交的无记名表决或测评表${KEY_LOST_HINT}`);
    }
    const keyObject = createSecretKey(key);
    key.fill(0);
    this.keys.set(refKey(ref), keyObject);
    this.lost.delete(refKey(ref)); // a key file put back is used again
    return keyObject;
  }

  /** Whether this round's key has been found unusable here (cheap: no file is read). */
  isLost(ref: RoundRef): boolean {
    return this.lost.has(refKey(ref));
  }

  /** Throws, in the words of a lost key, when this round's key cannot be had here (before anything is written for a receipt). */
  ready(ref: RoundRef): void {
    this.key(ref);
  }

  /** Whether this round's key can be had here: already in memory, or its file opens with this key store. */
  usable(ref: RoundRef): boolean {
    try {
      this.ready(ref);
      return true;
    } catch {
      return false;
    }
  }

  /** Random bytes for nonces: one call of the CSPRNG for 1024 receipts, 12 fresh bytes for each. */
  private nonces = Buffer.alloc(0);
  private nonceAt = 0;

  private nonce(): Buffer {
    if (this.nonceAt + 12 > this.nonces.length) {
      this.nonces = randomBytes(12 * 1024);
      this.nonceAt = 0;
    }
    const iv = this.nonces.subarray(this.nonceAt, this.nonceAt + 12);
    this.nonceAt += 12;
    return iv;
  }

  seal(ref: RoundRef, memberId: number, body: Buffer): Buffer {
    const iv = this.nonce();
    const c = createCipheriv('aes-256-gcm', this.key(ref), iv);
    c.setAAD(Buffer.from(`${refKey(ref)}:${memberId}`));
    const sealed = c.update(body);
    c.final(); // GCM: nothing more to output, the tag is ready
    return Buffer.concat([iv, c.getAuthTag(), sealed], 28 + sealed.length);
  }

  /** The body of a receipt; throws when it is not this member's receipt of this round. */
  open(ref: RoundRef, memberId: number, receipt: Buffer): Buffer {
    const d = createDecipheriv('aes-256-gcm', this.key(ref), receipt.subarray(0, 12));
    d.setAAD(Buffer.from(`${refKey(ref)}:${memberId}`));
    d.setAuthTag(receipt.subarray(12, 28));
    try {
      const body = d.update(receipt.subarray(28));
      d.final(); // GCM: checks the tag, outputs nothing
      return body;
    } catch {
      throw new AppError('INTERNAL', '一张无记名回执无法核验（数据可能被改动）');
    }
  }

  /** Forgets the key for good: the file is overwritten, synced and removed. */
  destroy(ref: RoundRef): void {
    this.keys.delete(refKey(ref));
    this.lost.delete(refKey(ref));
    const file = this.file(ref);
    if (!fs.existsSync(file)) return;
    writeSynced(file, Buffer.alloc(fs.statSync(file).size), 'r+');
    fs.rmSync(file, { force: true });
    syncDir(this.dir);
  }

  /** After a restart: destroys key files of rounds that are not open (a crash between close and destroy). */
  prune(open: RoundRef[]): void {
    if (!fs.existsSync(this.dir)) return;
    const keep = new Set(open.map((r) => `${refKey(r)}.sealed`));
    for (const f of fs.readdirSync(this.dir)) {
      if (keep.has(f)) continue;
      const m = /^(ballot|assessment)-(\d+)\.sealed$/.exec(f);
      if (m) this.destroy({ kind: m[1] as RoundRef['kind'], id: Number(m[2]) });
      else fs.rmSync(path.join(this.dir, f), { force: true });
    }
  }
}
