/** IPv4 arithmetic for the Service CIDR and load-balancer pools. */

/** Parses dotted-quad IPv4 text into a 32-bit unsigned number, or undefined. */
export function parseIPv4(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return undefined;
  const parts = text.split('.').map(Number);
  if (parts.some((p, i) => p > 255 || (text.split('.')[i]!.length > 1 && text.split('.')[i]!.startsWith('0')))) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
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
