import type { Cluster } from '../../engine/types.ts';

/** The engine's fault call (`cluster.fault`), which lands separately; optional until it exists everywhere. */
type FaultCall = (fault: Record<string, unknown> & { type: string }) => unknown;

/** Returns the cluster's fault entry point, or undefined when this engine has none. */
export function faultApi(cluster: Cluster): FaultCall | undefined {
  const fn = (cluster as unknown as { fault?: unknown }).fault;
  return typeof fn === 'function' ? (fn as FaultCall).bind(cluster) : undefined;
}

/** Picks the element at a generated index, wrapping around (generated indexes know nothing of the cluster). */
export function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}
