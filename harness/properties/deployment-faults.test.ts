import { describe, expect, it } from 'vitest';
import { runProperty } from './runner.ts';
import { answers, deployment, property, webSetup } from './testing.ts';

const options = (setup: ReturnType<typeof webSetup>) => ({ seed: 42, setup, settleSeconds: 300, replay: (p: string) => p });
// A tag the registry does not have: its Pods never become Ready (ImagePullBackOff).
const BROKEN = 'nigelpoulton/getting-started-k8s:9.9';

describe('Deployment faults', () => {
  it('scaling to zero breaks "keeps answering"; the counterexample shrinks to that one scale (seed 42 pinned)', () => {
    const out = runProperty(property(answers, [{ name: 'scale', params: { deployment: 'web', min: 0, max: 3 } }]), options(webSetup([deployment(2)])));
    expect(out.status).toBe('failed');
    expect(out.counterexample!.steps[1]).toBe('2. 4s     kubectl scale deployment web --replicas=0');
    expect(out.counterexample!.steps.filter((s) => s.includes('kubectl scale'))).toHaveLength(1);
  });

  it('a rolling update to a missing image keeps the old Pods serving', () => {
    const spec = property(answers, [{ name: 'rollout', params: { deployment: 'web', image: [BROKEN] } }, { name: 'wait', params: {} }], { scenarios: 10 });
    expect(runProperty(spec, options(webSetup([deployment(4)]))).status).toBe('passed');
  });

  it('a Recreate rollout to a missing image takes the Service down', () => {
    const recreate = deployment(4);
    recreate.spec.strategy = { type: 'Recreate' };
    const spec = property(answers, [{ name: 'rollout', params: { deployment: 'web', image: BROKEN } }], { scenarios: 5 });
    const out = runProperty(spec, options(webSetup([recreate])));
    expect(out.status).toBe('failed');
    expect(out.counterexample!.steps[1]).toBe(`2. 4s     kubectl set image deployment/web web-ctr=${BROKEN}`);
  });
});
