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

/** Every hostile payload the reporters must show as text; each is a different attack on HTML, XML or CSV. */
export const payloads = {
  script: '<script>window.__pwned=1</script>',
  img: '"><img src=x onerror="window.__pwned=2">',
  mustache: '{{constructor.constructor("window.__pwned=3")()}}',
  js: 'javascript:window.__pwned=4',
  style: '</style><script>window.__pwned=5</script>',
  cdata: ']]><x>cdata</x>',
  svg: '</text></svg><svg onload="window.__pwned=6">',
  formula: '=HYPERLINK("http://evil.example/","x")',
} as const;

/** A failing report with a cluster picture, a request trace, events, describes and commands, all carrying payloads. */
export function richHostileReport(): GradeReport {
  const p = payloads;
  return {
    schemaVersion: 1,
    score: 3,
    maxScore: 9,
    exercises: [
      {
        id: '05-nodeport-service',
        title: `Expose the web Pod ${p.style}`,
        score: 3,
        maxScore: 9,
        status: 'failed',
        seed: 5337,
        checks: [
          { id: 'svc', title: 'A Service named ps-nodeport exists', status: 'passed', points: 1, maxPoints: 1, visibility: 'visible' },
          {
            id: 'endpoints',
            title: 'ps-nodeport sends traffic to hello-pod',
            status: 'failed',
            points: 0,
            maxPoints: 2,
            message: `Service "ps-nodeport" selects no Pods: selector name=${p.script} matches 0 of 2 Pods`,
            hint: `hello-pod has labels app=web ${p.mustache}`,
            location: { file: 'svc.yml', line: 6, column: 11 },
            visibility: 'visible',
          },
          {
            id: 'reachable',
            title: 'http://node-1:31111/ answers from outside',
            status: 'failed',
            points: 0,
            maxPoints: 4,
            message: `GET http://node-1:31111/ failed: connection refused ${p.img}`,
            hint: `Open ${p.js}`,
            location: { file: 'svc.yml', line: 6, column: 11 },
            visibility: 'visible',
            trace: ['from outside the cluster', `node-1:31111 (NodePort of service/ps-nodeport) ${p.cdata}`, `service/ps-nodeport has no endpoints → rejected ${p.svg}`],
          },
          { id: 'hidden-dns', title: 'The name resolves', status: 'passed', points: 2, maxPoints: 2, visibility: 'hidden' },
        ],
        diagnostics: [{ code: 'validate/unknown-field', severity: 'warning', message: `unknown field "spec.selecter" ${p.formula}`, file: 'svc.yml', line: 5, column: 3, hint: 'Did you mean selector?' }],
        commands: [{ file: 'commands.sh', line: 1, command: `kubectl label pod hello-pod app=${p.script}`, stdout: `pod/hello-pod labeled ${p.img}`, stderr: `warning ${p.style}`, exitCode: 1 }],
        files: [
          { path: 'svc.yml', text: `apiVersion: v1\nkind: Service\nmetadata:\n  name: ps-nodeport\n  annotations: { note: "${p.style}" }\nspec:\n  selector: { name: web }\n` },
          { path: `evil${p.img}.yml`, text: `# ${p.svg}\n# ${p.cdata}\n` },
        ],
        cluster: {
          settled: true,
          time: 30,
          pods: `NAME        READY   STATUS\nhello-pod   1/1     Running ${p.script}\n`,
          nodes: 'NAME     STATUS\nnode-1   Ready\nnode-2   NotReady\n',
          events: `LAST SEEN   TYPE   REASON\n${p.img}\n`,
          services: `NAME          TYPE\nps-nodeport   NodePort ${p.style}\n`,
          describes: [{ name: 'crashy', text: `Name: crashy\nCommand: sh -c ${p.script}\n` }],
          snapshot: {
            nodes: [
              { name: 'node-1', ready: true, pods: ['hello-pod', 'crashy'] },
              { name: 'node-2', ready: false, pods: [] },
            ],
            pods: [
              { name: 'hello-pod', namespace: 'default', node: 'node-1', status: 'Running', ready: '1/1', ip: '10.1.0.5', labels: `app=web,evil=${p.img}` },
              { name: 'crashy', namespace: 'default', node: 'node-1', status: 'CrashLoopBackOff', ready: '0/1', ip: '10.1.0.6', labels: `app=${p.svg}` },
              { name: `pending${p.script}`, namespace: 'default', status: 'Pending', ready: '0/1', labels: '' },
            ],
            services: [
              { name: 'ps-nodeport', namespace: 'default', type: 'NodePort', clusterIP: '10.152.183.9', ports: '80:31111/TCP', selector: `name=${p.script}`, endpoints: [] },
              { name: 'web', namespace: 'default', type: 'ClusterIP', clusterIP: '10.152.183.10', ports: '80/TCP', selector: 'app=web', endpoints: [{ address: '10.1.0.5', pod: 'hello-pod', ready: true }, { address: '10.1.0.6', pod: 'crashy', ready: false }] },
            ],
            events: [
              { seconds: 0, type: 'Normal', reason: 'Scheduled', object: 'pod/hello-pod', message: 'Successfully assigned default/hello-pod to node-1', count: 1 },
              { seconds: 12, type: 'Warning', reason: 'BackOff', object: 'pod/crashy', message: `Back-off restarting failed container ${p.img}`, count: 4 },
            ],
          },
        },
        reproduce: 'npx kubegrade grade 05-nodeport-service --seed 5337',
      },
    ],
  };
}

