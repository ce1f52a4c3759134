import { describe, expect, it } from 'vitest';
import { podSpecRule } from './pod-spec.ts';
import { causes, podWith, warningsOf } from './test-helpers.ts';

const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const c0 = 'spec.containers[0]';

describe('pod-spec rule', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid pod', podWith({}, { ports: [{ containerPort: 80, protocol: 'TCP' }] }), []],
    ['no containers', podWith({ containers: [] }), ['spec.containers: Required value']],
    ['no spec', { kind: 'Pod', metadata: { name: 'x' } }, ['spec.containers: Required value']],
    ['empty container name', podWith({}, { name: '' }), [`${c0}.name: Required value`]],
    ['bad container name', podWith({}, { name: 'My_C' }), [`${c0}.name: Invalid value: "My_C": ${LABEL}`]],
    ['duplicate container name', podWith({ containers: [{ name: 'web', image: 'a' }, { name: 'web', image: 'b' }] }), ['spec.containers[1].name: Duplicate value: "web"']],
    ['duplicate with init container', podWith({ initContainers: [{ name: 'web', image: 'a' }] }), ['spec.containers[0].name: Duplicate value: "web"']],
    ['image missing', podWith({}, { image: undefined }), [`${c0}.image: Required value`]],
    ['image with whitespace', podWith({}, { image: ' nginx' }), [`${c0}.image: Invalid value: " nginx": must not have leading or trailing whitespace`]],
    ['containerPort 0', podWith({}, { ports: [{ containerPort: 0 }] }), [`${c0}.ports[0].containerPort: Required value`]],
    ['containerPort missing', podWith({}, { ports: [{ name: 'http' }] }), [`${c0}.ports[0].containerPort: Required value`]],
    ['containerPort out of range', podWith({}, { ports: [{ containerPort: 70000 }] }), [`${c0}.ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`]],
    ['hostPort out of range', podWith({}, { ports: [{ containerPort: 80, hostPort: 70000 }] }), [`${c0}.ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive`]],
    ['bad protocol', podWith({}, { ports: [{ containerPort: 80, protocol: 'tcp' }] }), [`${c0}.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"`]],
    ['bad port name', podWith({}, { ports: [{ containerPort: 80, name: 'http_port' }] }), [`${c0}.ports[0].name: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`]],
    ['numeric port name', podWith({}, { ports: [{ containerPort: 80, name: '8080' }] }), [`${c0}.ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)`]],
    ['duplicate port name in one container', podWith({}, { ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] }), [`${c0}.ports[1].name: Duplicate value: "http"`]],
    ['duplicate hostPort across containers', podWith({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] }, { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080 }] }] }), ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"']],
    ['duplicate containerPort is not an error', podWith({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80 }] }, { name: 'b', image: 'x', ports: [{ containerPort: 80 }] }] }), []],
    ['bad restartPolicy', podWith({ restartPolicy: 'always' }), ['spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"']],
    ['bad imagePullPolicy', podWith({}, { imagePullPolicy: 'always' }), [`${c0}.imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"`]],
    ['negative probe period', podWith({}, { livenessProbe: { httpGet: { port: 80 }, periodSeconds: -1 } }), [`${c0}.livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0`]],
    ['liveness successThreshold 2', podWith({}, { livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }), [`${c0}.livenessProbe.successThreshold: Invalid value: 2: must be 1`]],
    ['readiness successThreshold 2 is fine', podWith({}, { readinessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }), []],
    ['probe without handler', podWith({}, { readinessProbe: { periodSeconds: 5 } }), [`${c0}.readinessProbe: Required value: must specify a handler type`]],
    ['probe with two handlers', podWith({}, { startupProbe: { httpGet: { port: 80 }, tcpSocket: { port: 80 } } }), [`${c0}.startupProbe.tcpSocket: Forbidden: may not specify more than 1 handler type`]],
    ['probe port name bad', podWith({}, { livenessProbe: { httpGet: { port: 'http_x' } } }), [`${c0}.livenessProbe.httpGet.port: Invalid value: "http_x": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`]],
    ['nodeSelector like labels', podWith({ nodeSelector: { disk: 'fast ssd' } }), [expect.stringMatching(/^spec\.nodeSelector: Invalid value: "fast ssd": a valid label must be/) as unknown as string]],
    ['hostile shapes are skipped', { kind: 'Pod', metadata: {}, spec: { containers: [null, 'x', 5] } }, []],
    ['containers as a string', { kind: 'Pod', metadata: {}, spec: { containers: 'nginx' } }, ['spec.containers: Required value']],
  ])('%s', (_t, obj, expected) => {
    expect(causes(podSpecRule, obj)).toEqual(expected);
  });

  it('warns about the same containerPort twice', () => {
    const obj = podWith({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80 }] }, { name: 'b', image: 'x', ports: [{ containerPort: 80 }] }] });
    expect(warningsOf(podSpecRule, obj)).toEqual(['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]']);
  });
  it('does not warn for the same port on different protocols', () => {
    const obj = podWith({}, { ports: [{ containerPort: 53, protocol: 'TCP' }, { containerPort: 53, protocol: 'UDP' }] });
    expect(warningsOf(podSpecRule, obj)).toEqual([]);
  });
});
