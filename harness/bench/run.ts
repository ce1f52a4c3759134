/**
 * `npm run bench`: measures the figures the issues name and prints them, the last line as JSON.
 * A benchmark measures; it asserts nothing (tests do that). The last figures are the batch's: 1,000 learners ×
 * every exercise with HTML reports, with 1 and 2 workers (`--skip-batch` leaves them out, `--skip-serial` the
 * 1-worker run; `npm run bench -- --batch N` measures only the batch).
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { courseExercise, findCourseRoot, openCourse, reportOf } from '../grade/course.ts';
import { renderHtml } from '../report/html.ts';
import { gradeExercise } from '../grade/grade.ts';
import { parseManifestText } from '../load/index.ts';
import { validateDocuments } from '../validate/index.ts';
import { createCluster } from '../engine/index.ts';
import type { BatchBench } from './batch.ts';

// `npm run bench -- --batch [N] [--skip-serial]`: only the batch figures (harness/bench/batch.ts), the last line as JSON.
const batchFlag = process.argv.indexOf('--batch');
if (batchFlag >= 0) {
  const { batchBenchArgs, benchBatch } = await import('./batch.ts');
  console.log(JSON.stringify(await benchBatch(batchBenchArgs(process.argv.slice(batchFlag + 1)))));
  process.exit(0);
}

const root = findCourseRoot(resolve(import.meta.dirname ?? '.', '..', '..'));
if (!root) throw new Error('run from the course checkout');
const course = openCourse(root);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median wall time of grading an exercise's reference solution in-process, after warm-up. */
function gradeSolutionMs(id: string, runs = 50, warmup = 10): number {
  const spec = courseExercise(course, id);
  const dir = join(root!, 'solutions', id, 'solution');
  for (let i = 0; i < warmup; i++) gradeExercise(spec, dir, { images: course.images });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    gradeExercise(spec, dir, { images: course.images });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** A generated set of small, varied manifests (Pods, Services, Deployments, ConfigMaps). */
function generatedManifests(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 4) {
      case 0:
        out.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n  labels:\n    app: web-${i % 17}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n`);
        break;
      case 1:
        out.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  type: NodePort\n  selector:\n    app: web-${i % 17}\n  ports:\n    - port: 80\n      targetPort: 8080\n`);
        break;
      case 2:
        out.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: deploy-${i}\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: d-${i}\n  template:\n    metadata:\n      labels:\n        app: d-${i}\n    spec:\n      containers:\n        - name: web\n          image: nigelpoulton/getting-started-k8s:1.0\n          ports:\n            - containerPort: 8080\n`);
        break;
      default:
        out.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: value-${i}\n`);
    }
  }
  return out;
}

function loadValidatePerSecond(n = 10_000): number {
  const texts = generatedManifests(n);
  // Warm-up on a slice so the schema compilers and JIT are ready.
  for (const t of texts.slice(0, 500)) validateDocuments(parseManifestText('warm.yml', t).documents);
  const t0 = performance.now();
  let resources = 0;
  for (const [i, t] of texts.entries()) resources += validateDocuments(parseManifestText(`m-${i}.yml`, t).documents).resources.length;
  const seconds = (performance.now() - t0) / 1000;
  if (resources !== n) throw new Error(`expected ${n} valid resources, got ${resources}`);
  return Math.round(n / seconds);
}

/** Requests per second routed through kube-proxy in a cluster of 100 Services over 1,000 Pods (after settling). */
function requestsPerSecond(services = 100, podsPerService = 10, requests = 20_000): { perSecond: number; settleMs: number } {
  const cluster = createCluster({ nodes: 10, images: course.images, seed: 7 });
  for (let s = 0; s < services; s++) {
    for (let p = 0; p < podsPerService; p++) {
      cluster.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `web-${s}-${p}`, labels: { app: `web-${s}` } },
        spec: { containers: [{ name: 'web', image: 'nigelpoulton/getting-started-k8s:1.0', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      });
    }
    cluster.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${s}` }, spec: { type: 'NodePort', selector: { app: `web-${s}` }, ports: [{ port: 80, targetPort: 8080 }] } });
  }
  const t0 = performance.now();
  const settled = cluster.runUntilSettled({ horizonSeconds: 600, maxSteps: 5_000_000 });
  const settleMs = performance.now() - t0;
  if (!settled.settled) throw new Error(`the 1,000-Pod cluster did not settle (${settled.reason})`);
  const nodePorts = cluster.list('Service', 'default').filter((s) => s.metadata.name !== 'kubernetes').map((s) => (s.spec.ports[0] as { nodePort: number }).nodePort);
  const t1 = performance.now();
  let ok = 0;
  for (let i = 0; i < requests; i++) {
    const res = cluster.request({ from: 'outside' }, `http://node-${(i % 10) + 1}:${nodePorts[i % nodePorts.length]}/`);
    if (res.ok) ok++;
  }
  const seconds = (performance.now() - t1) / 1000;
  if (ok !== requests) throw new Error(`${requests - ok} requests failed`);
  return { perSecond: Math.round(requests / seconds), settleMs: Math.round(settleMs) };
}

