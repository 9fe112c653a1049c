// A key store for tests: it seals round keys under a key held only in this process's memory, as the
// operating system's key store would (a copied data folder cannot open them without it).
import { randomBytes } from 'node:crypto';
import { unwrapKey, wrapKey, type KeyStore } from '../../src-main/rounds/key-store';

export function fakeKeyStore(secret: Buffer = randomBytes(32)): KeyStore & { secret: Buffer; sealed: number } {
  const store = {
    secret,
    sealed: 0,
    description: '测试用密钥库',
    seal: (key: Buffer) => {
      store.sealed++;
      return wrapKey(secret, key);
    },
    open: (sealed: Buffer) => unwrapKey(secret, sealed),
  };
  return store;
}
