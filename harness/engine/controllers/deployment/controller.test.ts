import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../../core/kube.ts';
import { createCluster } from '../../cluster.ts';
import type { SimCluster } from '../../cluster.ts';
import { testCatalog } from '../../testing-helpers.ts';
import { reconcileTwice } from '../testing.ts';
import { deployRef, webDeploy } from '../testing-workloads.ts';
import { DEPLOYMENT_CONTROLLER } from './replica-sets.ts';
import { followRollout, rollback, rolloutStatus } from './rollout.ts';

const catalog = testCatalog();
const V1 = 'nigelpoulton/getting-started-k8s:1.0';
const V2 = 'nigelpoulton/getting-started-k8s:2.0';
const MISSING = 'nigelpoulton/getting-started-k8s:9.9';
const SURGE_ONE = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };

const HASH = '[4-9bcdf]{1,10}';
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
const livePods = (c: SimCluster): KubeObject[] => c.list('Pod').filter((p) => !p.metadata.deletionTimestamp);
const scalingEvents = (c: SimCluster): string[] => c.events().filter((e) => (e.source as { component?: string }).component === DEPLOYMENT_CONTROLLER).map((e) => e.message as string);
const isReady = (p: KubeObject): boolean => (p.status?.conditions ?? []).some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True');

function deployed(options: Parameters<typeof webDeploy>[0] = {}, seed = 1): SimCluster {
  const c = createCluster({ images: catalog, seed });
  expect(c.apply(webDeploy(options)).ok).toBe(true);
  expect(c.runUntilSettled().settled).toBe(true);
  return c;
}

describe('Deployment controller: web-deploy', () => {
  it('runs 5 Pods named web-deploy-<hash>-<suffix> through one ReplicaSet with the hash label, annotations and ownerRef', () => {
    const c = deployed();
    const d = c.get(deployRef())!;
    const [rs, ...others] = c.list('ReplicaSet');
    expect(others).toEqual([]);
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect(rs!.metadata.name).toMatch(new RegExp(`^web-deploy-${HASH}$`));
    expect(rs!.metadata.name).toBe(`web-deploy-${hash}`);
    expect(rs!.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs!.spec.template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '5', 'deployment.kubernetes.io/max-replicas': '7' });
    expect(rs!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web-deploy', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const pods = livePods(c);
    expect(pods).toHaveLength(5);
    for (const p of pods) expect(p.metadata.name).toMatch(new RegExp(`^web-deploy-${hash}-${SUFFIX}$`));
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 5, updatedReplicas: 5, readyReplicas: 5, availableReplicas: 5 });
    expect(d.status.unavailableReplicas).toBeUndefined(); // omitempty, as the API serves it
    expect(d.status.conditions.map((x: Record<string, string>) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-deploy-${hash}" has successfully progressed.`],
    ]);
    expect(scalingEvents(c)).toEqual([`Scaled up replica set web-deploy-${hash} to 5`]);
    expect(rolloutStatus(d)).toEqual({ message: 'deployment "web-deploy" successfully rolled out', done: true, error: false });
  });

  it('is idempotent: reconciling twice writes nothing the second time', () => {
    const c = createCluster({ images: catalog, seed: 1 });
    c.apply(webDeploy());
    const ctl = c.internals.controllers.get(DEPLOYMENT_CONTROLLER)!;
    expect(reconcileTwice(ctl, deployRef(), c.internals.context)).toMatchObject({ secondWrites: 0, secondEvents: 0 });
    c.runUntilSettled();
    expect(reconcileTwice(ctl, deployRef(), c.internals.context)).toEqual({ firstWrites: 0, secondWrites: 0, secondEvents: 0 });
  });

  it('is deterministic: the same seed gives identical objects, events and watch log (seeds 1 and 4 pinned)', () => {
    const run = (seed: number): string => {
      const c = deployed({}, seed);
      c.apply(webDeploy({ image: V2 }));
      c.runUntilSettled();
      return JSON.stringify([c.list('Pod'), c.list('ReplicaSet'), c.list('Deployment'), c.events(), c.watchLog()]);
    };
    expect(run(1)).toBe(run(1));
    expect(run(4)).toBe(run(4));
    expect(run(1)).not.toBe(run(4));
  });
});

