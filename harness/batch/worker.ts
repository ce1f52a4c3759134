/** Worker entry: grades the learners the pool sends, one message at a time. */
import { parentPort } from 'node:worker_threads';
import { gradeLearner } from './grade-learner.ts';
import type { LearnerTask } from './types.ts';

parentPort?.on('message', (msg: { id: number; task: LearnerTask }) => {
  try {
    parentPort!.postMessage({ id: msg.id, ok: true, outcome: gradeLearner(msg.task) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
