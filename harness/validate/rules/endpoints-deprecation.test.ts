import { describe, expect, it } from 'vitest';
import { validateObject } from '../object.ts';
import { ENDPOINTS_DEPRECATED } from './endpoints-deprecation.ts';

describe('endpoints deprecation warning', () => {
  it.each([
    ['v1 Endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' }, subsets: [] }, [ENDPOINTS_DEPRECATED]],
    ['an EndpointSlice', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-a' }, addressType: 'IPv4', endpoints: [] }, []],
    ['a Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } }, []],
  ])('%s', (_t, obj, expected) => {
    expect(validateObject(obj as never).warnings).toEqual(expected);
  });
});
