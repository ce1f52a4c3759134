import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { parseManifestText } from '../load/index.ts';
import { validateDocuments } from '../validate/index.ts';

const deploy = resolve(import.meta.dirname, '..', '..', 'deploy');
const text = readFileSync(resolve(deploy, 'batch-job.yaml'), 'utf8');
const [batch, merge] = parseAllDocuments(text).map((d) => d.toJS()) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('deploy/batch-job.yaml', () => {
  it('parses with kubegrade\'s own loader and passes its validator (deploy-job.test.ts runs it on the simulated cluster)', () => {
    const parsed = parseManifestText('batch-job.yaml', text);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(parsed.documents.map((d) => (d.value as { kind: string }).kind)).toEqual(['Job', 'Job']);
    const result = validateDocuments(parsed.documents);
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(result.resources).toHaveLength(2);
  });

  it('is an Indexed Job whose completions, parallelism, --shard and merge list agree on n', () => {
    expect(batch!.kind).toBe('Job');
    expect(batch!.apiVersion).toBe('batch/v1');
    const spec = batch!.spec;
    expect(spec.completionMode).toBe('Indexed');
    const n = spec.completions as number;
    expect(spec.parallelism).toBe(n);
    expect(spec.template.spec.restartPolicy).toBe('Never');
    const args = spec.template.spec.containers[0].args as string[];
    expect(args.slice(0, 2)).toEqual(['batch', '/submissions']);
    expect(args[args.indexOf('--shard') + 1]).toBe(`$(JOB_COMPLETION_INDEX)/${n}`);
    expect(args[args.indexOf('--out') + 1]).toBe('/out/shard-$(JOB_COMPLETION_INDEX)');
    const mergeArgs = merge!.spec.template.spec.containers[0].args as string[];
    expect(mergeArgs).toEqual(['merge', ...Array.from({ length: n }, (_, i) => `/out/shard-${i}`), '--out', '/out/merged']);
  });

  it('the GitHub matrix example shards the same way and merges every shard', () => {
    const wf = parse(readFileSync(resolve(deploy, 'github-matrix.yml'), 'utf8'));
    const shards = wf.jobs.grade.strategy.matrix.shard as number[];
    const run = (wf.jobs.grade.steps as { run?: string }[]).map((s) => s.run ?? '').join('\n');
    expect(run).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    const mergeRun = (wf.jobs.merge.steps as { run?: string }[]).map((s) => s.run ?? '').join('\n');
    expect(mergeRun).toContain(`merge ${shards.map((i) => `out/shard-${i}`).join(' ')} --out gradebook`);
  });

  it('the Dockerfile starts from node:20-slim, installs with npm ci and runs kubegrade', () => {
    const dockerfile = readFileSync(resolve(deploy, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["kubegrade"\]$/m);
  });
});
