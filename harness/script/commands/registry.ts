/** The commands kubegrade runs, keyed by kubectl command path; adding a verb is one file and one entry here. */
import { apply } from './apply.ts';
import { createFromFiles, createGenerated, createNamespace } from './create.ts';
import { deleteCommand } from './delete.ts';
import { describe } from './describe.ts';
import { expose } from './expose.ts';
import { get } from './get.ts';
import { annotate, label } from './label.ts';
import { rolloutHistory } from './rollout-history.ts';
import { rolloutPause, rolloutResume } from './rollout-pause.ts';
import { rolloutRestart } from './rollout-restart.ts';
import { rolloutStatus } from './rollout-status.ts';
import { rolloutUndo } from './rollout-undo.ts';
import { run } from './run.ts';
import { scale } from './scale.ts';
import { setImage } from './set-image.ts';
import type { CommandHandler } from './types.ts';

export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  apply,
  create: createFromFiles,
  'create deployment': createGenerated,
  'create service clusterip': createGenerated,
  'create service nodeport': createGenerated,
  'create service loadbalancer': createGenerated,
  'create configmap': createGenerated,
  'create namespace': createNamespace,
  delete: deleteCommand,
  expose,
  run,
  label,
  annotate,
  scale,
  'set image': setImage,
  get,
  describe,
  'rollout status': rolloutStatus,
  'rollout history': rolloutHistory,
  'rollout undo': rolloutUndo,
  'rollout restart': rolloutRestart,
  'rollout pause': rolloutPause,
  'rollout resume': rolloutResume,
};

/** Returns the handler of a command path, or undefined for a real kubectl command kubegrade does not run. */
export function findCommand(verb: string): CommandHandler | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, verb) ? COMMANDS[verb] : undefined;
}

/** Lists the command paths kubegrade runs, sorted. */
export function commandNames(): string[] {
  return Object.keys(COMMANDS).sort();
}
