import * as fc from 'fast-check';
import { getFault } from './faults/registry.ts';
import { renderStory } from './story.ts';
import type { FaultAction, PropertyOutcome, PropertySpec, ScenarioSetup } from './types.ts';
import { createWorld, InvariantBroken, type ScenarioWorld } from './world.ts';

export interface RunPropertyOptions {
  /** fast-check's seed (the exercise's seed, printed in the report). */
  seed: number;
  /** Builds a fresh cluster for each scenario, exactly as grading does. */
  setup: ScenarioSetup;
  /** Virtual seconds the cluster may run after the last fault (checked every tick). */
  settleSeconds: number;
  /** Replays exactly one scenario: a path printed in a counterexample. */
  path?: string;
  /** The command that replays a scenario, for the story's last line. */
  replay: (path: string) => string;
}

interface Model {
  world: ScenarioWorld;
}

type FaultCommand = fc.Command<Model, ScenarioWorld> & { action: FaultAction };

/** Most distinct apply orders a `reorder` fault chooses from. */
const ORDERS = 24;

/** Runs a property's fault scenarios (sampled with fast-check, or enumerated) and reports how it held. */
export function runProperty(spec: PropertySpec, options: RunPropertyOptions): PropertyOutcome {
  if (options.path !== undefined && options.path.startsWith('x')) return runExhaustive(spec, options, Number(options.path.slice(1)));
  if (spec.exhaustive && options.path === undefined) return runExhaustive(spec, options);
  return runSampled(spec, options);
}

function runScenario(spec: PropertySpec, options: RunPropertyOptions, order: number, play: (world: ScenarioWorld) => void, fresh?: ScenarioWorld): void {
  const world = fresh ?? createWorld(options.setup({ order }), spec.invariant, spec.recoverSeconds);
  world.checkNow();
  play(world);
  world.settle(options.settleSeconds);
}

function toCommand(action: FaultAction): FaultCommand {
  return {
    action,
    check: (m) => action.applicable(m.world),
    run: (m) => action.run(m.world),
    toString: () => action.toString(),
  };
}

/**
 * Verdicts of the scenarios run so far, by scenario (apply order and fault words): undefined when it held.
 * A scenario is a pure function of its setup and its faults, so fast-check sampling the same one again
 * (it often does: few faults, few choices) need not run it again.
 */
type Verdicts = Map<string, InvariantBroken | undefined>;

function scenarioKey(order: number, commands: Iterable<{ toString(): string }>): string {
  return `${order}|${[...commands].map((c) => c.toString()).join(';')}`;
}

function buildProperty(spec: PropertySpec, options: RunPropertyOptions, replayPath: string | undefined, verdicts: Verdicts, onResult?: (broken: InvariantBroken | undefined) => void) {
  const steps = spec.faults.filter((f) => !getFault(f.name).setupOnly);
  const reorder = spec.faults.some((f) => getFault(f.name).setupOnly);
  const arbs = steps.map((f) => getFault(f.name).arbitrary(f.params).map(toCommand));
  const commands = arbs.length > 0 ? fc.commands(arbs, { maxCommands: spec.steps, ...(replayPath ? { replayPath } : {}) }) : fc.constant([] as FaultCommand[]);
  const order = reorder ? fc.nat({ max: ORDERS - 1 }) : fc.constant(0);
  return fc.property(order, commands, (o, cmds) => {
    const key = scenarioKey(o, cmds);
    const play = (world: ScenarioWorld) => fc.modelRun(() => ({ model: { world }, real: world }), cmds);
    const run = (): InvariantBroken | undefined => {
      try {
        runScenario(spec, options, o, play);
        verdicts.set(key, undefined);
        return undefined;
      } catch (e) {
        if (!(e instanceof InvariantBroken)) throw e;
        verdicts.set(key, e);
        return e;
      }
    };
    if (onResult) return onResult(verdicts.has(key) ? verdicts.get(key) : run());
    // A scenario that broke runs again, so fast-check sees its faults run (it shrinks and prints those).
    if (verdicts.has(key) && verdicts.get(key) === undefined) return;
    const broken = run();
    if (broken) throw broken;
  });
}

