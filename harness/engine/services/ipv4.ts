/** IPv4 arithmetic for the Service CIDR and load-balancer pools. */

/** Parses dotted-quad IPv4 text into a 32-bit unsigned number, or undefined (four 0-255 parts, no leading zeros). */
export function parseIPv4(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.length < 7 || text.length > 15) return undefined;
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      // A part is 1-3 digits, at most 255, and only "0" itself may start with 0.
      if (digits === 0 || part > 255 || (digits > 1 && text.charCodeAt(i - digits) === 48)) return undefined;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits++;
    } else return undefined;
  }
  return parts === 4 ? value : undefined;
}

/** Formats a 32-bit unsigned number as dotted-quad IPv4 text. */
export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Parses `a.b.c.d/n` into its network address and size, or undefined. */
export function parseCidr(text: unknown): { base: number; size: number; text: string } | undefined {
  if (typeof text !== 'string') return undefined;
  const [ip, bits, extra] = text.split('/');
  const n = Number(bits);
  const base = parseIPv4(ip);
  if (extra !== undefined || base === undefined || !/^\d{1,2}$/.test(bits ?? '') || n > 32) return undefined;
  const size = 2 ** (32 - n);
  const network = n === 0 ? 0 : (base - (base % size)) >>> 0;
  return { base: network, size, text: `${formatIPv4(network)}/${n}` };
}

/** Expands a load-balancer pool (IPs, or one CIDR without its network and broadcast addresses) into IPs in order. */
export function expandPool(pool: readonly string[] | undefined): string[] {
  if (!pool || pool.length === 0) return [];
  if (pool.length === 1 && pool[0]!.includes('/')) {
    const cidr = parseCidr(pool[0]);
    if (!cidr) return [];
    const first = cidr.size > 2 ? 1 : 0;
    const last = cidr.size > 2 ? cidr.size - 2 : cidr.size - 1;
    const out: string[] = [];
    for (let i = first; i <= last && out.length < 65536; i++) out.push(formatIPv4(cidr.base + i));
    return out;
  }
  return pool.filter((ip) => parseIPv4(ip) !== undefined);
}
