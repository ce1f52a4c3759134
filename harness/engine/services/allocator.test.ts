import { describe, it, expect } from 'vitest';
import { createRandom } from '../random.ts';
import { clusterIpBand, inBand, nodePortBand, pickFree } from './allocator.ts';
import { formatIPv4, parseCidr, parseIPv4 } from './ipv4.ts';

describe('allocator bands', () => {
  it('computes the microk8s ClusterIP band and the NodePort band with their static parts', () => {
    expect(clusterIpBand()).toEqual({ first: parseIPv4('10.152.183.1'), size: 254, staticSize: 16 });
    expect(nodePortBand()).toEqual({ first: 30000, size: 2768, staticSize: 86 });
    expect(clusterIpBand('10.96.0.0/12').staticSize).toBe(256);
  });

  it('prefers the dynamic band and falls back to the static one only when it is full', () => {
    const band = { first: 100, size: 10, staticSize: 4 };
    const random = createRandom(1);
    const used = new Set<number>();
    const picks: number[] = [];
    for (let i = 0; i < 10; i++) {
      const v = pickFree(band, used, random)!;
      used.add(v);
      picks.push(v);
    }
    expect(picks.slice(0, 6).every((v) => v >= 104)).toBe(true);
    expect(picks.slice(6).every((v) => v < 104)).toBe(true);
    expect(pickFree(band, used, random)).toBeUndefined();
    expect(inBand(band, 109)).toBe(true);
    expect(inBand(band, 110)).toBe(false);
  });

  it.each([
    ['10.152.183.7', 0x0a98b707],
    ['255.255.255.255', 0xffffffff],
    ['1.2.3', undefined],
    ['01.2.3.4', undefined],
    ['256.1.1.1', undefined],
    [42, undefined],
  ])('parses IPv4 %s', (text, n) => {
    expect(parseIPv4(text)).toBe(n);
    if (n !== undefined) expect(formatIPv4(n)).toBe(text);
  });

  it('parses CIDRs to their network address', () => {
    expect(parseCidr('10.152.183.77/24')).toEqual({ base: parseIPv4('10.152.183.0'), size: 256, text: '10.152.183.0/24' });
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('nope')).toBeUndefined();
  });
});
