import { describe, expect, it } from 'vitest';
import { deploymentStrategyRule } from './deployment-strategy.ts';
import { causes } from './test-helpers.ts';

const d = (spec: Record<string, unknown>): Record<string, unknown> => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });
const PERCENT = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const ru = (r: Record<string, unknown>): Record<string, unknown> => d({ strategy: { type: 'RollingUpdate', rollingUpdate: r } });

describe('deployment-strategy rule', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['defaults are valid', ru({ maxSurge: '25%', maxUnavailable: '25%' }), []],
    ['ints are valid', ru({ maxSurge: 1, maxUnavailable: 0 }), []],
    ['bad percent', ru({ maxSurge: '25', maxUnavailable: 1 }), [`spec.strategy.rollingUpdate.maxSurge: Invalid value: "25": ${PERCENT}`]],
    ['negative maxUnavailable', ru({ maxSurge: 1, maxUnavailable: -1 }), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0']],
    ['maxUnavailable over 100%', ru({ maxSurge: 1, maxUnavailable: '150%' }), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%']],
    ['maxSurge over 100% is fine', ru({ maxSurge: '200%', maxUnavailable: 0 }), []],
    ['both zero', ru({ maxSurge: 0, maxUnavailable: '0%' }), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0']],
    ['Recreate with rollingUpdate', d({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }), ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]],
    ['bad type', d({ strategy: { type: 'Rolling' } }), ['spec.strategy.type: Unsupported value: "Rolling": supported values: "Recreate", "RollingUpdate"']],
    ['progressDeadline <= minReady', d({ progressDeadlineSeconds: 10, minReadySeconds: 10 }), ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds']],
    ['progressDeadline > minReady', d({ progressDeadlineSeconds: 600, minReadySeconds: 10 }), []],
  ])('%s', (_t, obj, expected) => {
    expect(causes(deploymentStrategyRule, obj)).toEqual(expected);
  });
});
