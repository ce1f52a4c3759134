import type { ObjectRef } from '../../core/kube.ts';
import type { Controller, ControllerContext } from './registry.ts';

/** Reconciles the same object twice in a row and reports how many store writes and events each pass made. */
export function reconcileTwice(controller: Controller, req: ObjectRef, ctx: ControllerContext): { firstWrites: number; secondWrites: number; secondEvents: number } {
  const r0 = ctx.store.revision();
  controller.reconcile(req, ctx);
  const r1 = ctx.store.revision();
  const e1 = ctx.events.revision();
  controller.reconcile(req, ctx);
  return { firstWrites: r1 - r0, secondWrites: ctx.store.revision() - r1, secondEvents: ctx.events.revision() - e1 };
}
