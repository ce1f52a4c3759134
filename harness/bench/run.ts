/**
 * `npm run bench`: measures the figures the issues name and prints them, the last line as JSON.
 * A benchmark measures; it asserts nothing (tests do that).
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { courseExercise, findCourseRoot, openCourse } from '../grade/course.ts';
import { gradeExercise } from '../grade/grade.ts';
import { parseManifestText } from '../load/index.ts';
import { validateDocuments } from '../validate/index.ts';

const root = findCourseRoot(resolve(import.meta.dirname ?? '.', '..', '..'));
if (!root) throw new Error('run from the course checkout');
const course = openCourse(root);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median wall time of grading an exercise's reference solution in-process, after warm-up. */
function gradeSolutionMs(id: string, runs = 50): number {
  const spec = courseExercise(course, id);
  const dir = join(root!, 'solutions', id, 'solution');
  for (let i = 0; i < 10; i++) gradeExercise(spec, dir, { images: course.images });
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

const figures = {
  grade01MedianMs: Number(gradeSolutionMs('01-hello-pod').toFixed(2)),
  loadValidateResourcesPerSecond: loadValidatePerSecond(),
};
console.log(`grade 01-hello-pod solution, median after warm-up: ${figures.grade01MedianMs} ms (target < 20 ms)`);
console.log(`load + validate, 10,000 generated manifests on one core: ${figures.loadValidateResourcesPerSecond} resources/s (target ≥ 10,000)`);
console.log(JSON.stringify(figures));
