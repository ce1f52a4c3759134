/** The TTL-after-finished controller (pkg/controller/ttlafterfinished): deletes finished Jobs `ttlSecondsAfterFinished` after they finished. */
import type { ApiServer } from '../../api/server.ts';
import { asInt, asMap } from '../../util.ts';
import { virtualMs } from '../pod-status.ts';
import type { Controller, ReconcileResult } from '../registry.ts';
import { conditionsOf, trueCondition } from './conditions.ts';

export const TTL_AFTER_FINISHED_CONTROLLER = 'ttlafterfinished-controller';

/** Creates the controller that deletes a finished Job (and, in the foreground, its Pods) once its TTL has passed. */
export function createTtlAfterFinishedController(api: ApiServer): Controller {
  return {
    name: TTL_AFTER_FINISHED_CONTROLLER,
    for: 'Job',
    reconcile(req, ctx): ReconcileResult | void {
      const job = ctx.store.get(req);
      if (!job || job.metadata.deletionTimestamp) return;
      const ttl = asInt(asMap(job.spec)?.ttlSecondsAfterFinished);
      if (ttl === undefined || ttl < 0) return;
      const conditions = conditionsOf(job.status);
      const finished = trueCondition(conditions, 'Complete') ?? trueCondition(conditions, 'Failed');
      if (!finished) return;
      const finishedAt = virtualMs(ctx, finished.lastTransitionTime) ?? ctx.now();
      const expireAt = finishedAt + ttl * 1000;
      if (ctx.now() < expireAt) return { requeueAfter: (expireAt - ctx.now()) / 1000 };
      api.delete(req, { propagationPolicy: 'Foreground' });
    },
  };
}
