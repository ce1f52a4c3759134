import type { ClusterSnapshot } from '../core/result.ts';

/** One Pod drawn inside its node box. */
export interface PodBox {
  x: number;
  y: number;
  w: number;
  h: number;
  name: string;
  label: string;
  status: string;
  ready: string;
  labels: string;
  tone: Tone;
}

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

/** Everything the SVG template needs, already laid out (numbers) and in words (for the text alternative). */
export interface ClusterPicture {
  width: number;
  height: number;
  markerId: string;
  description: string;
  nodes: { x: number; y: number; w: number; h: number; name: string; label: string; ready: boolean; state: string; pods: PodBox[] }[];
  services: { x: number; y: number; w: number; h: number; name: string; label: string; kind: string; selector: string; noEndpoints: boolean; endpointsText: string }[];
  arrows: { x1: number; y1: number; x2: number; y2: number; ready: boolean; title: string }[];
}

const WIDTH = 760;
const GAP = 16;
const NODE_COLUMNS = 3;
const NODE_W = (WIDTH - GAP * (NODE_COLUMNS + 1)) / NODE_COLUMNS;
const POD_H = 58;
const SVC_H = 72;

/** Classifies a Pod's STATUS/READY columns into a tone; the text label is always drawn too. */
export function podTone(status: string, ready: string): Tone {
  const [have, want] = String(ready).split('/');
  if (status === 'Running') return have !== undefined && have === want ? 'ok' : 'warn';
  if (status === 'Completed' || status === 'Succeeded' || status === 'Terminating') return 'muted';
  return 'bad';
}

/** Lays out a cluster snapshot as boxes and arrows: Services on top, nodes with their Pods below. */
export function layoutCluster(snapshot: ClusterSnapshot, key: string): ClusterPicture | undefined {
  const nodes = Array.isArray(snapshot?.nodes) ? snapshot.nodes.filter(isObject) : [];
  const pods = Array.isArray(snapshot?.pods) ? snapshot.pods.filter(isObject) : [];
  const services = Array.isArray(snapshot?.services) ? snapshot.services.filter(isObject) : [];
  if (nodes.length === 0 && pods.length === 0 && services.length === 0) return undefined;

  // Pods that no node lists (Pending, unscheduled) get a box of their own so nothing disappears.
  const placed = new Set<string>();
  const columns: { name: string; ready: boolean; state: string; pods: string[] }[] = nodes.map((n) => {
    const list = (Array.isArray(n.pods) ? n.pods : []).map(String);
    for (const p of list) placed.add(p);
    return { name: String(n.name), ready: n.ready === true, state: n.ready === true ? 'Ready' : 'NotReady', pods: list };
  });
  const unplaced = pods.map((p) => String(p.name)).filter((n) => !placed.has(n));
  if (unplaced.length) columns.push({ name: 'not scheduled', ready: false, state: 'no node', pods: unplaced });

  const svcRows = Math.ceil(services.length / NODE_COLUMNS);
  const top = services.length ? GAP + svcRows * (SVC_H + GAP) + 24 : GAP;
  const podByName = new Map(pods.map((p) => [String(p.name), p]));
  const podBoxes = new Map<string, PodBox>();
  const nodeBoxes: ClusterPicture['nodes'] = [];
  let y = top;
  for (let row = 0; row * NODE_COLUMNS < columns.length; row++) {
    const slice = columns.slice(row * NODE_COLUMNS, row * NODE_COLUMNS + NODE_COLUMNS);
    const h = 40 + Math.max(1, ...slice.map((c) => c.pods.length)) * (POD_H + 8);
    slice.forEach((c, i) => {
      const x = GAP + i * (NODE_W + GAP);
      const boxes = c.pods.map((name, j) => {
        const p = podByName.get(name);
        const status = p ? String(p.status) : 'Unknown';
        const ready = p ? String(p.ready) : '?';
        const box: PodBox = { x: x + 8, y: y + 32 + j * (POD_H + 8), w: NODE_W - 16, h: POD_H, name, label: clip(name, 27), status, ready, labels: clip(p ? String(p.labels ?? '') : '', 34), tone: podTone(status, ready) };
        if (!podBoxes.has(name)) podBoxes.set(name, box);
        return box;
      });
      nodeBoxes.push({ x, y, w: NODE_W, h, name: c.name, label: clip(c.name, 20), ready: c.ready, state: c.state, pods: boxes });
    });
    y += h + GAP;
  }

  const svcBoxes: ClusterPicture['services'] = [];
  const arrows: ClusterPicture['arrows'] = [];
  services.forEach((s, i) => {
    const x = GAP + (i % NODE_COLUMNS) * (NODE_W + GAP);
    const sy = GAP + Math.floor(i / NODE_COLUMNS) * (SVC_H + GAP);
    const endpoints = Array.isArray(s.endpoints) ? s.endpoints.filter(isObject) : [];
    const name = String(s.name);
    svcBoxes.push({
      x, y: sy, w: NODE_W, h: SVC_H, name, label: clip(name, 26), kind: clip(`${String(s.type)} ${String(s.ports ?? '')}`, 34),
      selector: clip(`selector ${String(s.selector || '<none>')}`, 34),
      noEndpoints: endpoints.length === 0,
      endpointsText: endpoints.length === 0 ? 'no endpoints' : `${endpoints.length} endpoint${endpoints.length === 1 ? '' : 's'}`,
    });
    for (const e of endpoints) {
      const target = e.pod === undefined ? undefined : podBoxes.get(String(e.pod));
      if (!target) continue;
      arrows.push({ x1: x + NODE_W / 2, y1: sy + SVC_H, x2: target.x + target.w / 2, y2: target.y, ready: e.ready === true, title: `service/${name} → pod/${String(e.pod)} (${String(e.address)}${e.ready === true ? '' : ', not ready'})` });
    }
  });

  const words = [
    `${nodes.length} node${nodes.length === 1 ? '' : 's'} with ${pods.length} Pod${pods.length === 1 ? '' : 's'}`,
    ...pods.map((p) => `Pod ${String(p.name)} is ${String(p.status)} (${String(p.ready)} ready) on ${p.node ? String(p.node) : 'no node'}`),
    ...services.map((s) => {
      const eps = (Array.isArray(s.endpoints) ? s.endpoints.filter(isObject) : []).map((e) => String(e.pod ?? e.address));
      return `Service ${String(s.name)} ${eps.length ? `sends traffic to ${eps.join(', ')}` : 'has no endpoints'}`;
    }),
  ];
  return { width: WIDTH, height: y, markerId: `arrow-${key}`, description: `${words.join('. ')}.`, nodes: nodeBoxes, services: svcBoxes, arrows };
}

function isObject<T>(v: T): v is T & object {
  return typeof v === 'object' && v !== null;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
