import { describe, expect, it } from 'vitest';
import type { Cluster } from '../engine/types.ts';
import { answers, deployment, probedDeployment, webPod, webSetup } from './testing.ts';
import type { ScenarioStart } from './types.ts';
import { createWorld, InvariantBroken } from './world.ts';

/** A fresh scenario start whose requests are counted (each look at a request invariant sends one). */
function counted(start: ScenarioStart): { start: ScenarioStart; requests: () => number } {
  let n = 0;
  const request = start.cluster.request.bind(start.cluster);
  Object.assign(start.cluster, {
    request: (...args: Parameters<Cluster['request']>) => {
      n++;
      return request(...args);
    },
  });
  return { start, requests: () => n };
}

const rollout = (world: ReturnType<typeof createWorld>, image: string) => {
  const d = world.cluster.get({ kind: 'Deployment', namespace: 'default', name: 'web' })!;
  d.spec.template.spec.containers[0].image = image;
  world.say(`kubectl set image deployment/web web-ctr=${image}`);
  world.cluster.update(d);
  world.observe(10);
};

describe('createWorld', () => {
  it('does not look at the invariant again while nothing in the cluster changes', () => {
    const { start, requests } = counted(webSetup([webPod('hello-pod')])({ order: 0 }));
    const world = createWorld(start, answers);
    world.checkNow();
    world.observe(60);
    const looks = requests();
    // One look before the fault-free minute and one as it starts running (the settle status a check sees changed).
    expect(looks).toBeLessThanOrEqual(2);
    world.observe(600);
    world.settle(300);
    expect(requests()).toBe(looks + 1);
    expect(world.cluster.now).toBe(664_000);
  });

  it('looks again at every instant something changed, and only then', () => {
    const { start, requests } = counted(webSetup([probedDeployment(1)])({ order: 0 }));
    const world = createWorld(start, answers);
    world.checkNow();
    rollout(world, 'nigelpoulton/getting-started-k8s:2.0');
    const duringRollout = requests();
    // More looks than the 3 of a 5 s grid over 10 s (the rollout changes the cluster many times)...
    expect(duringRollout).toBeGreaterThan(3);
    world.settle(300);
    world.observe(120);
    // ...and none once it has settled.
    expect(requests() - duringRollout).toBeLessThanOrEqual(2);
  });

  it('settles at once on a cluster with nothing queued, without moving the clock', () => {
    const world = createWorld(webSetup([webPod('hello-pod')])({ order: 0 }), answers);
    const before = world.cluster.now;
    world.settle(300);
    expect(world.cluster.now).toBe(before);
  });

  it('breaks at the exact instant of a short outage', () => {
    const world = createWorld(webSetup([deployment(1)])({ order: 0 }), answers);
    world.checkNow();
    let broken: unknown;
    try {
      rollout(world, 'nigelpoulton/getting-started-k8s:2.0');
    } catch (e) {
      broken = e;
    }
    expect(broken).toBeInstanceOf(InvariantBroken);
    expect((broken as InvariantBroken).time).toBe(7_000);
    expect((broken as InvariantBroken).faults).toBe(1);
  });

  it('falls back to looking every 5 s on an engine that cannot say when its next work is due (and then misses that outage)', () => {
    const start = webSetup([deployment(1)])({ order: 0 });
    Object.assign(start.cluster, { nextEventAt: undefined });
    const world = createWorld(start, answers);
    world.checkNow();
    expect(() => {
      rollout(world, 'nigelpoulton/getting-started-k8s:2.0');
      world.settle(300);
    }).not.toThrow();
    expect(world.cluster.now).toBe(314_000);
  });

  it('forgives a broken invariant during recoverSeconds after a fault, and breaks when the window closes', () => {
    const world = createWorld(webSetup([webPod('hello-pod')])({ order: 0 }), answers, 30);
    world.checkNow();
    world.say('kubectl delete pod hello-pod');
    world.cluster.delete({ kind: 'Pod', namespace: 'default', name: 'hello-pod' });
    let broken: unknown;
    try {
      world.observe(60);
    } catch (e) {
      broken = e;
    }
    expect(broken).toBeInstanceOf(InvariantBroken);
    // Deleted at 4s: forgiven until 34s, broken at that very instant (nothing changed then).
    expect((broken as InvariantBroken).time).toBe(34_000);
  });
});

describe('createWorld with odd durations', () => {
  it.each([Number.NaN, -5, Number.POSITIVE_INFINITY])('treats %s seconds as none', (seconds) => {
    const world = createWorld(webSetup([webPod('hello-pod')])({ order: 0 }), answers);
    const before = world.cluster.now;
    world.observe(seconds);
    world.settle(seconds);
    expect(world.cluster.now).toBe(before);
  });
});
