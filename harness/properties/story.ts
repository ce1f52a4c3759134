import type { InvariantBroken } from './world.ts';

/** Formats virtual milliseconds as whole seconds (`70s`). */
export function formatSeconds(ms: number): string {
  return `${Math.round(ms / 1000)}s`;
}

/** Builds the lines a learner reads: numbered steps, the moment the invariant broke, and the replay command. */
export function renderStory(broken: InvariantBroken, replay: string): string[] {
  return [...broken.story, `✖ ${formatSeconds(broken.time).padEnd(6)} ${broken.reason}`, `replay: ${replay}`];
}
