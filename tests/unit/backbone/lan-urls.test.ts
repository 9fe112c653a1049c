// The terminal URLs are read from the machine's network interfaces at most once per ADDRESSES_KEPT_MS
// (every live snapshot names the first one); a changed network shows once that time has passed.
import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADDRESSES_KEPT_MS, terminalUrlsKept } from '../../../src-main/app/lan';

const iface = (address: string): os.NetworkInterfaceInfo => ({ address, family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` });

afterEach(() => vi.restoreAllMocks());

describe('terminal URLs', () => {
  it('are read once per kept period, and a new address shows after it', () => {
    const read = vi.spyOn(os, 'networkInterfaces').mockReturnValue({ eth0: [iface('192.168.1.20')] });
    let t = 1_000_000;
    const urls = terminalUrlsKept('0.0.0.0', 8080, ADDRESSES_KEPT_MS, () => t);
    expect(urls()).toEqual(['http://192.168.1.20:8080/#/terminal', 'http://127.0.0.1:8080/#/terminal']);
    read.mockReturnValue({ eth0: [iface('10.0.0.5')] });
    t += ADDRESSES_KEPT_MS - 1;
    expect(urls()[0]).toBe('http://192.168.1.20:8080/#/terminal');
    expect(read).toHaveBeenCalledTimes(1);
    t += 1;
    expect(urls()[0]).toBe('http://10.0.0.5:8080/#/terminal');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('name the one host it listens on without reading the interfaces', () => {
    const read = vi.spyOn(os, 'networkInterfaces');
    expect(terminalUrlsKept('127.0.0.1', 9000)()).toEqual(['http://127.0.0.1:9000/#/terminal']);
    expect(read).not.toHaveBeenCalled();
  });
});
