import type { InvariantBroken } from './world.ts';

/** Formats virtual milliseconds as seconds, exact to the millisecond the engine runs on (`70s`, `73.5s`). */
export function formatSeconds(ms: number): string {
  const whole = Math.round(ms);
  return `${whole % 1000 === 0 ? whole / 1000 : (whole / 1000).toFixed(3).replace(/0+$/, '')}s`;
}

/** Builds the lines a learner reads: numbered steps, the moment the invariant broke, and the replay command. */
export function renderStory(broken: InvariantBroken, replay: string): string[] {
  return [...broken.story, `✖ ${formatSeconds(broken.time).padEnd(6)} ${broken.reason}`, `replay: ${replay}`];
}
