/** Sends generator output (create …, run, expose) to the cluster, honouring `--dry-run` and `-o`. */
import type { GeneratorResult } from '../../kubectl/generators/index.ts';
import { lastFlag, type KubectlInvocation } from '../kubectl-args.ts';
import { asList, stripForSend, toKubectlJson, toKubectlYaml } from './objects.ts';
import { createOutput, failed, unsupported } from './output.ts';
import { displayName } from './resources.ts';
import type { CommandOutput, ScriptContext } from './types.ts';

const DRY_RUN_SUFFIX: Record<string, string> = { client: ' (dry run)', unchanged: ' (dry run)', server: ' (server dry run)' };

/** Creates each generated object and prints `kind/name <word>` (`created`, `exposed`), or kubectl's error. */
export function sendGenerated(command: KubectlInvocation, ctx: ScriptContext, generated: GeneratorResult, word: string): CommandOutput {
  if (!generated.ok) return failed(generated.error);
  const dryRun = lastFlag(command.flags, 'dry-run') ?? 'none';
  if (dryRun !== 'none' && DRY_RUN_SUFFIX[dryRun] === undefined) {
    return failed(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  }
  const output = lastFlag(command.flags, 'output') ?? '';
  const o = createOutput();
  for (const w of command.warnings) o.note(w);
  const sent = [];
  for (const obj of generated.objects) {
    if (dryRun === 'client' || dryRun === 'unchanged') {
      sent.push(obj);
      continue;
    }
    const res = dryRun === 'server' ? { ok: true, object: stripForSend(obj), warnings: [] } : ctx.cluster.create(stripForSend(obj));
    o.warn(res.warnings);
    if (!res.ok || !res.object) {
      if ('error' in res && res.error) o.status(res.error);
      return o.done();
    }
    sent.push(res.object);
  }
  if (output === '') {
    for (const obj of sent) o.out(`${displayName(obj)} ${word}${DRY_RUN_SUFFIX[dryRun] ?? ''}`);
  } else if (output === 'name') {
    for (const obj of sent) o.out(displayName(obj));
  } else if (output === 'json' || output === 'yaml') {
    const value = sent.length === 1 ? sent[0] : asList(sent);
    // Generated objects are typed in kubectl: printed in Go struct order, which the generators keep.
    const text = output === 'json' ? toKubectlJson(value, false) : toKubectlYaml(value, false);
    o.out(text.endsWith('\n') ? text.slice(0, -1) : text);
  } else {
    return unsupported(`-o ${output} output is not simulated`);
  }
  return o.done();
}
