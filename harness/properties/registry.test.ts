import { describe, expect, it } from 'vitest';
import { faultKinds, getFault } from './faults/registry.ts';

describe('fault registry', () => {
  it('names every fault of the exercise spec', () => {
    expect([...faultKinds.keys()].sort()).toEqual(['crashContainer', 'deletePod', 'nodeDown', 'reorder', 'rollout', 'scale', 'wait']);
  });

  it('lists the valid faults for an unknown one', () => {
    expect(() => getFault('meteor')).toThrow('unknown fault "meteor"; valid faults: crashContainer, deletePod, nodeDown, reorder, rollout, scale, wait');
  });
});
