import type { KubeObject } from '../core/kube.ts';
import { webDeploy } from '../engine/controllers/testing-workloads.ts';
import { podManifest, testCatalog } from '../engine/testing-helpers.ts';
import { createManifestSetup } from './setup.ts';
import type { FaultEntry, PropertySpec, ScenarioSetup } from './types.ts';

/** A labelled web Pod (for tests). */
export function webPod(name: string): KubeObject {
  const pod = podManifest(name, { image: 'nigelpoulton/getting-started-k8s:1.0', ports: [{ containerPort: 8080 }] });
  pod.metadata.labels = { app: 'web' };
  return pod;
}

/** The NodePort Service `web-svc` on 31111 selecting app=web (for tests). */
export const webService: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web-svc' },
  spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, nodePort: 31111 }] },
};

/** A setup applying `objects` (file name = `<kind>.yml`, lower-case) and the web Service on a 2-node cluster (for tests). */
export function webSetup(objects: KubeObject[], seed = 7): ScenarioSetup {
  const manifests = [...objects, webService].map((object) => ({ file: `${object.kind === 'Service' ? 'svc' : object.kind.toLowerCase()}.yml`, object }));
  return createManifestSetup({ images: testCatalog(), seed, nodes: 2, manifests, settleSeconds: 300 });
}

/** The web Deployment with n replicas (for tests). */
export const deployment = (replicas: number): KubeObject => webDeploy({ replicas, name: 'web' });

/** The web Deployment with n replicas whose Pods are Ready only once they answer on 8080 (for tests). */
export function probedDeployment(replicas: number): KubeObject {
  const d = deployment(replicas);
  d.spec.template.spec.containers[0].readinessProbe = { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 };
  return d;
}

/** The invariant "the NodePort answers 200" (for tests). */
export const answers = { kind: 'request', params: { from: 'outside', url: 'http://node-1:31111/', status: 200 } };

/** A property with test defaults: 20 scenarios, 4 steps (for tests). */
export function property(invariant: PropertySpec['invariant'], faults: FaultEntry[], extra: Partial<PropertySpec> = {}): PropertySpec {
  return { id: 'keeps-answering', title: 'keeps answering', points: 4, visibility: 'visible', invariant, faults, scenarios: 20, steps: 4, exhaustive: false, partialCredit: false, recoverSeconds: 0, ...extra };
}

/** Fault entries by name with no parameters (for tests). */
export const faults = (...names: string[]): FaultEntry[] => names.map((name) => ({ name, params: {} }));
