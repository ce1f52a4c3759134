import type { KubeObject, ObjectRef } from '../core/kube.ts';

/**
 * Public contract of the simulated cluster (engine/cluster.ts implements it).
 * Everything here is deterministic: virtual time, seeded randomness, sorted iteration.
 */

export interface NodeSpec {
  name: string;
  /** CPU capacity as a Kubernetes quantity. Default "2". */
  cpu?: string;
  /** Memory capacity as a Kubernetes quantity. Default "4Gi". */
  memory?: string;
  /** Max pods. Default 110. */
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
}

export interface ClusterOptions {
  /** A count (nodes named node-1…node-N with default capacity) or explicit nodes. Default 3. */
  nodes?: number | NodeSpec[];
  /** The simulated image registry (exercises/images.yaml). */
  images: ImageCatalog;
  /** Seed for every random choice (names, IPs, endpoint choice). Default 1. */
  seed?: number;
  /** Virtual start instant, RFC 3339. Default "2026-01-01T00:00:00Z". */
  startTime?: string;
  /** IPs (or one IPv4 CIDR) a cloud load-balancer controller hands to LoadBalancer Services, in order. Default none (`<pending>`). */
  loadBalancerPool?: string[];
  /** Hosts outside the cluster that selector-less Services may point at (EndpointSlice addresses). */
  externalHosts?: ExternalHost[];
}

/** A machine outside the cluster (a database VM, an external API) reachable by IP. */
export interface ExternalHost {
  /** Shown in request paths, e.g. `legacy-db`. Default `external host`. */
  name?: string;
  ip: string;
  port: number;
  /** Default TCP. */
  protocol?: 'TCP' | 'UDP';
  /** HTTP answers (TCP only); unknown paths give 404. */
  http?: HttpRoute[];
  /** UDP answer (UDP only); default: echo the datagram (the URL path without its leading `/`). */
  udpReply?: string;
}

/** A cluster DNS answer (what `nslookup` in a Pod would show). */
export interface DnsResult {
  ok: boolean;
  /** A records (sorted) or one CNAME target. */
  answers: string[];
  /** The record type of the answers. */
  type?: 'A' | 'CNAME';
  /** The fully qualified name that matched. */
  name?: string;
  /** nslookup's words for a failure: `** server can't find web: NXDOMAIN`. */
  error?: string;
}

/** What one image does when it runs (from exercises/images.yaml). */
export interface ImageBehavior {
  /** Canonical reference, e.g. `docker.io/nigelpoulton/getting-started-k8s:1.0`. */
  reference: string;
  sizeBytes: number;
  /** Seconds the pull takes. */
  pullSeconds: number;
  /** Seconds from container start until its ports listen. */
  startSeconds: number;
  listens: ImagePort[];
  http: HttpRoute[];
  /** When set, the process exits with `code` after `afterSeconds` of running. */
  exit?: { afterSeconds: number; code: number; message?: string };
  /** What a UDP listener answers to any datagram; default: it echoes the datagram. */
  udp?: { reply: string };
}

export interface ImagePort {
  port: number;
  protocol: 'TCP' | 'UDP';
  /** An env var that, when set on the container, overrides the port. */
  env?: string;
}

export interface HttpRoute {
  path: string;
  status: number;
  body: string;
}

export interface ImageCatalog {
  /** Every image the registry holds, as `repository:tag` with docker.io and library/ shortened as people write them. */
  references(): string[];
  /** Resolves any image reference as the kubelet would (docker.io/library defaults, tag latest). */
  resolve(image: string): { ok: true; image: ImageBehavior } | { ok: false; reason: 'InvalidImageName' | 'NotFound'; message: string };
}

/** The API server's failure object (metav1.Status). */
export interface StatusError {
  kind: 'Status';
  apiVersion: 'v1';
  status: 'Failure';
  message: string;
  reason: 'Invalid' | 'AlreadyExists' | 'NotFound' | 'BadRequest' | 'Conflict' | 'Forbidden' | 'MethodNotAllowed';
  code: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason: string; message: string; field: string }[];
  };
}