/** Wall time for a set of Deployments (nodes × Pods) to converge to all Pods Running. */
function deploymentsConvergeMs(nodes: number, deployments: number, replicas: number): number {
  const cluster = createCluster({ nodes, images: course.images, seed: 11 });
  for (let d = 0; d < deployments; d++) {
    cluster.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `web-${d}` },
      spec: {
        replicas,
        selector: { matchLabels: { app: `web-${d}` } },
        template: { metadata: { labels: { app: `web-${d}` } }, spec: { containers: [{ name: 'web', image: 'nigelpoulton/getting-started-k8s:1.0', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } },
      },
    });
  }
  const t0 = performance.now();
  const settled = cluster.runUntilSettled({ horizonSeconds: 3600, maxSteps: 50_000_000 });
  const ms = performance.now() - t0;
  const running = cluster.list('Pod').filter((p) => p.status?.phase === 'Running').length;
  if (!settled.settled || running !== deployments * replicas) throw new Error(`did not converge: ${running} of ${deployments * replicas} Pods Running (${settled.reason})`);
  return Math.round(ms);
}

/** Median time to render one learner's HTML report for every exercise (their reference solutions), and its size. */
function htmlReport(): { medianMs: number; bytes: number } {
  const report = reportOf(course.ids.map((id) => gradeExercise(courseExercise(course, id), join(root!, 'solutions', id, 'solution'), { images: course.images })));
  const times: number[] = [];
  let html = '';
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    html = renderHtml(report);
    times.push(performance.now() - t0);
  }
  return { medianMs: Number(median(times).toFixed(2)), bytes: Buffer.byteLength(html) };
}

const routing = requestsPerSecond();
const html = htmlReport();
// Its property (8 sampled rollout scenarios, 4 of them distinct) checks the invariant at every instant the cluster changes.
const grade12 = Number(gradeSolutionMs('12-rolling-update', 11, 2).toFixed(1));
const converge = { nodes: 100, pods: 1000, ms: deploymentsConvergeMs(100, 10, 100) };
const convergeLarge = { nodes: 300, pods: 3000, ms: deploymentsConvergeMs(300, 30, 100) };
// The issue's figure (target < 10 s); `--skip-10k` leaves it out when a quick run is enough.
const convergeHuge = process.argv.includes('--skip-10k') ? undefined : { nodes: 1000, pods: 10000, ms: deploymentsConvergeMs(1000, 100, 100) };
const figures = {
  grade01MedianMs: Number(gradeSolutionMs('01-hello-pod').toFixed(2)),
  grade05MedianMs: Number(gradeSolutionMs('05-nodeport-service').toFixed(2)),
  loadValidateResourcesPerSecond: loadValidatePerSecond(),
  requestsPerSecond100Svc1000Pods: routing.perSecond,
  settle1000PodsMs: routing.settleMs,
  grade12WithPropertiesMedianMs: grade12,
  htmlReportAllExercisesMedianMs: html.medianMs,
  htmlReportAllExercisesBytes: html.bytes,
  deployments100Nodes1000PodsConvergeMs: converge.ms,
  deployments300Nodes3000PodsConvergeMs: convergeLarge.ms,
  deployments1000Nodes10000PodsConvergeMs: convergeHuge?.ms,
};
console.log(`grade 01-hello-pod solution, median after warm-up: ${figures.grade01MedianMs} ms (target < 20 ms)`);
console.log(`grade 05-nodeport-service solution, median after warm-up: ${figures.grade05MedianMs} ms`);
console.log(`load + validate, 10,000 generated manifests on one core: ${figures.loadValidateResourcesPerSecond} resources/s (target ≥ 10,000)`);
const hugeText = convergeHuge ? `${convergeHuge.nodes} nodes / ${convergeHuge.pods} Pods in ${convergeHuge.ms} ms (target < 10,000 ms)` : '1,000 nodes / 10,000 Pods skipped (--skip-10k)';
console.log(`Deployments converge: ${converge.nodes} nodes / ${converge.pods} Pods in ${converge.ms} ms; ${convergeLarge.nodes} nodes / ${convergeLarge.pods} Pods in ${convergeLarge.ms} ms; ${hugeText}`);
console.log(`grade 12-rolling-update solution including its properties (checked at every instant the cluster changes), median of 11: ${figures.grade12WithPropertiesMedianMs} ms (target < 200 ms)`);
console.log(`HTML report of one learner for all ${course.ids.length} exercises: ${figures.htmlReportAllExercisesMedianMs} ms median, ${figures.htmlReportAllExercisesBytes} bytes`);
console.log(`requests routed through a 100-Service, 1,000-Pod cluster: ${figures.requestsPerSecond100Svc1000Pods} requests/s (settling it took ${figures.settle1000PodsMs} ms)`);
// The batch issue's figures: wall time and peak memory for 1,000 learners with 2 workers (target < 60 s, < 1 GiB), and the speed-up from 1.
let batch: BatchBench | undefined;
if (!process.argv.includes('--skip-batch')) {
  const { benchBatch } = await import('./batch.ts');
  batch = await benchBatch({ learners: 1000, serial: !process.argv.includes('--skip-serial') });
  console.log(`batch: 1,000 learners × ${batch.exercises} exercises with HTML reports, 2 workers: ${batch.jobs2.seconds} s, peak RSS ${batch.jobs2.peakRssMiB} MiB (targets < 60 s, < 1 GiB)${batch.speedup !== undefined ? `; speed-up from 1 worker ${batch.speedup}` : ''}`);
}
console.log(JSON.stringify({ ...figures, ...(batch ? { batch1000: batch } : {}) }));
