import type { KubeObject, ObjectRef } from '../../core/kube.ts';
import type { ImageCatalog, WatchEntry } from '../types.ts';
import type { Store } from '../store.ts';
import type { Random } from '../random.ts';
import type { EventRecorder } from '../events.ts';
import type { StatePart } from '../snapshot.ts';

export interface ControllerContext {
  store: Store;
  events: EventRecorder;
  random: Random;
  images: ImageCatalog;
  /** Virtual milliseconds since start. */
  now(): number;
  /** RFC 3339 of a virtual time (default now). */
  timestamp(at?: number): string;
}

export interface ReconcileResult {
  /** Seconds after which to reconcile this object again. */
  requeueAfter?: number;
  /** Drops this object's requeues queued for later times (a deadline check that is no longer needed). */
  forgetRequeues?: boolean;
}

/** Enqueues a reconcile of `ref` for this controller after `afterSeconds` (default now). */
export type Enqueue = (ref: ObjectRef, afterSeconds?: number) => void;

/** A level-triggered reconciler (controller-runtime shape): gets only which object, re-reads the store. */
export interface Controller {
  name: string;
  /** The kind whose changes enqueue its own reconcile. */
  for: string;
  reconcile(req: ObjectRef, ctx: ControllerContext): ReconcileResult | void;
  /** Kinds whose changes enqueue their controlling owner (ownerReferences controller:true of kind `for`). */
  owns?: string[];
  /** Other kinds whose changes map to objects of kind `for` to reconcile. */
  watches?: { kind: string; map(obj: KubeObject, ctx: ControllerContext): ObjectRef[] }[];
  /** Sees every store change (any kind) to enqueue related objects. */
  onChange?(entry: WatchEntry, enqueue: Enqueue, ctx: ControllerContext): void;
  /** What the controller remembers between reconciles, for a cluster fork (see snapshot.ts); none when it keeps nothing. */
  state?: StatePart;
}

export interface ControllerRegistry {
  register(controller: Controller): void;
  /** Controllers in registration order. */
  all(): readonly Controller[];
  get(name: string): Controller | undefined;
}

/** Creates an empty registry; the cluster registers the scheduler and kubelet, later work adds more. */
export function createControllerRegistry(): ControllerRegistry {
  const list: Controller[] = [];
  return {
    register(controller) {
      if (list.some((c) => c.name === controller.name)) throw new Error(`controller ${controller.name} registered twice`);
      list.push(controller);
    },
    all: () => list,
    get: (name) => list.find((c) => c.name === name),
  };
}
