import { sortIssues, type Issue } from '../core/issue.ts';
import { SCRIPT_LIMITS, scriptIssue } from './messages.ts';

/** One kubectl command of a learner's script; `argv` omits the leading `kubectl`. */
export interface ScriptCommand {
  argv: string[];
  /** 1-based line and column of the command's first word. */
  line: number;
  column: number;
  /** Last line the command spans (differs from `line` after backslash continuations). */
  endLine: number;
  /** The command's source text as written (continuations included). */
  text: string;
}

export interface ParsedScript {
  commands: ScriptCommand[];
  issues: Issue[];
}

interface Word {
  value: string;
  line: number;
  column: number;
}

interface RawCommand {
  words: Word[];
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  construct?: string;
  constructAt?: { line: number; column: number };
}

const NAME_START = /[A-Za-z_]/;
const SPECIAL_PARAM = /[0-9@*#?$!-]/;

/**
 * Parses a `commands.sh` text into kubectl commands with POSIX-shell-like word splitting, never running anything.
 * Lines using shell constructs (pipes, redirects, expansions…) are reported and skipped; the rest are returned.
 */
export function parseCommandScript(file: string, text: string): ParsedScript {
  const src = typeof text === 'string' ? text : '';
  const issues: Issue[] = [];
  const { raws, unterminated } = scan(src);
  const longLines = findLongLines(src);
  for (const l of longLines) {
    issues.push(
      scriptIssue(
        'script/too-long',
        { what: 'line', line: l.line, count: l.length, limit: SCRIPT_LIMITS.maxLineLength },
        { position: { file, line: l.line, column: 1 } },
      ),
    );
  }
  const commands: ScriptCommand[] = [];
  for (const raw of raws) {
    if (longLines.some((l) => l.line >= raw.line && l.line <= raw.endLine)) continue;
    const position = { file, line: raw.line, column: raw.column };
    if (raw.construct !== undefined) {
      const at = raw.constructAt ?? raw;
      issues.push(
        scriptIssue(
          'script/shell-syntax',
          { line: at.line, construct: raw.construct },
          { position: { file, line: at.line, column: at.column } },
        ),
      );
      continue;
    }
    const argv = kubectlArgv(raw.words);
    if (!Array.isArray(argv)) {
      issues.push(scriptIssue('script/not-kubectl', { line: raw.line, ...argv }, { position }));
      continue;
    }
    commands.push({ argv, line: raw.line, column: raw.column, endLine: raw.endLine, text: src.slice(raw.start, raw.end) });
  }
  if (unterminated) {
    issues.push(
      scriptIssue(
        'script/unterminated-quote',
        { line: unterminated.line, quote: unterminated.quote },
        { position: { file, line: unterminated.line, column: unterminated.column } },
      ),
    );
  }
  if (commands.length > SCRIPT_LIMITS.maxCommands) {
    const extra = commands[SCRIPT_LIMITS.maxCommands]!;
    issues.push(
      scriptIssue(
        'script/too-long',
        { what: 'commands', count: commands.length, limit: SCRIPT_LIMITS.maxCommands },
        { position: { file, line: extra.line, column: extra.column } },
      ),
    );
    commands.length = SCRIPT_LIMITS.maxCommands;
  }
  return { commands, issues: sortIssues(issues) };
}

function findLongLines(src: string): { line: number; length: number }[] {
  const out: { line: number; length: number }[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= src.length; i++) {
    if (i === src.length || src[i] === '\n') {
      const length = i - start - (src[i - 1] === '\r' ? 1 : 0);
      if (length > SCRIPT_LIMITS.maxLineLength) out.push({ line, length });
      line++;
      start = i + 1;
    }
  }
  return out;
}

/** Strips the kubectl prefix, or says why the words are not a kubectl command. */
function kubectlArgv(words: Word[]): string[] | { name: string; reason?: 'sudo' | 'alias' } {
  const values = words.map((w) => w.value);
  const head = values[0] ?? '';
  if (head === 'kubectl' || head === 'microk8s.kubectl') return values.slice(1);
  if (head === 'microk8s' && values[1] === 'kubectl') return values.slice(2);
  if (head === 'sudo') return { name: 'sudo', reason: 'sudo' };
  if (head === 'k' || head === 'kc') return { name: head, reason: 'alias' };
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(head)) return { name: head.slice(0, head.indexOf('=') + 1) + '…' };
  return { name: head };
}

interface ScanResult {
  raws: RawCommand[];
  unterminated?: { line: number; column: number; quote: 'single' | 'double' };
}

