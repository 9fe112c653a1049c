// The headless key store refuses a key folder inside the data folder (a copy of the data would carry
// the key that opens every open round): also when the key folder, or the data folder, is reached
// through a symbolic link. Real folders and links under the system's temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { headlessKeyStore } from '../../../src-main/rounds/key-store';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-keydir-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const INSIDE = /不能位于数据目录之内/;

describe('the headless key folder is never inside the data folder', () => {
  const data = path.join(root, 'data');
  fs.mkdirSync(data);
  it('refuses a key folder under the data folder as written', () => {
    expect(() => headlessKeyStore(path.join(data, 'keys'), data)).toThrow(INSIDE);
  });

  it('refuses a key folder reached through a link into the data folder, and writes no key there', () => {
    const link = path.join(root, 'link-to-data');
    fs.symlinkSync(data, link);
    expect(() => headlessKeyStore(path.join(link, 'keys'), data)).toThrow(INSIDE);
    expect(() => headlessKeyStore(path.join(link, 'a', 'b'), data)).toThrow(INSIDE);
    expect(fs.readdirSync(data)).toEqual([]);
  });

  it('refuses a data folder given as a link to a folder that holds the key folder', () => {
    const state = path.join(root, 'state');
    fs.mkdirSync(state);
    const dataLink = path.join(root, 'data-link');
    fs.symlinkSync(state, dataLink);
    expect(() => headlessKeyStore(path.join(state, 'yishi'), dataLink)).toThrow(INSIDE);
  });

  it('takes a key folder beside the data folder, and seals and opens with it', () => {
    const keys = path.join(root, 'keys-beside');
    const store = headlessKeyStore(keys, data);
    const key = Buffer.alloc(32, 7);
    expect(store.open(store.seal(key))).toEqual(key);
    expect(fs.readdirSync(keys)).toEqual(['master.key']);
    expect(fs.readdirSync(data)).toEqual([]);
  });
});
