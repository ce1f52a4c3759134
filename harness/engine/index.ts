export { createCluster } from './cluster.ts';
export type { SimCluster, ClusterInternals } from './cluster.ts';
export { loadImageCatalog, parseImageReference } from './images.ts';
export { applyDefaults } from './api/defaults.ts';
export { setObjectValidator } from './api/validation-adapter.ts';
export { parseQuantity } from './quantity.ts';
export type * from './types.ts';
