import type { FieldError } from '../types.ts';
import { asMap, MSG, sortedKeys } from './util.ts';
import type { Rule } from './util.ts';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

function keyErrors(key: string, field: string): FieldError[] {
  const out: FieldError[] = [];
  if (key.length > 253) out.push({ type: 'Invalid', field, value: key, detail: 'must be no more than 253 characters' });
  if (!CONFIG_KEY.test(key)) out.push({ type: 'Invalid', field, value: key, detail: MSG.configKey });
  if (key === '.' || key === '..') out.push({ type: 'Invalid', field, value: key, detail: `must not be '${key}'` });
  else if (key.startsWith('..')) out.push({ type: 'Invalid', field, value: key, detail: "must not start with '..'" });
  return out;
}

/** ConfigMap keys in data and binaryData, and the 1 MiB size limit. */
export const configMapRule: Rule = {
  id: 'configmap',
  kinds: ['ConfigMap'],
  check(obj) {
    const out: FieldError[] = [];
    const data = asMap(obj.data) ?? {};
    const bin = asMap(obj.binaryData) ?? {};
    let total = 0;
    for (const k of sortedKeys(data)) {
      out.push(...keyErrors(k, `data[${k}]`));
      total += k.length + (typeof data[k] === 'string' ? (data[k] as string).length : 0);
    }
    for (const k of sortedKeys(bin)) {
      out.push(...keyErrors(k, `binaryData[${k}]`));
      if (Object.prototype.hasOwnProperty.call(data, k)) out.push({ type: 'Invalid', field: `binaryData[${k}]`, value: k, detail: 'duplicate of key present in data' });
      total += k.length + (typeof bin[k] === 'string' ? (bin[k] as string).length : 0);
    }
    if (total > 1048576) out.push({ type: 'TooLong', field: '', detail: 'may not be more than 1048576 bytes' });
    return out;
  },
};
