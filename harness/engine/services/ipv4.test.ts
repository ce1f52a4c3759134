import { describe, expect, it } from 'vitest';
import { formatIPv4, parseIPv4 } from './ipv4.ts';

describe('parseIPv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['10.1.0.1', 0x0a010001],
    ['192.168.1.240', 0xc0a801f0],
    ['255.255.255.255', 0xffffffff],
  ])('reads %s', (text, n) => {
    expect(parseIPv4(text)).toBe(n);
    expect(formatIPv4(n)).toBe(text);
  });

  it.each(['256.1.1.1', '01.2.3.4', '1.2.3.04', '00.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', '.1.2.3', '1.2.3.', ' 1.2.3.4', '1.2.3.4\n', '1000.1.1.1', 'a.b.c.d', '', '１.2.3.4'])('refuses %j', (text) => {
    expect(parseIPv4(text)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 16909060, ['1.2.3.4'], { ip: '1.2.3.4' }]) expect(parseIPv4(v)).toBeUndefined();
  });
});
