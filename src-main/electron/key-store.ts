// The key store of the desktop app: the keys of secret rounds are sealed with the operating system's
// key store through Electron's safeStorage (DPAPI on Windows, the Keychain on macOS, the Secret
// Service or kwallet on Linux), so a copied data folder cannot open them anywhere else. Where the
// system offers none (Linux without a keyring: safeStorage would fall back to a fixed password), the
// headless master key outside the data folder is used instead, and the log says so.
import { safeStorage } from 'electron';
import { defaultKeyDir, headlessKeyStore, type KeyStore } from '../rounds/key-store';

export function osKeyStore(dataDir: string): KeyStore {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text' || backend === 'unknown') {
    const fallback = headlessKeyStore(defaultKeyDir(), dataDir);
    console.warn(`[key-store] 操作系统未提供密钥库（${backend}），无记名表决的密钥改用${fallback.description}`);
    return fallback;
  }
  return {
    description: `操作系统密钥库（${backend === 'os' ? process.platform : backend}）`,
    seal: (key) => safeStorage.encryptString(key.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
