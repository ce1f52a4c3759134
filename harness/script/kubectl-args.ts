import { GLOBAL_FLAGS, KUBECTL_COMMANDS, OTHER_KUBECTL_COMMANDS, type CommandSpec, type FlagSpec } from './kubectl-flags.ts';

/** A kubectl command line split the way kubectl (cobra + pflag) splits it. */
export interface KubectlInvocation {
  /** Command path without `kubectl`, e.g. `get`, `create deployment`, `create service nodeport`, `set image`. */
  verb: string;
  /** Positional arguments after the command path. */
  args: string[];
  /** Values per long flag name, in the order given (a repeated flag keeps every value; bare bools read `true`). */
  flags: Map<string, string[]>;
  /** Warnings kubectl prints to stderr for this command line (e.g. bare `--dry-run`). */
  warnings: string[];
}

export type KubectlArgsResult =
  | { ok: true; command: KubectlInvocation }
  /** `kind: 'kubectl'` means `error` is kubectl's own stderr text; `unsupported` means a real command this grader does not run. */
  | { ok: false; kind: 'kubectl' | 'unsupported'; error: string };

const ROOT: CommandSpec = { path: '', flags: [] };

/** Flags whose Go type is int32, so larger values are out of range. */
const INT32_FLAGS = new Set(['replicas', 'port', 'v', 'current-replicas']);

/** Parses kubectl's argv (without `kubectl`) into command path, positional args and flags, with kubectl's error texts. */
export function parseKubectlArgs(argv: readonly string[]): KubectlArgsResult {
  const words = argv.map((a) => String(a));
  const found = findCommand(words);
  if ('error' in found) return { ok: false, kind: found.kind, error: found.error };
  const { spec, pathIdx } = found;
  const parsed = parseFlags(words, pathIdx, spec);
  if (parsed.error !== undefined) return { ok: false, kind: 'kubectl', error: parsed.error };
  return { ok: true, command: { verb: spec.path, args: parsed.args, flags: parsed.flags, warnings: parsed.warnings } };
}

interface FlagParse {
  args: string[];
  flags: Map<string, string[]>;
  warnings: string[];
  error?: string;
}

/** Parses flags the way pflag does for one command, skipping the words that named the command path. */
function parseFlags(words: string[], pathIdx: ReadonlySet<number>, spec: CommandSpec): FlagParse {
  const flagSpecs = [...spec.flags, ...GLOBAL_FLAGS];
  const usage = spec.path === '' ? "See 'kubectl --help' for usage." : `See 'kubectl ${spec.path} --help' for usage.`;
  const flags = new Map<string, string[]>();
  const args: string[] = [];
  const warnings: string[] = [];
  const add = (f: FlagSpec, v: string): string | undefined => {
    const err = checkValue(f, v);
    if (err) return `${err}\n${usage}`;
    const list = flags.get(f.name) ?? [];
    list.push(v);
    flags.set(f.name, list);
    if (f.name === 'dry-run' && v === 'unchanged') {
      warnings.push('--dry-run is deprecated and can be replaced with --dry-run=client.');
    }
    return undefined;
  };
  const fail = (error: string): FlagParse => ({ args, flags, warnings, error });
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (pathIdx.has(k)) continue;
    if (w === '--') {
      args.push(...words.slice(k + 1));
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      const f = flagSpecs.find((x) => x.name === name);
      if (!f) return fail(`error: unknown flag: --${name}\n${usage}`);
      let value: string;
      if (eq >= 0) value = w.slice(eq + 1);
      else if (f.kind === 'bool') value = 'true';
      else if (f.kind === 'optional') value = f.noOptDefault ?? '';
      else if (k + 1 < words.length) value = words[++k]!;
      else return fail(`error: flag needs an argument: --${name}\n${usage}`);
      const err = add(f, value);
      if (err) return fail(err);
      continue;
    }
    if (w.startsWith('-') && w.length > 1 && w !== '-') {
      // Shorthand cluster: `-it`, `-oyaml`, `-o=yaml`, `-n ns`.
      for (let p = 1; p < w.length; p++) {
        const ch = w[p]!;
        const f = flagSpecs.find((x) => x.short === ch);
        if (!f) return fail(`error: unknown shorthand flag: '${ch}' in -${w.slice(p)}\n${usage}`);
        const rest = w.slice(p + 1);
        if (f.kind === 'bool') {
          if (rest.startsWith('=')) {
            const err = add(f, rest.slice(1));
            if (err) return fail(err);
            break;
          }
          const err = add(f, 'true');
          if (err) return fail(err);
          continue;
        }
        let value: string;
        if (rest.startsWith('=')) value = rest.slice(1);
        else if (rest !== '') value = rest;
        else if (f.kind === 'optional') value = f.noOptDefault ?? '';
        else if (k + 1 < words.length) value = words[++k]!;
        else return fail(`error: flag needs an argument: '${ch}' in -${ch}\n${usage}`);
        const err = add(f, value);
        if (err) return fail(err);
        break;
      }
      continue;
    }
    args.push(w);
  }
  return { args, flags, warnings };
}

/** Returns the last value given for a flag (pflag keeps the last one for scalar flags). */
export function lastFlag(flags: ReadonlyMap<string, string[]>, name: string): string | undefined {
  const list = flags.get(name);
  return list && list.length > 0 ? list[list.length - 1] : undefined;
}

