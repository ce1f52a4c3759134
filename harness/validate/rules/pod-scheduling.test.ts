import { describe, expect, it } from 'vitest';
import { renderFieldError } from '../field-error.ts';
import { podSchedulingRule } from './pod-scheduling.ts';

const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const deploy = (podSpec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: podSpec } } });
const ctr = (resources: Record<string, unknown>) => ({ containers: [{ name: 'c', image: 'nginx', resources }] });

describe('pod-scheduling rule', () => {
  it.each([
    ['request above limit', pod(ctr({ requests: { cpu: '2' }, limits: { cpu: '1' } })), ['spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1']],
    ['memory in a template', deploy(ctr({ requests: { memory: '1Gi' }, limits: { memory: '512Mi' } })), ['spec.template.spec.containers[0].resources.requests[memory]: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi']],
    ['request equal to limit', pod(ctr({ requests: { cpu: '500m' }, limits: { cpu: '0.5' } })), []],
    ['limit only', pod(ctr({ limits: { cpu: '1' } })), []],
    ['hostile shapes', pod({ containers: 'x' }), []],
  ])('%s', (_name, obj, expected) => {
    expect(podSchedulingRule.check(obj, { warnings: [] }).map(renderFieldError)).toEqual(expected);
  });
});