describe('Deployment controller: rollouts', () => {
  it('rolls 1.0 → 2.0 with maxSurge 1 / maxUnavailable 0: never more than 6 non-terminating Pods nor fewer than 5 available', () => {
    const c = deployed({ strategy: SURGE_ONE });
    const start = c.watchLog().length;
    c.apply(webDeploy({ image: V2, strategy: SURGE_ONE }));
    expect(c.runUntilSettled().settled).toBe(true);
    // Replay the watch log after the change: the set of existing Pods and their readiness at every step.
    const pods = new Map<string, KubeObject>();
    for (const e of c.watchLog().slice(0, start)) {
      if (e.object.kind !== 'Pod') continue;
      if (e.type === 'DELETED') pods.delete(e.object.metadata.name!);
      else pods.set(e.object.metadata.name!, e.object);
    }
    let maxPods = 0;
    let minAvailable = Infinity;
    for (const e of c.watchLog().slice(start)) {
      if (e.object.kind !== 'Pod') continue;
      if (e.type === 'DELETED') pods.delete(e.object.metadata.name!);
      else pods.set(e.object.metadata.name!, e.object);
      // Terminating Pods linger during their grace period, as with real Kubernetes; the surge limit counts the others.
      maxPods = Math.max(maxPods, [...pods.values()].filter((p) => !p.metadata.deletionTimestamp).length);
      minAvailable = Math.min(minAvailable, [...pods.values()].filter((p) => isReady(p) && !p.metadata.deletionTimestamp).length);
    }
    expect(maxPods).toBe(6);
    expect(minAvailable).toBe(5);
    const live = livePods(c);
    expect(live).toHaveLength(5);
    expect(live.every((p) => p.spec.containers[0].image === V2)).toBe(true);
    const [older, newer] = c.list('ReplicaSet').sort((a, b) => Number(a.metadata.annotations!['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations!['deployment.kubernetes.io/revision']));
    expect(older!.spec.replicas).toBe(0);
    expect(newer!.spec.replicas).toBe(5);
    expect(c.get(deployRef())!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    const events = scalingEvents(c);
    expect(events[1]).toBe(`Scaled up replica set ${newer!.metadata.name} to 1`);
    expect(events[2]).toBe(`Scaled down replica set ${older!.metadata.name} to 4 from 5`);
    expect(events).toContain(`Scaled up replica set ${newer!.metadata.name} to 5 from 4`);
    expect(events.at(-1)).toBe(`Scaled down replica set ${older!.metadata.name} to 0 from 1`);
  });

  it('prints kubectl rollout status lines while following a rollout', () => {
    const c = deployed({ replicas: 3, strategy: SURGE_ONE });
    c.apply(webDeploy({ replicas: 3, image: V2, strategy: SURGE_ONE }));
    const lines = followRollout(c, deployRef());
    expect(lines[0]).toBe('Waiting for deployment spec update to be observed...');
    expect(lines).toContain('Waiting for deployment "web-deploy" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(lines).toContain('Waiting for deployment "web-deploy" rollout to finish: 1 old replicas are pending termination...');
    expect(lines.at(-1)).toBe('deployment "web-deploy" successfully rolled out');
  });

  it('Recreate: scales the old ReplicaSet to 0, waits for its Pods to be gone, then creates the new one at full size', () => {
    const recreate = { type: 'Recreate' };
    const c = deployed({ replicas: 3, strategy: recreate });
    const start = c.watchLog().length;
    c.apply(webDeploy({ replicas: 3, image: V2, strategy: recreate }));
    expect(c.runUntilSettled().settled).toBe(true);
    const log = c.watchLog().slice(start);
    const lastOldGone = Math.max(...log.flatMap((e, i) => (e.type === 'DELETED' && e.object.kind === 'Pod' ? [i] : [])));
    const firstNewPod = log.findIndex((e) => e.type === 'ADDED' && e.object.kind === 'Pod');
    expect(lastOldGone).toBeGreaterThan(0);
    expect(firstNewPod).toBeGreaterThan(lastOldGone);
    const newRS = c.list('ReplicaSet').find((rs) => rs.spec.replicas === 3)!;
    expect(scalingEvents(c).slice(1)).toEqual([expect.stringMatching(/^Scaled down replica set web-deploy-\w+ to 0 from 3$/), `Scaled up replica set ${newRS.metadata.name} to 3`]);
    expect(livePods(c).every((p) => p.spec.containers[0].image === V2)).toBe(true);
  });

  it('counts availability only after minReadySeconds', () => {
    const c = createCluster({ images: catalog, seed: 2 });
    c.apply(webDeploy({ replicas: 2, minReadySeconds: 20 }));
    c.advance(10);
    expect(c.get(deployRef())!.status).toMatchObject({ readyReplicas: 2, unavailableReplicas: 2 });
    expect(c.get(deployRef())!.status.availableReplicas).toBeUndefined();
    expect(rolloutStatus(c.get(deployRef())!).message).toBe('Waiting for deployment "web-deploy" rollout to finish: 0 of 2 updated replicas are available...');
    c.runUntilSettled();
    expect(c.get(deployRef())!.status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
    expect(c.list('ReplicaSet')[0]!.spec.minReadySeconds).toBe(20);
  });

  it('marks Progressing False ProgressDeadlineExceeded when the new Pods never become ready', () => {
    const c = deployed({ replicas: 2, strategy: SURGE_ONE });
    const d = webDeploy({ replicas: 2, image: MISSING, strategy: SURGE_ONE });
    d.spec.progressDeadlineSeconds = 30;
    c.apply(d);
    c.advance(120);
    const status = c.get(deployRef())!;
    const newRS = c.list('ReplicaSet').find((rs) => rs.spec.template.spec.containers[0].image === MISSING)!;
    expect(status.status.conditions.find((x: { type: string }) => x.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` });
    expect(rolloutStatus(status)).toEqual({ message: 'error: deployment "web-deploy" exceeded its progress deadline', done: true, error: true });
    // maxUnavailable 0 keeps both old Pods serving.
    expect(livePods(c).filter((p) => p.spec.containers[0].image === V1 && isReady(p))).toHaveLength(2);
  });

  it('rolls back to the previous revision (kubectl rollout undo) by reusing its ReplicaSet', () => {
    const c = deployed({ replicas: 2 });
    const first = c.list('ReplicaSet')[0]!;
    c.apply(webDeploy({ replicas: 2, image: V2 }));
    c.runUntilSettled();
    expect(rollback(c, deployRef())).toEqual({ ok: true, message: 'deployment.apps/web-deploy rolled back' });
    c.runUntilSettled();
    const reused = c.get({ kind: 'ReplicaSet', namespace: 'default', name: first.metadata.name! })!;
    expect(reused.spec.replicas).toBe(2);
    expect(reused.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(c.list('ReplicaSet')).toHaveLength(2);
    expect(livePods(c).every((p) => p.spec.containers[0].image === V1)).toBe(true);
    expect(rollback(c, deployRef(), 9)).toEqual({ ok: false, message: 'error: unable to find specified revision 9 in history' });
    expect(rollback(c, deployRef(), 3).message).toBe('deployment.apps/web-deploy skipped rollback (current template already matches revision 3)');
  });

  it('deletes zero-sized old ReplicaSets beyond revisionHistoryLimit', () => {
    const c = createCluster({ images: catalog, seed: 3 });
    const limited = (image: string): KubeObject => ({ ...webDeploy({ replicas: 1, image }), spec: { ...webDeploy({ replicas: 1, image }).spec, revisionHistoryLimit: 1 } });
    for (const image of [V1, V2, 'nginx:1.27']) {
      c.apply(limited(image));
      c.runUntilSettled();
    }
    const images = c.list('ReplicaSet').map((rs) => [rs.spec.template.spec.containers[0].image, rs.spec.replicas]);
    expect(images).toHaveLength(2);
    expect(images).toContainEqual(['nginx:1.27', 1]);
    expect(images).toContainEqual([V2, 0]);
  });
});

describe('Deployment controller: details', () => {
  it('writes NewReplicaSetCreated, then ReplicaSetUpdated while progressing, with the exact messages', () => {
    const c = createCluster({ images: catalog, seed: 6 });
    c.apply(webDeploy({ replicas: 2 }));
    c.runUntilSettled();
    const rs = c.list('ReplicaSet')[0]!.metadata.name!;
    const seen = c.watchLog().flatMap((e) => (e.object.kind === 'Deployment' ? (e.object.status?.conditions ?? []).filter((x: { type: string }) => x.type === 'Progressing').map((x: Record<string, string>) => `${x.reason}: ${x.message}`) : []));
    expect([...new Set(seen)]).toEqual([`NewReplicaSetCreated: Created new replica set "${rs}"`, `ReplicaSetUpdated: ReplicaSet "${rs}" is progressing.`, `NewReplicaSetAvailable: ReplicaSet "${rs}" has successfully progressed.`]);
  });

  it('does not adopt a hand-made Pod labelled app=web: the ReplicaSet selector also needs pod-template-hash', () => {
    const c = createCluster({ images: catalog, seed: 7 });
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hand-made', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: V1 }] } });
    c.apply(webDeploy({ replicas: 2 }));
    c.runUntilSettled();
    expect(c.get({ kind: 'Pod', namespace: 'default', name: 'hand-made' })!.metadata.ownerReferences).toBeUndefined();
    expect(livePods(c)).toHaveLength(3);
  });

  it('scales unhealthy old ReplicaSets down first when a new rollout starts over a stalled one', () => {
    const c = deployed({ replicas: 3 });
    const stable = c.list('ReplicaSet')[0]!.metadata.name!;
    c.apply(webDeploy({ replicas: 3, image: MISSING }));
    c.advance(5);
    const stalled = c.list('ReplicaSet').find((rs) => rs.metadata.name !== stable)!;
    expect(stalled.spec.replicas).toBe(1);
    const before = scalingEvents(c).length;
    c.apply(webDeploy({ replicas: 3, image: V2 }));
    c.runUntilSettled();
    const after = scalingEvents(c).slice(before);
    expect(after[0]).toBe(`Scaled down replica set ${stalled.metadata.name} to 0 from 1`);
    expect(livePods(c).every((p) => p.spec.containers[0].image === V2)).toBe(true);
  });

  it('bumps collisionCount when a foreign ReplicaSet already has the hashed name', () => {
    const name = deployed({ replicas: 1 }).list('ReplicaSet')[0]!.metadata.name!;
    const c = createCluster({ images: catalog, seed: 1 });
    const other = { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'c', image: V1 }] } };
    c.apply({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name }, spec: { replicas: 0, selector: { matchLabels: { app: 'other' } }, template: other } });
    c.apply(webDeploy({ replicas: 1 }));
    expect(c.runUntilSettled().settled).toBe(true);
    expect(c.get(deployRef())!.status.collisionCount).toBe(1);
    const mine = c.list('ReplicaSet').filter((rs) => rs.metadata.name !== name);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.metadata.name).toMatch(new RegExp(`^web-deploy-${HASH}$`));
    expect(livePods(c)).toHaveLength(1);
  });

  it('copies the ReplicaSet FailedCreate condition as ReplicaFailure and clears it once Pods can be created', () => {
    const c = createCluster({ images: catalog, seed: 8 });
    const stop = c.internals.store.intercept((verb, obj) => (verb === 'create' && obj.kind === 'Pod' ? { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'pods is forbidden: exceeded quota', reason: 'Forbidden', code: 403 } : undefined));
    c.apply(webDeploy({ replicas: 2 }));
    c.advance(1);
    expect(c.get(deployRef())!.status.conditions).toContainEqual(expect.objectContaining({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods is forbidden: exceeded quota' }));
    stop();
    c.runUntilSettled();
    expect(livePods(c)).toHaveLength(2);
    expect(c.get(deployRef())!.status.conditions.map((x: { type: string }) => x.type)).not.toContain('ReplicaFailure');
  });

  it('does not roll out a paused Deployment but still scales it', () => {
    const c = deployed({ replicas: 2 });
    const paused = webDeploy({ replicas: 3, image: V2 });
    paused.spec.paused = true;
    c.apply(paused);
    c.runUntilSettled();
    expect(c.list('ReplicaSet')).toHaveLength(1);
    expect(livePods(c).map((p) => p.spec.containers[0].image)).toEqual([V1, V1, V1]);
    paused.spec.paused = false;
    c.apply(paused);
    c.runUntilSettled();
    expect(livePods(c).map((p) => p.spec.containers[0].image)).toEqual([V2, V2, V2]);
  });
});

describe('Deployment controller: scaling', () => {
  it('scales the only active ReplicaSet up and down with "from" events and victim order', () => {
    const c = deployed({ replicas: 3 });
    const rs = c.list('ReplicaSet')[0]!.metadata.name!;
    c.apply(webDeploy({ replicas: 5 }));
    c.runUntilSettled();
    expect(livePods(c)).toHaveLength(5);
    const cheap = livePods(c)[2]!;
    cheap.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '-1' };
    c.internals.store.update(cheap);
    c.apply(webDeploy({ replicas: 2 }));
    c.runUntilSettled();
    expect(livePods(c)).toHaveLength(2);
    expect(c.list('Pod').map((p) => p.metadata.name)).not.toContain(cheap.metadata.name);
    expect(scalingEvents(c)).toEqual([`Scaled up replica set ${rs} to 3`, `Scaled up replica set ${rs} to 5 from 3`, `Scaled down replica set ${rs} to 2 from 5`]);
    expect(c.list('ReplicaSet')[0]!.metadata.annotations!['deployment.kubernetes.io/desired-replicas']).toBe('2');
  });

  it('scales proportionally when replicas change mid-rollout', () => {
    const c = deployed({ replicas: 10 });
    const old = c.list('ReplicaSet')[0]!;
    // The new version never becomes ready, so the rollout stalls with two active ReplicaSets.
    c.apply(webDeploy({ replicas: 10, image: MISSING }));
    c.advance(3);
    const sizes = (): Record<string, number> => Object.fromEntries(c.list('ReplicaSet').map((rs) => [rs.metadata.name === old.metadata.name ? 'old' : 'new', rs.spec.replicas]));
    // 10 replicas, 25%/25% → maxSurge 3, maxUnavailable 2: old 8, new 5 (13 = 10 + 3).
    expect(sizes()).toEqual({ old: 8, new: 5 });
    c.apply(webDeploy({ replicas: 20, image: MISSING }));
    c.advance(1);
    // allowed 20 + 5 = 25, 12 to add: old 8·25/13 → 15 (+7), new 5·25/13 → 10 (+5).
    expect(sizes()).toEqual({ old: 15, new: 10 });
    const newRS = c.list('ReplicaSet').find((rs) => rs.metadata.name !== old.metadata.name)!;
    expect(newRS.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '20', 'deployment.kubernetes.io/max-replicas': '25' });
  });

  it('adopts an orphan ReplicaSet with the same template instead of creating a new one', () => {
    const c = createCluster({ images: catalog, seed: 5 });
    const tpl = webDeploy({ replicas: 2 }).spec;
    c.apply({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'hand-rs', labels: { app: 'web' } }, spec: { replicas: 2, selector: tpl.selector, template: tpl.template } });
    c.runUntilSettled();
    c.apply(webDeploy({ replicas: 2 }));
    expect(c.runUntilSettled().settled).toBe(true);
    const sets = c.list('ReplicaSet');
    expect(sets.map((rs) => rs.metadata.name)).toEqual(['hand-rs']);
    expect(sets[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web-deploy', controller: true });
    expect(livePods(c)).toHaveLength(2);
    expect(c.get(deployRef())!.status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
  });

  it('survives hostile Deployments', () => {
    const c = createCluster({ images: catalog, seed: 5 });
    const specs: unknown[] = [null, { selector: 'x', template: 5 }, { replicas: 'many', selector: { matchLabels: { app: 'web' } }, template: { metadata: null, spec: null }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'lots', maxUnavailable: [] } } }];
    specs.forEach((spec, i) => c.internals.store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `h${i}`, namespace: 'default' }, spec }));
    expect(c.runUntilSettled().settled).toBe(true);
  });
});
