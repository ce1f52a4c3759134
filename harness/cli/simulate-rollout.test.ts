// Issue #4's acceptance criterion, end to end through the real CLI process: `kubegrade simulate deploy.yml
// --then deploy-v2.yml --watch --format json` rolls the course's web-deploy from 1.0 to 2.0, and the watch
// log shows the rolling-update guarantees of maxSurge 1 / maxUnavailable 0 at every recorded instant.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const solution = readFileSync(join(root, 'solutions/12-rolling-update/solution/deploy.yml'), 'utf8');
const v2 = solution;
const v1 = solution.replace('getting-started-k8s:2.0', 'getting-started-k8s:1.0');

interface Meta {
  name: string;
  deletionTimestamp?: string;
  ownerReferences?: { kind: string; name: string }[];
}
interface Obj {
  kind: string;
  metadata: Meta;
  spec?: { template?: { spec?: { containers?: { image: string }[] } } };
  status?: { phase?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[] };
}
interface Simulation {
  settled: boolean;
  watch: { time: string; type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: Obj }[];
  objects: Obj[];
}

const MIN_READY_MS = 5000;
const HASH = '[4-9bcdf]{1,10}';
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';

function simulate(): Simulation {
  const dir = mkdtempSync(join(tmpdir(), 'kubegrade-rollout-'));
  writeFileSync(join(dir, 'deploy.yml'), v1);
  writeFileSync(join(dir, 'deploy-v2.yml'), v2);
  const out = execFileSync(process.execPath, [join(root, 'bin', 'kubegrade.js'), 'simulate', 'deploy.yml', '--then', 'deploy-v2.yml', '--watch', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  return JSON.parse(out) as Simulation;
}

const isActive = (p: Obj): boolean => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

function isAvailable(p: Obj, at: number): boolean {
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  if (!isActive(p) || ready?.status !== 'True' || !ready.lastTransitionTime) return false;
  return at - Date.parse(ready.lastTransitionTime) >= MIN_READY_MS;
}

describe('kubegrade simulate deploy.yml --then deploy-v2.yml --watch (rolling update 1.0 → 2.0)', () => {
  const sim = simulate();
  const pods = new Map<string, Obj>();
  const samples: { time: string; active: number; available: number; images: string[] }[] = [];
  let rolloutStarted = false;
  for (const entry of sim.watch) {
    const o = entry.object;
    if (o.kind === 'Deployment' && o.spec?.template?.spec?.containers?.[0]?.image.endsWith(':2.0')) rolloutStarted = true;
    if (o.kind !== 'Pod') continue;
    if (entry.type === 'DELETED') pods.delete(o.metadata.name);
    else pods.set(o.metadata.name, o);
    const at = Date.parse(entry.time);
    const current = [...pods.values()];
    if (rolloutStarted) {
      samples.push({
        time: entry.time,
        active: current.filter(isActive).length,
        available: current.filter((p) => isAvailable(p, at)).length,
        images: current.filter(isActive).map((p) => (p as { spec?: { containers?: { image: string }[] } }).spec?.containers?.[0]?.image ?? ''),
      });
    }
  }

  it('settles with five 2.0 Pods', () => {
    expect(sim.settled).toBe(true);
    const final = sim.objects.filter((o) => o.kind === 'Pod' && isActive(o));
    expect(final).toHaveLength(5);
    expect(samples.at(-1)?.images).toEqual(Array(5).fill('nigelpoulton/getting-started-k8s:2.0'));
  });

  it('never runs more than 6 Pods (replicas + maxSurge) at any instant of the rollout', () => {
    expect(samples.length).toBeGreaterThan(20);
    expect(Math.max(...samples.map((s) => s.active))).toBe(6);
  });

  it('never has fewer than 5 available Pods (replicas − maxUnavailable) at any instant of the rollout', () => {
    const worst = samples.reduce((a, b) => (b.available < a.available ? b : a));
    expect(worst.available).toBe(5);
  });

  it('names every Pod web-deploy-<pod-template-hash>-<5 chars> with the real alphabets', () => {
    const names = sim.watch.filter((w) => w.object.kind === 'Pod').map((w) => w.object.metadata.name);
    expect(new Set(names).size).toBe(10);
    for (const name of names) expect(name).toMatch(new RegExp(`^web-deploy-${HASH}-${SUFFIX}$`));
    // A Pod's name starts with its ReplicaSet's name.
    for (const w of sim.watch.filter((x) => x.object.kind === 'Pod')) {
      const owner = w.object.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet');
      expect(w.object.metadata.name.startsWith(`${owner?.name}-`)).toBe(true);
    }
  });
});
