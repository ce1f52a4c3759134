import type { KubeObject } from '../core/kube.ts';
import type { WatchEntry } from './types.ts';
import { cachedRequests, isTerminated, nodeAllocatable, type NodeState } from './placement.ts';
import { asMap } from './util.ts';

interface NodeBucket {
  pods: Map<string, KubeObject>;
  cpu: number;
  memory: number;
  /** How many bound pods each controller owner (or labels key, for unowned pods) has here. */
  groups: Map<string, number>;
}

/**
 * The scheduler's view of which Pods hold which node's resources, kept up to date from the watch
 * log (like kube-scheduler's cache), so one scheduling cycle costs O(nodes) instead of O(Pods × nodes).
 */
export interface SchedulerCache {
  observe(entry: WatchEntry): void;
  /** The NodeState of each node (pods are materialised only when a filter asks for them). */
  states(nodes: readonly KubeObject[]): NodeState[];
  /** Bound pods of the same group (owner uid, or labels of unowned pods) on a node. */
  sameGroup(node: string, group: string): number;
}

/** Returns the spreading group of a pod: its controller owner's uid, else its labels. */
export function groupOf(pod: KubeObject): string {
  const owner = (pod.metadata.ownerReferences ?? []).find((o) => o.controller === true);
  if (owner) return `owner:${owner.uid}`;
  return pod.metadata.labels === undefined ? '' : `labels:${JSON.stringify(pod.metadata.labels)}`;
}

/** Creates an empty scheduler cache. */
export function createSchedulerCache(): SchedulerCache {
  const buckets = new Map<string, NodeBucket>();
  const placed = new Map<string, { node: string; pod: KubeObject }>();
  const bucket = (node: string): NodeBucket => {
    let b = buckets.get(node);
    if (!b) buckets.set(node, (b = { pods: new Map(), cpu: 0, memory: 0, groups: new Map() }));
    return b;
  };
  const remove = (uid: string): void => {
    const was = placed.get(uid);
    if (!was) return;
    placed.delete(uid);
    const b = bucket(was.node);
    b.pods.delete(uid);
    const r = cachedRequests(was.pod);
    b.cpu -= r.cpu;
    b.memory -= r.memory;
    const g = groupOf(was.pod);
    if (g) b.groups.set(g, (b.groups.get(g) ?? 1) - 1);
  };
  return {
    observe(entry) {
      const pod = entry.object;
      if (pod.kind !== 'Pod') return;
      const uid = pod.metadata.uid ?? '';
      remove(uid);
      const node = asMap(pod.spec)?.nodeName;
      if (entry.type === 'DELETED' || typeof node !== 'string' || node === '' || isTerminated(pod)) return;
      placed.set(uid, { node, pod });
      const b = bucket(node);
      b.pods.set(uid, pod);
      const r = cachedRequests(pod);
      b.cpu += r.cpu;
      b.memory += r.memory;
      const g = groupOf(pod);
      if (g) b.groups.set(g, (b.groups.get(g) ?? 0) + 1);
    },
    states(nodes) {
      return nodes.map((node) => {
        const name = node.metadata.name ?? '';
        const b = bucket(name);
        let pods: KubeObject[] | undefined;
        return {
          node,
          name,
          get pods() {
            return (pods ??= [...b.pods.entries()].sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0)).map(([, p]) => p));
          },
          podCount: b.pods.size,
          podUids: b.pods,
          allocatable: nodeAllocatable(node),
          requested: { cpu: b.cpu, memory: b.memory },
        };
      });
    },
    sameGroup(node, group) {
      return group ? (bucket(node).groups.get(group) ?? 0) : 0;
    },
  };
}
