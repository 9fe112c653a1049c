// While a secret ballot with "last press counts" is open, a member must be able to change their
// press, so the server must know their current choice. It is kept as an AES-256-GCM receipt in the
// voter row, under a per-ballot key stored OUTSIDE the database (data-dir/ballot-keys). The database
// file alone therefore links no member to a choice; at close the receipts are erased and the key
// file is deleted, after which nobody can link them.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Choice } from '../domain/vote';

export class SecretReceipts {
  private keys = new Map<number, Buffer>();
  constructor(private readonly dataDir: string) {}

  private file(ballotId: number): string {
    return path.join(this.dataDir, 'ballot-keys', `ballot-${ballotId}.key`);
  }

  /** Creates the ballot's key and writes it durably before the ballot opens. */
  create(ballotId: number): void {
    const key = randomBytes(32);
    const file = this.file(ballotId);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const fd = fs.openSync(file, 'w', 0o600);
    try {
      fs.writeSync(fd, key);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.keys.set(ballotId, key);
  }

  private key(ballotId: number): Buffer | null {
    let key = this.keys.get(ballotId);
    if (!key) {
      const file = this.file(ballotId);
      if (!fs.existsSync(file)) return null;
      key = fs.readFileSync(file);
      this.keys.set(ballotId, key);
    }
    return key;
  }

  seal(ballotId: number, memberId: number, choice: Choice): Buffer {
    const key = this.key(ballotId);
    if (!key) throw new Error(`no key for secret ballot ${ballotId}`);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(`${ballotId}:${memberId}`));
    const body = Buffer.concat([cipher.update(choice, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open(ballotId: number, memberId: number, receipt: Buffer | null): Choice | null {
    const key = receipt ? this.key(ballotId) : null;
    if (!key || !receipt) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, receipt.subarray(0, 12));
      decipher.setAAD(Buffer.from(`${ballotId}:${memberId}`));
      decipher.setAuthTag(receipt.subarray(12, 28));
      return Buffer.concat([decipher.update(receipt.subarray(28)), decipher.final()]).toString('utf8') as Choice;
    } catch {
      return null;
    }
  }

  /** Forgets the key for good. */
  destroy(ballotId: number): void {
    this.keys.delete(ballotId);
    fs.rmSync(this.file(ballotId), { force: true });
  }
}
