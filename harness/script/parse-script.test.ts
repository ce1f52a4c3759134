import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandScript } from './parse-script.ts';

const argvOf = (text: string) => parseCommandScript('commands.sh', text).commands.map((c) => c.argv);
const codesOf = (text: string) => parseCommandScript('commands.sh', text).issues.map((i) => i.code);

describe('parseCommandScript word splitting', () => {
  it.each([
    ['kubectl get pods', [['get', 'pods']]],
    ['  kubectl   get\tpods  ', [['get', 'pods']]],
    ['microk8s kubectl get pods', [['get', 'pods']]],
    ['microk8s.kubectl get pods', [['get', 'pods']]],
    ['kubectl get pods # all of them', [['get', 'pods']]],
    ['# a comment\n\n\nkubectl get pods\n', [['get', 'pods']]],
    ['#!/bin/bash\nkubectl get pods', [['get', 'pods']]],
    ['kubectl label pod web a=b#c', [['label', 'pod', 'web', 'a=b#c']]],
    ["kubectl get pods -l 'app in (web, api)'", [['get', 'pods', '-l', 'app in (web, api)']]],
    ["kubectl annotate pod x 'note=it''s'", [['annotate', 'pod', 'x', 'note=its']]],
    ['kubectl create cm c --from-literal="msg=hello world"', [['create', 'cm', 'c', '--from-literal=msg=hello world']]],
    ['kubectl create cm c --from-literal="q=\\"x\\" \\\\ \\$HOME"', [['create', 'cm', 'c', '--from-literal=q="x" \\ $HOME']]],
    ['kubectl create cm c --from-literal="a=\\n"', [['create', 'cm', 'c', '--from-literal=a=\\n']]],
    ["kubectl get pods -o 'jsonpath={.items[*].metadata.name}'", [['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']]],
    ['kubectl get pods -o jsonpath="{$.items}"', [['get', 'pods', '-o', 'jsonpath={$.items}']]],
    ['kubectl annotate pod x a=""', [['annotate', 'pod', 'x', 'a=']]],
    ["kubectl run x --image=busybox -- sh -c 'echo hi'", [['run', 'x', '--image=busybox', '--', 'sh', '-c', 'echo hi']]],
    ['kubectl get pods \\\n  -o wide', [['get', 'pods', '-o', 'wide']]],
    ['kubectl get pods \\\r\n  -o wide\r\nkubectl get svc\r\n', [['get', 'pods', '-o', 'wide'], ['get', 'svc']]],
    ['kubectl get \\pods', [['get', 'pods']]],
    ['kubectl get price=5$', [['get', 'price=5$']]],
    ['kubectl', [[]]],
  ])('%j', (text, expected) => {
    const r = parseCommandScript('commands.sh', text);
    expect(r.issues).toEqual([]);
    expect(r.commands.map((c) => c.argv)).toEqual(expected);
  });
});

describe('parseCommandScript positions', () => {
  it('reports line, column, endLine and source text of each command', () => {
    const text = '# setup\n  kubectl create deployment web \\\n    --image=nginx\n\nkubectl get pods   # check\n';
    expect(parseCommandScript('commands.sh', text).commands).toEqual([
      { argv: ['create', 'deployment', 'web', '--image=nginx'], line: 2, column: 3, endLine: 3, text: 'kubectl create deployment web \\\n    --image=nginx' },
      { argv: ['get', 'pods'], line: 5, column: 1, endLine: 5, text: 'kubectl get pods' },
    ]);
  });

  it('points a shell-syntax issue at the construct and keeps the other lines', () => {
    const r = parseCommandScript('c.sh', 'kubectl get pods\nkubectl get pods | grep web\nkubectl get svc');
    expect(r.commands.map((c) => c.line)).toEqual([1, 3]);
    expect(r.issues).toMatchObject([{ code: 'script/shell-syntax', file: 'c.sh', line: 2, column: 18, params: { line: 2, construct: 'a pipe `|`' } }]);
    expect(r.issues[0]!.message).toBe('line 2: a pipe `|` is shell syntax, but nothing here is run by a shell; this line was not run');
  });
});

