import { exposeObject, exposeTarget } from '../../kubectl/generators/index.ts';
import { notFoundText } from './lookup.ts';
import { namespaceOf } from './objects.ts';
import { failed } from './output.ts';
import { sendGenerated } from './send-generated.ts';
import type { CommandHandler } from './types.ts';

/** `kubectl expose (pod|deployment|replicaset|service) NAME …`: read the source, build the Service, create it. */
export const expose: CommandHandler = (command, ctx) => {
  if ((command.flags.get('filename') ?? []).length > 0) return failed('error: expose -f is not supported here; name the resource: kubectl expose pod NAME …');
  const target = exposeTarget(command.args);
  if ('error' in target) return failed(target.error);
  const namespace = namespaceOf(command);
  const source = ctx.cluster.get({ kind: target.kind, namespace, name: target.name });
  if (!source) return failed(notFoundText(target.kind, target.name));
  return sendGenerated(command, ctx, exposeObject(command, source), 'exposed');
};

