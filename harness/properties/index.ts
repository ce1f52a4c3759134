export { runProperty, type RunPropertyOptions } from './runner.ts';
export { propertyResult } from './result.ts';
export { createManifestSetup, type ManifestSetupOptions } from './setup.ts';
export { propertySchema, toProperties, PROPERTY_DEFAULTS, type RawProperty } from './spec.ts';
export { faultKinds, getFault } from './faults/registry.ts';
export { permute } from './permute.ts';
export type { FaultAction, FaultDefinition, FaultEntry, PropertyOutcome, PropertySpec, ScenarioSetup, ScenarioStart, World } from './types.ts';