describe('parseCommandScript diagnostics', () => {
  it.each([
    ['kubectl get pods | grep web', 'a pipe `|`'],
    ['kubectl get pods || true', 'the or-list `||`'],
    ['kubectl get pods; kubectl get svc', 'the command separator `;`'],
    ['kubectl apply -f a.yaml && kubectl get pods', 'the and-list `&&`'],
    ['kubectl get pods > out.txt', 'a redirect `>`'],
    ['kubectl get pods >> out.txt', 'a redirect `>`'],
    ['kubectl apply -f - < pod.yaml', 'a redirect `<`'],
    ['kubectl get pods 2>&1', 'a redirect `>`'],
    ['kubectl logs $(kubectl get pods -o name)', 'command substitution (`$(…)`)'],
    ['kubectl logs "$(kubectl get pods -o name)"', 'command substitution (`$(…)`)'],
    ['kubectl logs `kubectl get pods -o name`', 'command substitution with backticks (`…`)'],
    ['kubectl get pods -n $NS', 'variable expansion (`$VAR`)'],
    ['kubectl get pods -n ${NS}', 'variable expansion (`$VAR`)'],
    ['kubectl get pods -n "$NS"', 'variable expansion (`$VAR`)'],
    ['kubectl get pods -n $1', 'variable expansion (`$VAR`)'],
    ['kubectl port-forward svc/web 8080:80 &', 'running in the background with `&`'],
    ['(kubectl get pods)', 'a subshell `( … )`'],
    ['kubectl apply -f - <<<"x"', 'a here-string `<<<`'],
  ])('%s → %s', (text, construct) => {
    const r = parseCommandScript('commands.sh', text);
    expect(r.commands).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'script/shell-syntax', params: { construct } });
  });

  it('skips the body of a here-doc and resumes after its delimiter', () => {
    const text = "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nEOF\nkubectl get pods\ncat <<-'END'\n\tdocker ps\n\tEND\nkubectl get svc";
    const r = parseCommandScript('commands.sh', text);
    expect(r.commands.map((c) => [c.line, c.argv])).toEqual([
      [5, ['get', 'pods']],
      [9, ['get', 'svc']],
    ]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([
      ['script/shell-syntax', 1],
      ['script/shell-syntax', 6],
    ]);
  });

  it.each([
    ['docker ps', 'docker', undefined],
    ['echo done', 'echo', undefined],
    ['k get pods', 'k', 'alias'],
    ['sudo kubectl get pods', 'sudo', 'sudo'],
    ['microk8s status', 'microk8s', undefined],
    ['NS=dev kubectl get pods', 'NS=…', undefined],
    ['"kubectl get pods"', 'kubectl get pods', undefined],
  ])('%s is not a kubectl command', (text, name, reason) => {
    const r = parseCommandScript('commands.sh', `kubectl get pods\n\n${text}`);
    expect(r.commands).toHaveLength(1);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'script/not-kubectl', line: 3, column: 1, params: { line: 3, name } });
    expect(r.issues[0]!.params?.['reason']).toBe(reason);
    expect(r.issues[0]!.message).toBe(`line 3: only kubectl commands are run here; \`${name}\` was not run`);
  });

  it('gives sudo a hint to drop it', () => {
    expect(parseCommandScript('c.sh', 'sudo kubectl get pods').issues[0]!.hint).toMatch(/drop `sudo`/);
  });

  it.each([
    ["kubectl get pods\nkubectl annotate pod x 'note=open\nkubectl get svc", 'single', 2, 24],
    ['kubectl annotate pod x "note=open', 'double', 1, 24],
    ['kubectl annotate pod x "a=\\"', 'double', 1, 24],
  ])('reports an unterminated %#', (text, quote, line, column) => {
    const r = parseCommandScript('commands.sh', text);
    expect(r.issues).toMatchObject([{ code: 'script/unterminated-quote', line, column, params: { quote } }]);
    expect(r.commands.every((c) => c.line < line)).toBe(true);
  });

  it('runs only the first 200 commands', () => {
    const r = parseCommandScript('c.sh', 'kubectl get pods\n'.repeat(205));
    expect(r.commands).toHaveLength(200);
    expect(codesOf('kubectl get pods\n'.repeat(200))).toEqual([]);
    expect(r.issues).toMatchObject([{ code: 'script/too-long', line: 201, params: { what: 'commands', count: 205, limit: 200 } }]);
  });

  it('skips a line over 10,000 characters and runs the others', () => {
    const long = `kubectl label pod x a=${'v'.repeat(10_000)}`;
    const r = parseCommandScript('c.sh', `kubectl get pods\n${long}\nkubectl get svc`);
    expect(r.commands.map((c) => c.argv)).toEqual([['get', 'pods'], ['get', 'svc']]);
    expect(r.issues).toMatchObject([{ code: 'script/too-long', line: 2, params: { what: 'line', count: long.length, limit: 10_000 } }]);
    expect(argvOf(`kubectl label pod x a=${'v'.repeat(10_000 - 22)}`)).toHaveLength(1);
  });

  it('treats non-string input as an empty script', () => {
    expect(parseCommandScript('c.sh', null as unknown as string)).toEqual({ commands: [], issues: [] });
  });
});

describe('parseCommandScript properties', () => {
  it('never throws and reports positions inside the text, on arbitrary text', () => {
    const shellish = fc.stringMatching(/^[a-z \n'"\\$`|;&<>()#={}\r\t-]{0,80}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), shellish), (text) => {
        const r = parseCommandScript('c.sh', text);
        const lines = text.split('\n').length;
        for (const c of r.commands) {
          expect(c.line).toBeGreaterThanOrEqual(1);
          expect(c.endLine).toBeGreaterThanOrEqual(c.line);
          expect(c.endLine).toBeLessThanOrEqual(lines);
          expect(text.includes(c.text)).toBe(true);
        }
        for (const i of r.issues) expect(i.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips single-quoted words', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 10 }).filter((s) => !s.includes("'")), { maxLength: 5 }), (words) => {
        const text = ['kubectl', ...words.map((w) => `'${w}'`)].join(' ');
        expect(argvOf(text)).toEqual([words]);
      }),
    );
  });
});