function runSampled(spec: PropertySpec, options: RunPropertyOptions): PropertyOutcome {
  const parsed = options.path === undefined ? undefined : parsePath(options.path);
  let survived = 0;
  let scenarios = spec.scenarios;
  const verdicts: Verdicts = new Map();
  if (spec.partialCredit && !parsed) {
    // Counting pass: every scenario runs (a failure does not stop the others); shrinking comes after.
    const counted = fc.check(buildProperty(spec, options, undefined, verdicts, (b) => void (b ? 0 : survived++)), { seed: options.seed, numRuns: spec.scenarios });
    if (counted.failed) return errored(counted.errorInstance, spec.scenarios);
    scenarios = counted.numRuns;
    if (survived === scenarios) return { status: 'passed', fraction: 1, scenarios, survived };
  }
  const details = fc.check(buildProperty(spec, options, parsed?.replayPath, verdicts), {
    seed: options.seed,
    numRuns: parsed ? 1 : spec.scenarios,
    ...(parsed ? { path: parsed.fcPath, endOnFailure: true } : {}),
  });
  if (!details.failed) {
    if (parsed) return { status: 'passed', fraction: 1, scenarios: 1, survived: 1 };
    return { status: 'passed', fraction: 1, scenarios: details.numRuns, survived: details.numRuns };
  }
  const broken = details.errorInstance;
  if (!(broken instanceof InvariantBroken)) return errored(broken, scenarios);
  const replay = String(details.counterexample?.[1] ?? '').match(/replayPath="([^"]*)"/)?.[1];
  const fcPath = details.counterexamplePath ?? '';
  const path = parsed ? options.path! : replay ? `${fcPath}~${replay}` : fcPath;
  if (parsed) {
    scenarios = 1;
    survived = 0;
  } else if (!spec.partialCredit) {
    scenarios = details.numRuns;
    survived = details.numRuns - 1;
  }
  return failed(broken, path, options, scenarios, survived, spec.partialCredit);
}

function runExhaustive(spec: PropertySpec, options: RunPropertyOptions, only?: number): PropertyOutcome {
  // The fault space is read from a freshly set-up cluster: every Pod, every node, every replica count.
  const probe = createWorld(options.setup({ order: 0 }), spec.invariant, spec.recoverSeconds);
  const actions: FaultAction[] = spec.faults.flatMap((f) => getFault(f.name).enumerate(f.params, probe));
  const indexes = only === undefined ? actions.map((_, i) => i) : Number.isInteger(only) && only >= 0 && only < actions.length ? [only] : [];
  if (indexes.length === 0) return { status: 'errored', fraction: 0, scenarios: 0, survived: 0, message: only === undefined ? 'no fault applies to this cluster' : `no scenario x${only}: this property has ${actions.length}` };
  let survived = 0;
  let first: { broken: InvariantBroken; index: number } | undefined;
  for (const [n, i] of indexes.entries()) {
    const action = actions[i]!;
    try {
      // Reading the fault space changed nothing, so the probe is the first scenario's fresh cluster.
      const play = (world: ScenarioWorld) => {
        if (action.applicable(world)) action.run(world);
      };
      runScenario(spec, options, 0, play, n === 0 ? probe : undefined);
      survived++;
    } catch (e) {
      if (!(e instanceof InvariantBroken)) return errored(e, indexes.length);
      first ??= { broken: e, index: i };
    }
  }
  if (!first) return { status: 'passed', fraction: 1, scenarios: indexes.length, survived };
  return failed(first.broken, `x${first.index}`, options, indexes.length, survived, spec.partialCredit);
}

function failed(broken: InvariantBroken, path: string, options: RunPropertyOptions, scenarios: number, survived: number, partial: boolean): PropertyOutcome {
  return {
    status: 'failed',
    fraction: partial && scenarios > 0 ? survived / scenarios : 0,
    scenarios,
    survived,
    message: `${broken.faults === 0 ? 'it did not hold even before any fault' : 'a fault scenario broke it'}: ${broken.reason}${partial ? ` (${survived} of ${scenarios} scenarios held)` : ''}`,
    counterexample: { seed: options.seed, path, steps: renderStory(broken, options.replay(path)) },
  };
}

function errored(e: unknown, scenarios: number): PropertyOutcome {
  return { status: 'errored', fraction: 0, scenarios, survived: 0, message: `kubegrade failed while running fault scenarios (a bug in kubegrade): ${e instanceof Error ? e.message : String(e)}` };
}

/** Splits a printed path into fast-check's path and the commands' replay hint. */
function parsePath(path: string): { fcPath: string; replayPath?: string } {
  const [fcPath, replayPath] = path.split('~');
  return { fcPath: fcPath ?? '', ...(replayPath ? { replayPath } : {}) };
}
