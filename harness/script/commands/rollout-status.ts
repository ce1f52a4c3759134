/**
 * `kubectl rollout status deployment/NAME`: like the real command it blocks, so virtual time passes while
 * it watches the Deployment, printing one line per observed change (consecutive repeats once) until the
 * rollout finished, the progress deadline passed, `--timeout` ran out or the object was deleted.
 */
import type { KubeObject } from '../../core/kube.ts';
import { rolloutStatus as statusLine } from '../../engine/controllers/deployment/rollout.ts';
import { revisionOf } from '../../engine/controllers/deployment/replica-sets.ts';
import { lastFlag } from '../kubectl-args.ts';
import { parseGoDuration } from './go-duration.ts';
import { flagOn } from './objects.ts';
import { createOutput, failed, type OutputBuilder } from './output.ts';
import { groupKind, rolloutTargets, visitTargets } from './rollout-targets.ts';
import type { CommandHandler, ScriptContext } from './types.ts';

/** How long a status without `--timeout` waits at most: real kubectl would wait forever, a grader cannot. */
export const STATUS_MAX_WAIT_SECONDS = 3600;
/** Virtual seconds between two looks at the watch log. */
const STEP_SECONDS = 1;
const TIMED_OUT = 'timed out waiting for the condition';

interface WatchOptions {
  revision: number;
  watch: boolean;
  timeoutSeconds: number;
}

type Verdict = { line: string; done: boolean; error: boolean };

function verdict(d: KubeObject, revision: number): Verdict {
  if (revision > 0 && revisionOf(d) !== revision) {
    return { line: `error: desired revision (${revision}) is different from the running revision (${revisionOf(d)})`, done: true, error: true };
  }
  const s = statusLine(d);
  return { line: s.message, done: s.done, error: s.error };
}

/** Watches one Deployment as kubectl's UntilWithSync does, writing status lines to `o`; returns the error that ended it, if any. */
function watchDeployment(ctx: ScriptContext, start: KubeObject, options: WatchOptions, o: OutputBuilder): string | undefined {
  const ns = start.metadata.namespace ?? 'default';
  const name = start.metadata.name ?? '';
  let last: string | undefined;
  let error: string | undefined;
  const show = (v: Verdict): boolean => {
    if (v.error) error = v.line.replace(/^error: /, '');
    else if (v.line !== last) o.out(v.line);
    last = v.line;
    return v.done || !options.watch;
  };
  if (show(verdict(start, options.revision))) return error;
  const cluster = ctx.cluster;
  const limit = cluster.now + (options.timeoutSeconds > 0 ? options.timeoutSeconds : STATUS_MAX_WAIT_SECONDS) * 1000;
  let seen = cluster.watchLog().length;
  while (cluster.now < limit) {
    cluster.advance(Math.min(STEP_SECONDS, (limit - cluster.now) / 1000));
    const log = cluster.watchLog();
    for (; seen < log.length; seen++) {
      const entry = log[seen]!;
      const obj = entry.object;
      if (obj.kind !== 'Deployment' || obj.metadata.name !== name || (obj.metadata.namespace ?? 'default') !== ns) continue;
      if (entry.type === 'DELETED') return 'object has been deleted';
      if (show(verdict(obj, options.revision))) return error;
    }
  }
  return TIMED_OUT;
}

/** `kubectl rollout status (deployment/NAME | deployment NAME | -f FILE) [--watch=false] [--timeout=D] [--revision=N]`. */
export const rolloutStatus: CommandHandler = (command, ctx) => {
  const revision = Number(lastFlag(command.flags, 'revision') ?? '0');
  const timeoutText = lastFlag(command.flags, 'timeout') ?? '0s';
  const timeout = parseGoDuration(timeoutText);
  if ('error' in timeout) {
    return failed(`error: invalid argument "${timeoutText}" for "--timeout" flag: ${timeout.error}\nSee 'kubectl rollout status --help' for usage.`);
  }
  const watch = lastFlag(command.flags, 'watch') === undefined || flagOn(command, 'watch');
  if (revision < 0 && command.args.length > 0) return failed(`error: revision must be a positive integer: ${revision}`);
  const found = rolloutTargets(command, ctx);
  if ('output' in found) return found.output;
  const o = createOutput();
  visitTargets(found, o, ({ object }) => {
    if (object.kind !== 'Deployment') return `no status viewer has been implemented for ${groupKind(object.kind)}`;
    return watchDeployment(ctx, object, { revision, watch, timeoutSeconds: Math.max(0, timeout.seconds) }, o);
  });
  if (found.targets.length === 0) o.note(`No resources found in ${found.namespace} namespace.`);
  return o.done();
};
