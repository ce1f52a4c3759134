import type { GradeReport } from '../core/result.ts';

/** A small failing report whose learner-controlled strings carry hostile payloads (for reporter tests). */
export function hostileReport(): GradeReport {
  return {
    schemaVersion: 1,
    score: 3,
    maxScore: 5,
    exercises: [
      {
        id: '01-hello-pod',
        title: 'Run your first Pod',
        score: 3,
        maxScore: 5,
        status: 'failed',
        seed: 42,
        checks: [
          { id: 'exists', title: 'A Pod named hello-pod exists', status: 'passed', points: 1, maxPoints: 1, visibility: 'visible' },
          {
            id: 'label',
            title: 'hello-pod is labelled app=web',
            status: 'failed',
            points: 0,
            maxPoints: 2,
            message: 'Pod "hello-pod": metadata.labels.app is "<script>alert(1)</script>", expected "web"',
            hint: 'Compare with {{constructor}} and "><img src=x onerror=alert(1)>',
            location: { file: 'pod.yml', line: 5, column: 10 },
            visibility: 'visible',
          },
          { id: 'running', title: 'hello-pod is Running', status: 'passed', points: 2, maxPoints: 2, visibility: 'visible' },
        ],
        diagnostics: [{ code: 'load/ignored-file', severity: 'info', message: 'notes.txt was not graded' }],
        files: [{ path: 'pod.yml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: "<script>alert(1)</script>"\n  name: hello-pod\n' }],
        reproduce: 'npx kubegrade grade 01-hello-pod --seed 42',
      },
    ],
  };
}
