import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compareText } from './layout.ts';
import { canonicalLines, fingerprintOf } from './fingerprint.ts';
import { similarPairs } from './similarity.ts';
import { fastParseYaml } from '../load/fast-yaml.ts';

const entry = (path: string, text: string) => ({ path, bytes: Buffer.from(text), symlink: false });
const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web, tier: front}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports: [{containerPort: 80}]\n';

describe('canonicalLines', () => {
  it('ignores comments, formatting and key order', () => {
    const reformatted = '# my pod\nkind: Pod\napiVersion: v1\nspec: {containers: [{image: "nginx:1.27", name: web, ports: [{containerPort: 80}]}]}\nmetadata: {labels: {tier: front, app: web}, name: web}\n';
    expect(canonicalLines('01', [entry('a.yaml', reformatted)]).sort()).toEqual(canonicalLines('01', [entry('b.yml', pod)]).sort());
  });
  it('reads plain block YAML (the fast reader) exactly as the full parser reads the same manifests in flow style', () => {
    const block = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\n    version: "1.0"\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n      tty: true\n      env:\n        - name: RATIO\n          value: \'0.5\'\n---\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 85\n';
    const flow = '{apiVersion: v1, kind: Pod, metadata: {name: web, labels: {app: web, version: "1.0"}}, spec: {containers: [{name: web, image: nginx:1.27, ports: [{containerPort: 80}], tty: true, env: [{name: RATIO, value: "0.5"}]}]}}\n---\n{kind: Service, metadata: {name: web}, spec: {ports: [{port: 85}]}}\n';
    expect(fastParseYaml(block, 64)).toBeDefined();
    expect(fastParseYaml(flow, 64)).toBeUndefined();
    const lines = canonicalLines('01', [entry('a.yaml', block)]);
    expect(lines).toEqual(canonicalLines('01', [entry('a.yaml', flow)]));
    expect(lines).toContain('01 Service/web /spec/ports/0/port 85');
    expect(lines).toContain('01 Pod/web /metadata/labels/version "1.0"');
  });
  it('reads JSON manifests and command scripts, and skips binary files and symlinks', () => {
    const lines = canonicalLines('04', [
      entry('pod.json', '{"kind":"Pod","metadata":{"name":"x"}}'),
      entry('commands.sh', 'kubectl   expose pod x --port 80   # expose it\n\n'),
      { path: 'bin.yaml', bytes: Buffer.from([0, 1, 2]), symlink: false },
      { path: 'link.yaml', bytes: Buffer.from('symlink:/etc/passwd'), symlink: true },
    ]);
    expect(lines).toEqual(['04 Pod/x /kind "Pod"', '04 Pod/x /metadata/name "x"', '04 sh kubectl expose pod x --port 80']);
  });
  it('prints no parser warning for an odd learner file (a collection as a key)', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      expect(canonicalLines('01', [entry('odd.yaml', '? [a, b]\n: 1\n')])).toHaveLength(1);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
  it('survives an alias bomb and unparsable YAML', () => {
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    expect(() => canonicalLines('01', [entry('bomb.yaml', bomb), entry('bad.yaml', 'a: [\n')])).not.toThrow();
  });
});

describe('similarPairs', () => {
  const fp = (n: number, from = 0) => fingerprintOf(Array.from({ length: n }, (_, i) => `line ${i + from}`));
  it('flags identical and near-identical learners, not different ones, most similar first', () => {
    const pairs = similarPairs([
      { learner: 'carol', fingerprint: fp(20) },
      { learner: 'alice', fingerprint: fp(20) },
      { learner: 'bob', fingerprint: fp(21) },
      { learner: 'dave', fingerprint: fp(20, 10) },
    ]);
    expect(pairs).toEqual([
      { a: 'alice', b: 'carol', similarity: 1, identical: true, shared: 20 },
      { a: 'alice', b: 'bob', similarity: 0.952, identical: false, shared: 20 },
      { a: 'bob', b: 'carol', similarity: 0.952, identical: false, shared: 20 },
    ]);
  });
  it('ignores near-empty submissions', () => {
    expect(similarPairs([{ learner: 'a', fingerprint: fp(2) }, { learner: 'b', fingerprint: fp(2) }])).toEqual([]);
  });
});

/** The plain all-pairs definition (the implementation groups identical sets and prunes by size; results must not differ). */
function allPairs(fingerprints: readonly { learner: string; fingerprint: readonly string[] }[], threshold: number, minLines: number) {
  const sets = fingerprints
    .filter((f) => f.fingerprint.length >= minLines)
    .sort((x, y) => compareText(x.learner, y.learner))
    .map((f) => ({ learner: f.learner, set: new Set(f.fingerprint) }));
  const pairs = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const [a, b] = [sets[i]!, sets[j]!];
      let shared = 0;
      for (const h of a.set) if (b.set.has(h)) shared++;
      const jaccard = shared / (a.set.size + b.set.size - shared);
      if (jaccard >= threshold) pairs.push({ a: a.learner, b: b.learner, similarity: Math.round(jaccard * 1000) / 1000, identical: shared === a.set.size && shared === b.set.size, shared });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || compareText(x.a, y.a) || compareText(x.b, y.b));
}

describe('similarPairs against the all-pairs definition', () => {
  it('finds the same pairs for any class (duplicates, repeated lines, any threshold)', () => {
    const learner = fc.record({ learner: fc.string({ minLength: 1, maxLength: 3 }), fingerprint: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 12 }) });
    const classes = fc.uniqueArray(learner, { selector: (l) => l.learner, maxLength: 14 });
    fc.assert(
      fc.property(classes, fc.double({ min: 0.3, max: 1.01, noNaN: true }), fc.integer({ min: 0, max: 6 }), (learners, threshold, minLines) => {
        expect(similarPairs(learners, { threshold, minLines })).toEqual(allPairs(learners, threshold, minLines));
      }),
      { numRuns: 300 },
    );
  });
});
