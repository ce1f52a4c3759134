import type { KubeObject } from '../core/kube.ts';
import { cpuMillis, wholeUnits } from './quantity.ts';
import { asList, asMap } from './util.ts';

/** Computes status.qosClass (pkg/apis/core/helper/qos): BestEffort, Burstable or Guaranteed. */
export function qosClass(pod: KubeObject): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const spec = asMap(pod.spec);
  const containers = [...asList(spec?.containers), ...asList(spec?.initContainers)].map((c) => asMap(asMap(c)?.resources));
  let any = false;
  let guaranteed = true;
  for (const r of containers) {
    const req = asMap(r?.requests) ?? {};
    const lim = asMap(r?.limits) ?? {};
    for (const name of ['cpu', 'memory']) {
      if (req[name] !== undefined || lim[name] !== undefined) any = true;
      const toNum = name === 'cpu' ? cpuMillis : wholeUnits;
      if (lim[name] === undefined || (req[name] !== undefined && toNum(req[name]) !== toNum(lim[name]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Sums what a pod requests for scheduling: cpu millis and memory bytes (max with init containers). */
export function podRequests(pod: KubeObject): { cpu: number; memory: number } {
  const spec = asMap(pod.spec);
  const sum = { cpu: 0, memory: 0 };
  for (const c of asList(spec?.containers)) {
    const req = asMap(asMap(asMap(c)?.resources)?.requests) ?? {};
    sum.cpu += cpuMillis(req.cpu);
    sum.memory += wholeUnits(req.memory);
  }
  for (const c of asList(spec?.initContainers)) {
    const req = asMap(asMap(asMap(c)?.resources)?.requests) ?? {};
    sum.cpu = Math.max(sum.cpu, cpuMillis(req.cpu));
    sum.memory = Math.max(sum.memory, wholeUnits(req.memory));
  }
  return sum;
}
