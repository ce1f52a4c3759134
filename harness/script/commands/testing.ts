/** Test helpers: a real cluster, in-memory submission files and a one-call script runner (used by the *.test.ts here). */
import { createCluster } from '../../engine/index.ts';
import type { SimCluster } from '../../engine/index.ts';
import { testCatalog } from '../../engine/testing-helpers.ts';
import { parseManifestText } from '../../load/index.ts';
import type { ManifestDocument } from '../../load/types.ts';
import type { Issue } from '../../core/issue.ts';
import { runCommandScript, type ScriptRun } from '../run-script.ts';
import type { ScriptContext } from './types.ts';

export interface ScriptHarness {
  cluster: SimCluster;
  ctx: ScriptContext;
  /** Runs script lines (joined by newlines) as `commands.sh`. */
  run(...lines: string[]): ScriptRun;
}

/** Creates a 3-node cluster (seed 1) and a context whose `-f` paths read the given files or folders. */
export function scriptHarness(files: Record<string, string> = {}): ScriptHarness {
  const cluster = createCluster({ images: testCatalog() });
  const ctx: ScriptContext = {
    cluster,
    settle: () => {
      cluster.runUntilSettled();
    },
    readManifests(path) {
      const clean = path.replace(/^\.\//, '').replace(/\/$/, '');
      const names = Object.keys(files)
        .filter((f) => f === clean || f.startsWith(`${clean}/`))
        .sort();
      if (names.length === 0) return { error: `error: the path "${path}" does not exist` };
      const documents: ManifestDocument[] = [];
      const issues: Issue[] = [];
      for (const name of names) {
        const parsed = parseManifestText(name, files[name]!);
        documents.push(...parsed.documents);
        issues.push(...parsed.issues);
      }
      return { documents, issues };
    },
  };
  return { cluster, ctx, run: (...lines) => runCommandScript('commands.sh', lines.join('\n'), ctx) };
}

/** The course notes' Pod: hello-pod, label app=web, the getting-started image listening on 8080. */
export const HELLO_POD = `apiVersion: v1
kind: Pod
metadata:
  name: hello-pod
  labels:
    app: web
spec:
  containers:
  - name: web-ctr
    image: nigelpoulton/getting-started-k8s:1.0
    ports:
    - containerPort: 8080
`;

/** Returns one command's output as `[stdout, stderr, exitCode]` for compact table assertions. */
export function outputOf(run: ScriptRun, index: number): [string, string, number] {
  const c = run.commands[index]!;
  return [c.stdout, c.stderr, c.exitCode];
}

/** The course's web-deploy (exercise 12): 5 replicas, maxUnavailable 0, maxSurge 1, minReadySeconds 5, a readiness probe. */
export function webDeploy(tag = '1.0', extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-deploy
  labels:
    app: web
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
  minReadySeconds: 5
${extra}  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web-ctr
          image: nigelpoulton/getting-started-k8s:${tag}
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: 8080
`;
}
