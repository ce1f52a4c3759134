/** A JSON Schema node; `x-go` names the Go struct (for kubectl-style type errors). */
export type SchemaNode = Record<string, unknown>;

/** Builds a fixed Go struct: an object whose unknown keys are errors. */
export function struct(goName: string, properties: Record<string, SchemaNode>): SchemaNode {
  return { type: 'object', 'x-go': goName, additionalProperties: false, properties };
}

/** Builds an int field with its Go type. */
export const int = (goType = 'int32'): SchemaNode => ({ type: 'integer', 'x-gotype': goType });
export const str: SchemaNode = { type: 'string', 'x-gotype': 'string' };
export const bool: SchemaNode = { type: 'boolean', 'x-gotype': 'bool' };
/** A map of strings (labels, annotations, data, nodeSelector). */
export const strMap: SchemaNode = { type: 'object', additionalProperties: { type: 'string', 'x-gotype': 'string' }, 'x-gotype': 'map[string]string' };
/** Any object we do not describe in detail (unknown keys inside are not checked). */
export const anyObject = (goType = 'object'): SchemaNode => ({ type: 'object', 'x-gotype': goType });
export const intOrString: SchemaNode = { type: ['integer', 'string'], 'x-gotype': 'intstr.IntOrString' };
export const quantity: SchemaNode = { type: ['string', 'number'], 'x-gotype': 'resource.Quantity' };
export const quantityMap: SchemaNode = { type: 'object', additionalProperties: quantity, 'x-gotype': 'v1.ResourceList' };

/** Builds a list of the given items. */
export function arr(items: SchemaNode, goType?: string): SchemaNode {
  const itemGo = (items['x-go'] as string | undefined) ? `v1.${String(items['x-go'])}` : String(items['x-gotype'] ?? 'object');
  return { type: 'array', items, 'x-gotype': goType ?? `[]${itemGo}` };
}
