import type * as fc from 'fast-check';
import type { KubeObject } from '../core/kube.ts';
import type { Counterexample, Visibility } from '../core/result.ts';
import type { CheckContext } from '../checks/types.ts';
import type { Cluster } from '../engine/types.ts';

/** One fault an exercise allows, as written in exercise.yaml (`deletePod` or `scale: {…}`), normalised. */
export interface FaultEntry {
  name: string;
  params: Record<string, unknown>;
}

/** One property of an exercise: an invariant that must hold while faults hit the cluster. */
export interface PropertySpec {
  id: string;
  title: string;
  points: number;
  hint?: string;
  visibility: Visibility;
  /** Any check kind of the vocabulary, used as the invariant. */
  invariant: { kind: string; params: unknown };
  faults: FaultEntry[];
  /** Scenarios sampled (default 50). */
  scenarios: number;
  /** Most faults per scenario (default 4). */
  steps: number;
  /** Enumerate every single fault instead of sampling. */
  exhaustive: boolean;
  /** Points × the fraction of scenarios survived, instead of all or nothing. */
  partialCredit: boolean;
  /**
   * Virtual seconds from each fault's instant during which the invariant may be broken (default 0:
   * never, not even at that instant); it is looked at again when the window closes.
   * Real clusters need time to notice some faults (a node is NotReady only after 50 s).
   */
  recoverSeconds: number;
}

/** A freshly set-up cluster for one scenario, as grading builds it (given files, then the learner's). */
export interface ScenarioStart {
  cluster: Cluster;
  /** Everything a check needs besides the cluster (sources, diagnostics, images). */
  context: Omit<CheckContext, 'cluster' | 'settle'>;
  /** Files applied, in order (for the story's first line). */
  applied: string[];
  /** Virtual milliseconds when the learner's files were applied (default: now). */
  appliedAt?: number;
}

/** Builds the start of a scenario; `order` > 0 applies the learner's resources in another (deterministic) order. */
export type ScenarioSetup = (options: { order: number }) => ScenarioStart;

/** What a fault sees and uses while it runs: the cluster, the story, and virtual time that checks the invariant. */
export interface World {
  readonly cluster: Cluster;
  /** Records a numbered story step at the current virtual time. */
  say(text: string): void;
  /** Lets `seconds` of virtual time pass, checking the invariant at every instant the cluster changes. */
  observe(seconds: number): void;
  /** The Pods faults may hit (not kube-system, not terminating), sorted by namespace and name: stored objects, read only. */
  pods(): readonly KubeObject[];
  /** Node names, sorted. */
  nodes(): string[];
  /** Names of nodes a fault has stopped and not yet started. */
  readonly downNodes: Set<string>;
}

/** One concrete fault of a scenario (a fast-check Command without the model plumbing). */
export interface FaultAction {
  /** Whether the fault can run now (e.g. there is a Pod to delete); false skips it. */
  applicable(world: World): boolean;
  run(world: World): void;
  /**
   * Short words for fast-check's output and replay logs. They are also the fault's identity: two actions
   * of one property with the same words must do the same thing (a scenario drawn again is not run again).
   */
  toString(): string;
}

/** A fault kind: one file, one registry entry. */
export interface FaultDefinition<P = Record<string, unknown>> {
  name: string;
  /** One sentence for authors (shown when an unknown fault is named). */
  description: string;
  /** JSON Schema of the parameters (`{}` when it takes none). */
  schema: object;
  /** Acts on the scenario's setup (e.g. apply order) rather than as a step. */
  setupOnly?: boolean;
  /** Generates concrete faults; choices are indexes resolved against the cluster when the fault runs. */
  arbitrary(params: P): fc.Arbitrary<FaultAction>;
  /** Every distinct single fault on this cluster (for exhaustive properties). */
  enumerate(params: P, world: World): FaultAction[];
}

export type { Counterexample };

/** How a property fared. */
export interface PropertyOutcome {
  status: 'passed' | 'failed' | 'errored';
  /** Fraction of scenarios survived (1 when every scenario held). */
  fraction: number;
  scenarios: number;
  survived: number;
  message?: string;
  counterexample?: Counterexample;
}