function flagLabel(f: FlagSpec): string {
  return f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

function checkValue(f: FlagSpec, v: string): string | undefined {
  if (f.kind === 'bool' && !/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(v)) {
    return `error: invalid argument "${v}" for "${flagLabel(f)}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`;
  }
  if (f.kind === 'int') {
    const m = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|[1-9][0-9]*)$/.exec(v.replaceAll('_', ''));
    if (!m) {
      return `error: invalid argument "${v}" for "${flagLabel(f)}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`;
    }
    const bits = INT32_FLAGS.has(f.name) ? 31n : 63n;
    const n = parseGoInt(v.replaceAll('_', ''));
    if (n >= 1n << bits || n < -(1n << bits)) {
      return `error: invalid argument "${v}" for "${flagLabel(f)}" flag: strconv.ParseInt: parsing "${v}": value out of range`;
    }
  }
  return undefined;
}

function parseGoInt(v: string): bigint {
  const neg = v.startsWith('-');
  const body = v.replace(/^[+-]/, '');
  let n: bigint;
  if (/^0[xX]/.test(body)) n = BigInt(body);
  else if (/^0[oO]/.test(body)) n = BigInt('0o' + body.slice(2));
  else if (/^0[0-7]+$/.test(body)) n = BigInt('0o' + body.slice(1));
  else n = BigInt(body);
  return neg ? -n : n;
}

type Found = { spec: CommandSpec; pathIdx: Set<number> } | { error: string; kind: 'kubectl' | 'unsupported' };

/** Finds the command path the way cobra does: the first non-flag words name the (sub)commands. */
function findCommand(words: string[]): Found {
  const positions = nonFlagPositions(words, GLOBAL_FLAGS);
  if (positions.length === 0) {
    // No command word: kubectl's root command parses the flags (and prints its help if they are fine).
    const flagError = parseFlags(words, new Set(), ROOT).error;
    if (flagError !== undefined) return { kind: 'kubectl', error: flagError };
    return { kind: 'unsupported', error: 'kubectl without a command only prints its help' };
  }
  const top = words[positions[0]!]!;
  const known = KUBECTL_COMMANDS.some((c) => c.path === top) || OTHER_KUBECTL_COMMANDS.includes(top);
  if (!known && words[0]!.startsWith('-')) {
    // kubectl then looks for a plugin, and plugins may not follow flags.
    return { kind: 'kubectl', error: `Error: flags cannot be placed before plugin name: ${words[0]}` };
  }
  const topSpec = KUBECTL_COMMANDS.find((c) => c.path === top);
  if (!topSpec) {
    if (OTHER_KUBECTL_COMMANDS.includes(top)) {
      return { kind: 'unsupported', error: `kubectl ${top} is not run by this grader` };
    }
    return { kind: 'kubectl', error: unknownCommand(top) };
  }
  let spec: CommandSpec = topSpec;
  const pathIdx = new Set<number>([positions[0]!]);
  for (;;) {
    const subs = spec.subcommands;
    if (!subs || subs.length === 0) break;
    const rest: number[] = nonFlagPositions(words, [...spec.flags, ...GLOBAL_FLAGS]).filter((p) => !pathIdx.has(p));
    const nextPos: number | undefined = rest[0];
    const name: string | undefined = nextPos === undefined ? undefined : words[nextPos]!;
    const sub: CommandSpec | undefined =
      name === undefined
        ? undefined
        : subs.find((c) => c.path.split(' ').pop() === name || (c.aliases ?? []).includes(name));
    if (sub && nextPos !== undefined) {
      pathIdx.add(nextPos);
      spec = sub;
      continue;
    }
    if (name === undefined) {
      if (spec.onUnknownSub === 'unexpected-args') break;
      return { kind: 'unsupported', error: `kubectl ${spec.path} without a subcommand only prints its help` };
    }
    // cobra parses a group command's own flags before it reports the unknown subcommand.
    const flagError = parseFlags(words, pathIdx, spec).error;
    if (flagError !== undefined) return { kind: 'kubectl', error: flagError };
    const restWords = rest.map((p) => words[p]!);
    if (spec.onUnknownSub === 'unexpected-args') {
      return { kind: 'kubectl', error: `error: Unexpected args: [${restWords.join(' ')}]\nSee 'kubectl ${spec.path} -h' for help and examples` };
    }
    return { kind: 'kubectl', error: `error: unknown command "${restWords.join(' ')}"\nSee 'kubectl ${spec.path} -h' for help and examples` };
  }
  return { spec, pathIdx };
}

/**
 * Indexes of words that are not flags or flag values, up to `--` (cobra's stripFlags: a flag without `=`
 * consumes the next word unless it is a known bool flag, so an unknown `--foo` swallows the word after it).
 */
function nonFlagPositions(words: string[], specs: readonly FlagSpec[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w === '--') break;
    if (w.startsWith('--') && w.length > 2) {
      if (w.includes('=')) continue;
      const f = specs.find((x) => x.name === w.slice(2));
      if (!f || takesNextWord(f)) k++;
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      if (w.length === 2) {
        const f = specs.find((x) => x.short === w[1]);
        if (!f || takesNextWord(f)) k++;
      }
      continue;
    }
    out.push(k);
  }
  return out;
}

function takesNextWord(f: FlagSpec): boolean {
  return f.kind !== 'bool' && f.kind !== 'optional';
}

/** Renders cobra's unknown-command error with its "Did you mean this?" suggestions. */
function unknownCommand(name: string): string {
  const known = [...KUBECTL_COMMANDS.map((c) => c.path), ...OTHER_KUBECTL_COMMANDS].sort();
  const lower = name.toLowerCase();
  const suggestions = known.filter((c) => levenshtein(lower, c) <= 2 || c.startsWith(lower));
  const base = `error: unknown command "${name}" for "kubectl"`;
  return suggestions.length === 0 ? base : `${base}\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}`;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