/** Splits the text into commands of words; one unquoted newline ends a command. */
function scan(src: string): ScanResult {
  const raws: RawCommand[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  let cur = newRaw();
  let word: Word | null = null;
  let heredoc: { delimiter: string; stripTabs: boolean } | undefined;

  function newRaw(): RawCommand {
    return { words: [], start: -1, end: -1, line: 0, column: 0, endLine: 0 };
  }
  function startWord(): Word {
    if (word === null) {
      word = { value: '', line, column: col };
      if (cur.start < 0) {
        cur.start = i;
        cur.line = line;
        cur.column = col;
      }
    }
    return word;
  }
  function mark(construct: string): void {
    startWord();
    if (cur.construct === undefined) {
      cur.construct = construct;
      cur.constructAt = { line, column: col };
    }
  }
  function step(n = 1): void {
    for (let k = 0; k < n && i < src.length; k++) {
      if (src[i] === '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      i++;
    }
    if (cur.start >= 0) {
      cur.end = i;
      cur.endLine = line;
    }
  }
  function endWord(): void {
    if (word !== null) cur.words.push(word);
    word = null;
  }
  function endCommand(): void {
    endWord();
    if (cur.start >= 0) {
      // Trailing `\r` of CRLF files is not part of the command text.
      while (cur.end > cur.start && /\s/.test(src[cur.end - 1]!)) cur.end--;
      raws.push(cur);
    }
    cur = newRaw();
  }
  function skipHeredoc(h: { delimiter: string; stripTabs: boolean }): void {
    // The body lines belong to the here-doc; they are neither commands nor diagnostics of their own.
    while (i < src.length) {
      const nl = src.indexOf('\n', i);
      const stop = nl < 0 ? src.length : nl;
      let body = src.slice(i, stop).replace(/\r$/, '');
      if (h.stripTabs) body = body.replace(/^\t+/, '');
      step(stop - i + (nl < 0 ? 0 : 1));
      if (body === h.delimiter) return;
    }
  }

  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '\\' && (next === '\n' || (next === '\r' && src[i + 2] === '\n'))) {
      step(next === '\r' ? 3 : 2);
      continue;
    }
    if (c === '\n') {
      endCommand();
      step();
      if (heredoc) {
        skipHeredoc(heredoc);
        heredoc = undefined;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      step();
      continue;
    }
    if (c === '#' && word === null) {
      while (i < src.length && src[i] !== '\n') {
        i++;
        col++;
      }
      continue;
    }
    if (c === "'") {
      const w = startWord();
      const open = { line, column: col };
      step();
      const close = src.indexOf("'", i);
      if (close < 0) return { raws, unterminated: { ...open, quote: 'single' } };
      w.value += src.slice(i, close);
      step(close - i + 1);
      continue;
    }
    if (c === '"') {
      const w = startWord();
      const open = { line, column: col };
      step();
      let closed = false;
      while (i < src.length) {
        const d = src[i]!;
        const e = src[i + 1];
        if (d === '"') {
          closed = true;
          step();
          break;
        }
        if (d === '\\' && e === '\n') {
          step(2);
        } else if (d === '\\' && e !== undefined && '"\\$`'.includes(e)) {
          w.value += e;
          step(2);
        } else if (d === '$' && e !== undefined && (e === '(' || e === '{' || NAME_START.test(e) || SPECIAL_PARAM.test(e))) {
          mark(dollarConstruct(e));
          w.value += d;
          step();
        } else if (d === '`') {
          mark('command substitution with backticks (`…`)');
          w.value += d;
          step();
        } else {
          w.value += d;
          step();
        }
      }
      if (!closed) return { raws, unterminated: { ...open, quote: 'double' } };
      continue;
    }
    if (c === '\\') {
      const w = startWord();
      if (next !== undefined) w.value += next;
      step(next === undefined ? 1 : 2);
      continue;
    }
    const op = operator(src, i);
    if (op) {
      mark(op.construct);
      if (op.heredoc) {
        step(op.length);
        while (src[i] === ' ' || src[i] === '\t') step();
        let delim = '';
        while (i < src.length && !/[\s;|&<>]/.test(src[i]!)) {
          if (src[i] !== "'" && src[i] !== '"' && src[i] !== '\\') delim += src[i];
          step();
        }
        if (delim !== '') heredoc = { delimiter: delim, stripTabs: op.length === 3 };
        continue;
      }
      startWord().value += src.slice(i, i + op.length);
      step(op.length);
      continue;
    }
    startWord().value += c;
    step();
  }
  endCommand();
  return { raws };
}

function dollarConstruct(e: string): string {
  if (e === '(') return 'command substitution (`$(…)`)';
  return 'variable expansion (`$VAR`)';
}

interface Operator {
  construct: string;
  length: number;
  heredoc?: boolean;
}

/** Recognises the unquoted shell operators that this runner refuses to interpret. */
function operator(src: string, i: number): Operator | undefined {
  const c = src[i]!;
  const n = src[i + 1];
  switch (c) {
    case '|':
      return n === '|' ? { construct: 'the or-list `||`', length: 2 } : { construct: 'a pipe `|`', length: 1 };
    case '&':
      if (n === '&') return { construct: 'the and-list `&&`', length: 2 };
      if (n === '>') return { construct: 'a redirect `&>`', length: 2 };
      return { construct: 'running in the background with `&`', length: 1 };
    case ';':
      return { construct: 'the command separator `;`', length: 1 };
    case '>':
      return { construct: 'a redirect `>`', length: n === '>' ? 2 : 1 };
    case '<':
      if (n === '<' && src[i + 2] === '<') return { construct: 'a here-string `<<<`', length: 3 };
      if (n === '<') return { construct: 'a here-doc `<<`', length: src[i + 2] === '-' ? 3 : 2, heredoc: true };
      return { construct: 'a redirect `<`', length: 1 };
    case '`':
      return { construct: 'command substitution with backticks (`…`)', length: 1 };
    case '(':
    case ')':
      return { construct: 'a subshell `( … )`', length: 1 };
    case '$':
      if (n !== undefined && (n === '(' || n === '{' || NAME_START.test(n) || SPECIAL_PARAM.test(n))) {
        return { construct: dollarConstruct(n), length: 1 };
      }
      return undefined;
    default:
      return undefined;
  }
}
