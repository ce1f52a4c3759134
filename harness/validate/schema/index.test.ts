import { describe, expect, it } from 'vitest';
import { allowedKeysAt, checkStructure } from './index.ts';

const pod = (container: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'x', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx', ...container }] },
  ...extra,
});

describe('checkStructure', () => {
  it('accepts a valid pod', () => {
    expect(checkStructure('Pod', pod({ ports: [{ containerPort: 80 }] }))).toEqual([]);
  });
  it.each<[string, string, Record<string, unknown>, { code: string; field: string; message?: string }[]]>([
    ['unknown container field', 'Pod', pod({ port: 80 }), [{ code: 'unknown-field', field: 'spec.containers[0].port' }]],
    ['unknown top-level field', 'Pod', pod({}, { specs: {} }), [{ code: 'unknown-field', field: 'specs' }]],
    ['string containerPort', 'Pod', pod({ ports: [{ containerPort: '8080' }] }), [
      { code: 'wrong-type', field: 'spec.containers[0].ports[0].containerPort', message: 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32' },
    ]],
    ['containers as a map', 'Pod', { kind: 'Pod', spec: { containers: { name: 'x' } } }, [
      { code: 'wrong-type', field: 'spec.containers', message: 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container' },
    ]],
    ['label value a number', 'Pod', { kind: 'Pod', metadata: { labels: { tier: 1 } } }, [
      { code: 'wrong-type', field: 'metadata.labels.tier', message: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string' },
    ]],
    ['replicas too big for int32', 'Deployment', { kind: 'Deployment', spec: { replicas: 99999999999 } }, [
      { code: 'wrong-type', field: 'spec.replicas', message: 'json: cannot unmarshal number 99999999999 into Go struct field DeploymentSpec.spec.replicas of type int32' },
    ]],
    ['float port', 'Service', { kind: 'Service', spec: { ports: [{ port: 80.5 }] } }, [
      { code: 'wrong-type', field: 'spec.ports[0].port', message: 'json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.port of type int32' },
    ]],
    ['null is accepted like Go does', 'Pod', { kind: 'Pod', metadata: null, spec: { containers: null } }, []],
    ['targetPort string is fine', 'Service', { kind: 'Service', spec: { ports: [{ port: 80, targetPort: 'http' }] } }, []],
    ['unknown configmap field', 'ConfigMap', { kind: 'ConfigMap', date: {} }, [{ code: 'unknown-field', field: 'date' }]],
    ['nodeAffinity typo', 'Pod', pod({}, { spec: { containers: [], affinity: { nodeAffinity: { requiredDuringScheduling: {} } } } }), [
      { code: 'unknown-field', field: 'spec.affinity.nodeAffinity.requiredDuringScheduling' },
    ]],
  ])('%s', (_t, kind, value, expected) => {
    const got = checkStructure(kind, value);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(got[i]).toMatchObject(e));
  });
});

describe('allowedKeysAt', () => {
  it('lists the container fields inside a list item', () => {
    expect(allowedKeysAt('Pod', ['spec', 'containers', 0])).toContain('imagePullPolicy');
  });
  it('lists nothing inside free-form maps', () => {
    expect(allowedKeysAt('Pod', ['metadata', 'labels'])).toEqual([]);
  });
});
