import type { GeneratorInput, GeneratorResult } from './types.ts';
import { flagValue, flagValues, meta } from './types.ts';

const RUN_USAGE = "See 'kubectl run -h' for help and examples";
const RESTART: Record<string, string> = { Always: 'Always', OnFailure: 'OnFailure', Never: 'Never' };

/**
 * Builds the Pod (and with `--expose` the ClusterIP Service) of `kubectl run NAME --image=…`.
 * kubectl run needs a server even with --dry-run=client, so this form is checked against hand-verified fixtures.
 */
export function runPod(input: GeneratorInput): GeneratorResult {
  const image = flagValue(input, 'image');
  if (image === undefined) return { ok: false, error: 'error: required flag(s) "image" not set' };
  if (input.args.length < 1) {
    return { ok: false, error: "error: NAME is required for run\nSee 'kubectl run -h' for help and examples" };
  }
  const name = input.args[0]!;
  const restartFlag = flagValue(input, 'restart') ?? 'Always';
  const restartPolicy = RESTART[restartFlag];
  if (restartPolicy === undefined) return { ok: false, error: `error: invalid restart policy: ${restartFlag}\n${RUN_USAGE}` };
  const labelsResult = parseLabels(flagValue(input, 'labels') ?? '', name);
  if (typeof labelsResult === 'string') return { ok: false, error: labelsResult };
  const portText = flagValue(input, 'port') ?? '';
  const expose = flagValue(input, 'expose') === 'true';
  if (expose && portText === '') return { ok: false, error: `error: --port must be set when exposing a service\n${RUN_USAGE}` };
  const container: Record<string, unknown> = { name, image };
  const extra = input.args.slice(1);
  if (extra.length > 0) container[flagValue(input, 'command') === 'true' ? 'command' : 'args'] = extra;
  if (portText !== '') {
    const port = Number(portText);
    if (!/^-?[0-9]+$/.test(portText) || !Number.isSafeInteger(port)) {
      return { ok: false, error: `error: strconv.Atoi: parsing ${JSON.stringify(portText)}: invalid syntax` };
    }
    container['ports'] = [{ containerPort: port }];
  }
  const env: { name: string; value: string }[] = [];
  for (const e of flagValues(input, 'env')) {
    const eq = e.indexOf('=');
    if (eq <= 0) return { ok: false, error: `error: invalid env: ${e}` };
    env.push({ name: e.slice(0, eq), value: e.slice(eq + 1) });
  }
  if (env.length > 0) container['env'] = env;
  container['resources'] = {};
  // Remaining fields follow the Go Container / PodSpec struct order, as kubectl's JSON output does.
  const pullPolicy = flagValue(input, 'image-pull-policy');
  if (pullPolicy) container['imagePullPolicy'] = pullPolicy;
  if (flagValue(input, 'stdin') === 'true') container['stdin'] = true;
  if (flagValue(input, 'tty') === 'true') container['tty'] = true;
  const metadata = meta(name, input, labelsResult);
  const annotations: Record<string, string> = {};
  for (const a of flagValues(input, 'annotations')) {
    const eq = a.indexOf('=');
    if (eq <= 0) return { ok: false, error: `error: invalid annotations format: ${a}` };
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (Object.keys(annotations).length > 0) {
    const sorted: Record<string, string> = {};
    for (const k of Object.keys(annotations).sort()) sorted[k] = annotations[k]!;
    metadata.annotations = sorted;
  }
  const podSpec: Record<string, unknown> = { containers: [container], restartPolicy, dnsPolicy: 'ClusterFirst' };
  const pod = { kind: 'Pod', apiVersion: 'v1', metadata, spec: podSpec, status: {} };
  if (!expose) return { ok: true, objects: [pod] };
  const port = Number(portText);
  const service = {
    kind: 'Service',
    apiVersion: 'v1',
    // The Service is labelled only when --labels was given explicitly.
    metadata: flagValues(input, 'labels').length > 0 ? meta(name, input, labelsResult) : meta(name, input),
    spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector: { ...labelsResult } },
    status: { loadBalancer: {} },
  };
  return { ok: true, objects: [service, pod] };
}

/** Parses `k=v,k2=v2` as kubectl run's --labels; defaults to `run=<name>`. */
function parseLabels(text: string, name: string): Record<string, string> | string {
  if (text === '') return { run: name };
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) return `error: unexpected label spec: ${part}`;
    out[kv[0]!] = kv[1]!;
  }
  // Go's encoding/json writes map keys sorted.
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(out).sort()) sorted[k] = out[k]!;
  return sorted;
}
