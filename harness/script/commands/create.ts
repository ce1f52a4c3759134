import { generateObjects } from '../../kubectl/generators/index.ts';
import type { KubeObject } from '../../core/kube.ts';
import type { KubectlInvocation } from '../kubectl-args.ts';
import { sendFileObjects } from './from-files.ts';
import { flagOn } from './objects.ts';
import { sendGenerated } from './send-generated.ts';
import { displayName } from './resources.ts';
import { failed, unsupported } from './output.ts';
import type { CommandHandler, CommandOutput, ScriptContext } from './types.ts';

/** `kubectl create -f FILE|DIR`: create each object (AlreadyExists when present). */
export const createFromFiles: CommandHandler = (command, ctx) => {
  if (command.args.length > 0) {
    return failed(`error: Unexpected args: [${command.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
  }
  if (flagOn(command, 'edit')) return unsupported('it opens an editor');
  return sendFileObjects(command, ctx, (obj) => ctx.cluster.create(obj), () => 'creating', displayName);
};

/** `kubectl create deployment|service …|configmap NAME …`: build the object as kubectl does, then create it. */
export const createGenerated: CommandHandler = (command, ctx) => {
  const generated = generateObjects(command);
  if (!generated) return unsupported('it is not simulated');
  return sendGenerated(command, ctx, generated, 'created');
};

/** `kubectl create namespace NAME`. */
export const createNamespace: CommandHandler = (command, ctx): CommandOutput => {
  if (command.args.length !== 1) {
    return failed(`error: exactly one NAME is required, got ${command.args.length}\nSee 'kubectl create namespace -h' for help and examples`);
  }
  const ns: KubeObject = { kind: 'Namespace', apiVersion: 'v1', metadata: { name: command.args[0]! }, spec: {}, status: {} };
  return sendGenerated(command as KubectlInvocation, ctx as ScriptContext, { ok: true, objects: [ns] }, 'created');
};