export interface ApiResult {
  ok: boolean;
  /** What kubectl would print after `<kind>/<name>`: created, configured, unchanged, deleted. */
  verb?: 'created' | 'configured' | 'unchanged' | 'deleted';
  /** The stored object after the call (a copy). */
  object?: KubeObject;
  error?: StatusError;
  /** API warnings (kubectl prints them as `Warning: …` on stderr). */
  warnings: string[];
}

export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
}

export interface SettleOptions {
  /** Virtual seconds from now after which we stop waiting. Default 600. */
  horizonSeconds?: number;
  /** Most queue items processed. Default 200000. */
  maxSteps?: number;
}

export interface SettleResult {
  /** True when no work is queued and no timer is due before the horizon. */
  settled: boolean;
  reason: 'settled' | 'horizon' | 'budget';
  /** Virtual milliseconds since the cluster's start. */
  time: number;
}

export interface WatchEntry {
  /** Virtual milliseconds since start. */
  time: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

export interface RequestSource {
  /** `outside` (a client outside the cluster) or a Pod. */
  from: 'outside' | { pod: string; namespace?: string; container?: string };
}

export interface RequestResult {
  ok: boolean;
  status?: number;
  body?: string;
  /** The container that answered. */
  servedBy?: { pod: string; namespace: string; container: string };
  /** Why it failed, in the words a client would see (`connection refused`, `no route to host`, …). */
  error?: string;
  /** Each hop, in words (for reports): "pod/hello-pod 10.1.0.5:8080 → web-ctr". */
  path: string[];
}

/** A fault injected into the simulated cluster (engine/node-lifecycle/faults.ts applies it). */
export type Fault =
  /** The node's kubelet stops posting status (node crashed / network cut): no probes, no status, its Pods unreachable. */
  | { type: 'stopNode'; node: string }
  /** The node's kubelet comes back and resumes its Pods. */
  | { type: 'startNode'; node: string }
  /** A running container's process exits now (default: the first running container, exit code 1). */
  | { type: 'crashContainer'; pod: string; namespace?: string; container?: string; exitCode?: number }
  /** Deletes a Pod as `kubectl delete pod` would (graceful unless gracePeriodSeconds is 0). */
  | { type: 'deletePod'; pod: string; namespace?: string; gracePeriodSeconds?: number };

export interface Cluster {
  /** Virtual milliseconds since the cluster's start. */
  readonly now: number;
  /** The current virtual instant as RFC 3339. */
  timestamp(): string;
  /** Create (kubectl create): fails with AlreadyExists if present. */
  create(obj: KubeObject): ApiResult;
  /** Apply (kubectl apply): create, or update to the given fields, keeping server-set ones. */
  apply(obj: KubeObject): ApiResult;
  /** Replace labels/annotations/spec fields of an existing object (used by kubectl label/scale/set). */
  update(obj: KubeObject): ApiResult;
  delete(ref: ObjectRef, options?: DeleteOptions): ApiResult;
  get(ref: ObjectRef): KubeObject | undefined;
  /** Objects of a kind, sorted by namespace then name; namespace undefined → all. */
  list(kind: string, namespace?: string): KubeObject[];
  /** As list(), but the stored deep-frozen objects themselves, not copies: for callers that only read. */
  peekList?(kind: string, namespace?: string): readonly KubeObject[];
  /** core/v1 Event objects, in the order they were first recorded. */
  events(): KubeObject[];
  /** The store's change log in order. */
  watchLog(): WatchEntry[];
  runUntilSettled(options?: SettleOptions): SettleResult;
  /** Let virtual time pass, running everything due. */
  advance(seconds: number): void;
  /** An HTTP GET (or `udp://host:port/payload` datagram) from a container or from outside (node:port, LB IP). */
  request(source: RequestSource, url: string): RequestResult;
  /** Looks a name up in cluster DNS as a Pod would (search path of its namespace, ndots 5); outside clients use no search path. */
  resolve(source: RequestSource, name: string): DnsResult;
  /** Injects a fault now; an unknown node/pod or an odd shape does nothing. */
  fault(f: Fault): void;
  /** Virtual milliseconds of the earliest queued work, or undefined when none is queued (optional: property runs step instant by instant with it). */
  nextEventAt?(): number | undefined;
}