/** A report where every check passed (for the passing-report screenshots and tests). */
export function passingReport(): GradeReport {
  const r = richHostileReport();
  const ex = r.exercises[0]!;
  ex.title = 'Expose the web Pod on every node with a NodePort Service';
  ex.status = 'passed';
  ex.checks = ex.checks.map((c) => ({ id: c.id, title: c.title, status: 'passed', points: c.maxPoints, maxPoints: c.maxPoints, visibility: c.visibility }));
  ex.score = ex.maxScore;
  r.score = r.maxScore;
  ex.diagnostics = [];
  ex.commands = [{ file: 'commands.sh', line: 1, command: 'kubectl get svc ps-nodeport', stdout: 'NAME          TYPE       CLUSTER-IP     PORT(S)\nps-nodeport   NodePort   10.152.183.9   80:31111/TCP\n', stderr: '', exitCode: 0 }];
  ex.files = [{ path: 'svc.yml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ps-nodeport\nspec:\n  type: NodePort\n  selector: { app: web }\n  ports:\n    - port: 80\n      targetPort: 8080\n      nodePort: 31111\n' }];
  ex.cluster = {
    settled: true,
    time: 6,
    pods: 'NAME        READY   STATUS    RESTARTS   AGE   IP         NODE\nhello-pod   1/1     Running   0          6s    10.1.0.5   node-1\n',
    nodes: 'NAME     STATUS   ROLES    AGE   VERSION\nnode-1   Ready    <none>   6s    v1.34.1\nnode-2   Ready    <none>   6s    v1.34.1\n',
    events: 'LAST SEEN   TYPE     REASON      OBJECT          MESSAGE\n6s          Normal   Scheduled   pod/hello-pod   Successfully assigned default/hello-pod to node-1\n',
    services: 'NAME          TYPE       CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE   SELECTOR\nps-nodeport   NodePort   10.152.183.9   <none>        80:31111/TCP   5s    app=web\n',
    snapshot: {
      nodes: [{ name: 'node-1', ready: true, pods: ['hello-pod'] }, { name: 'node-2', ready: true, pods: [] }],
      pods: [{ name: 'hello-pod', namespace: 'default', node: 'node-1', status: 'Running', ready: '1/1', ip: '10.1.0.5', labels: 'app=web' }],
      services: [{ name: 'ps-nodeport', namespace: 'default', type: 'NodePort', clusterIP: '10.152.183.9', ports: '80:31111/TCP', selector: 'app=web', endpoints: [{ address: '10.1.0.5', pod: 'hello-pod', ready: true }] }],
      events: [{ seconds: 0, type: 'Normal', reason: 'Scheduled', object: 'pod/hello-pod', message: 'Successfully assigned default/hello-pod to node-1', count: 1 }],
    },
  };
  return r;
}
