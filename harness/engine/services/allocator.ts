import type { Random } from '../random.ts';
import { formatIPv4, parseCidr, parseIPv4 } from './ipv4.ts';

/** microk8s `--service-cluster-ip-range`. */
export const SERVICE_CIDR = '10.152.183.0/24';
/** `--service-node-port-range` default. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/** A range of numbered values with a static lower band that dynamic allocation avoids while it can. */
export interface Band {
  /** The first allocatable value. */
  first: number;
  /** How many values. */
  size: number;
  /** How many values at the bottom form the static band. */
  staticSize: number;
}

/** Computes the ClusterIP band of a CIDR: network and broadcast excluded, static band min(max(16, size/16), 256). */
export function clusterIpBand(cidr: string = SERVICE_CIDR): Band {
  const c = parseCidr(cidr)!;
  const size = Math.max(0, c.size - 2);
  return { first: c.base + 1, size, staticSize: Math.min(Math.max(16, Math.floor(c.size / 16)), 256) };
}

/** Computes the NodePort band: static band min(max(16, size/32), 128) (30000–30085 by default). */
export function nodePortBand(min = NODE_PORT_MIN, max = NODE_PORT_MAX): Band {
  const size = max - min + 1;
  return { first: min, size, staticSize: Math.min(Math.max(16, Math.floor(size / 32)), 128) };
}

/** Picks a free value at random, preferring the upper (dynamic) band, scanning on from a random offset. */
export function pickFree(band: Band, used: ReadonlySet<number>, random: Random): number | undefined {
  const scan = (from: number, count: number): number | undefined => {
    if (count <= 0) return undefined;
    const start = random.int(0, count - 1);
    for (let i = 0; i < count; i++) {
      const v = band.first + from + ((start + i) % count);
      if (!used.has(v)) return v;
    }
    return undefined;
  };
  const staticSize = Math.min(band.staticSize, band.size);
  return scan(staticSize, band.size - staticSize) ?? scan(0, staticSize);
}

/** Tells whether a value lies in the band. */
export function inBand(band: Band, value: number): boolean {
  return value >= band.first && value < band.first + band.size;
}

/** The real ipallocator message for an IP outside the Service CIDR. */
export function ipNotInRange(ip: string, cidr: string = SERVICE_CIDR): string {
  return `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`;
}

export const IP_ALREADY_ALLOCATED = 'provided IP is already allocated';
export const PORT_ALREADY_ALLOCATED = 'provided port is already allocated';

/** The real portallocator message for a nodePort outside the range. */
export function portNotInRange(min = NODE_PORT_MIN, max = NODE_PORT_MAX): string {
  return `provided port is not in the valid range. The range of valid ports is ${min}-${max}`;
}

/** Converts between IP text and band numbers (re-exported for the allocation hook). */
export const ipText = { parse: parseIPv4, format: formatIPv4 };
