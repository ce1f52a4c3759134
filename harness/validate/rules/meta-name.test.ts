import { describe, expect, it } from 'vitest';
import { metaNameRule } from './meta-name.ts';
import { causes } from './test-helpers.ts';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('meta-name rule', () => {
  it.each<[string, string, Record<string, unknown>, string[]]>([
    ['valid pod', 'Pod', { name: 'hello-pod' }, []],
    ['valid pod with dots', 'Pod', { name: 'web.v1' }, []],
    ['missing name', 'Pod', {}, ['metadata.name: Required value: name or generateName is required']],
    ['generateName is enough', 'Pod', { generateName: 'web-' }, []],
    ['bad generateName', 'Pod', { generateName: 'Web-' }, [`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}`]],
    ['upper-case pod', 'Pod', { name: 'Hello' }, [`metadata.name: Invalid value: "Hello": ${SUBDOMAIN}`]],
    ['long pod name gives length and regex', 'Pod', { name: 'a'.repeat(254) + '-' }, [
      `metadata.name: Invalid value: "${'a'.repeat(254)}-": must be no more than 253 characters`,
      `metadata.name: Invalid value: "${'a'.repeat(254)}-": ${SUBDOMAIN}`,
    ]],
    ['service starting with a digit', 'Service', { name: '1web' }, [`metadata.name: Invalid value: "1web": ${DNS1035}`]],
    ['service with a dot', 'Service', { name: 'web.v1' }, [`metadata.name: Invalid value: "web.v1": ${DNS1035}`]],
    ['namespace with dots', 'Namespace', { name: 'a.b' }, ['metadata.name: Invalid value: "a.b": must not contain dots']],
    ['namespace upper-case', 'Namespace', { name: 'Dev' }, [`metadata.name: Invalid value: "Dev": ${LABEL}`]],
    ['bad namespace field', 'Pod', { name: 'x', namespace: 'My_NS' }, [`metadata.namespace: Invalid value: "My_NS": ${LABEL}`]],
    ['deployment 1web is fine', 'Deployment', { name: '1web' }, []],
    ['configmap upper', 'ConfigMap', { name: 'Cfg' }, [`metadata.name: Invalid value: "Cfg": ${SUBDOMAIN}`]],
  ])('%s', (_t, kind, metadata, expected) => {
    expect(causes(metaNameRule, { kind, apiVersion: 'v1', metadata })).toEqual(expected);
  });
});
