import type { Rule } from './util.ts';

/** The API server's deprecation warning for every request on v1 Endpoints (Kubernetes 1.33+). */
export const ENDPOINTS_DEPRECATED = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

/** Warns, as the 1.33+ API server does, that v1 Endpoints is deprecated in favour of EndpointSlice. */
export const endpointsDeprecationRule: Rule = {
  id: 'endpoints-deprecation',
  kinds: ['Endpoints'],
  check(_obj, ctx) {
    ctx.warnings.push(ENDPOINTS_DEPRECATED);
    return [];
  },
};
