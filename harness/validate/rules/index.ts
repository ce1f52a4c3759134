import { configMapRule } from './configmap.ts';
import { deploymentStrategyRule } from './deployment-strategy.ts';
import { endpointsDeprecationRule } from './endpoints-deprecation.ts';
import { endpointSliceRule } from './endpointslice.ts';
import { jobRule } from './job.ts';
import { metaLabelsRule } from './meta-labels.ts';
import { metaNameRule } from './meta-name.ts';
import { podSpecRule } from './pod-spec.ts';
import { podPlacementRule } from './pod-placement.ts';
import { podSchedulingRule } from './pod-scheduling.ts';
import { podUpdateRule } from './pod-update.ts';
import { serviceRule } from './service.ts';
import type { Rule } from './util.ts';
import { workloadRule } from './workload.ts';

export type { Rule, RuleContext } from './util.ts';

/** Every API-server rule, in the order their causes are reported. */
export const RULES: readonly Rule[] = [metaNameRule, metaLabelsRule, podSpecRule, podSchedulingRule, podPlacementRule, workloadRule, deploymentStrategyRule, jobRule, serviceRule, configMapRule, endpointSliceRule, endpointsDeprecationRule];

/** Rules that run only on update (ctx.old given). */
export const UPDATE_RULES: readonly Rule[] = [podUpdateRule];

const BY_KIND = new Map<string, Rule[]>();
for (const r of RULES) for (const k of r.kinds) BY_KIND.set(k, [...(BY_KIND.get(k) ?? []), r]);

/** Returns the create-time rules that apply to a kind. */
export function rulesFor(kind: string): readonly Rule[] {
  return BY_KIND.get(kind) ?? [];
}
