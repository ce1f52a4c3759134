// Hand-written because JSON.parse's messages carry no position on some inputs; this only finds the first error.

export interface JsonSyntaxError {
  /** Offset (UTF-16 index) of the first offending character. */
  offset: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Finds the first JSON syntax error in `text` (RFC 8259), or returns undefined for valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return scanJson(text).error;
}

export interface JsonScan {
  error?: JsonSyntaxError;
  /** Deepest nesting of objects and arrays seen. */
  depth: number;
  /** Offset of the first bracket that nests deeper than `maxDepth`, when one does. */
  tooDeepAt?: number;
}

/** Scans JSON text for its first syntax error and its nesting depth (iteratively: deep input cannot overflow). */
export function scanJson(text: string, maxDepth = Infinity): JsonScan {
  const out: JsonScan = { depth: 0 };
  const error = scan(text, (d, at) => {
    if (d > out.depth) out.depth = d;
    if (d > maxDepth && out.tooDeepAt === undefined) out.tooDeepAt = at;
  });
  if (error) out.error = error;
  return out;
}

function scan(text: string, onDepth: (depth: number, at: number) => void): JsonSyntaxError | undefined {
  const n = text.length;
  let i = 0;
  const stack: ('[' | '{')[] = [];
  const fail = (reason: string, at = i): JsonSyntaxError => ({ offset: Math.min(at, n), reason });
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const str = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('\\u must be followed by 4 hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail(`unknown escape \\${e ?? ''} in a string`);
        continue;
      }
      if (c < 0x20) return fail('a tab or line break inside a string must be written as an escape (\\t, \\n)');
      i++;
    }
    return fail('a string is not closed (missing ")', start);
  };
  const unexpected = (what: string): JsonSyntaxError => {
    const ch = text[i];
    if (ch === undefined) return fail(`the text ends where ${what} was expected`);
    if (ch === "'") return fail('strings and keys must use double quotes (") in JSON');
    if (ch === '/' || ch === '#') return fail('comments are not allowed in JSON');
    return fail(`unexpected character ${JSON.stringify(ch)} where ${what} was expected`);
  };
  const key = (): JsonSyntaxError | undefined => {
    ws();
    if (text[i] === '}') return fail('a comma is not allowed after the last entry of an object');
    if (text[i] !== '"') return unexpected('a double-quoted key');
    const e = str();
    if (e) return e;
    ws();
    if (text[i] !== ':') return unexpected("':' after the key");
    i++;
    return undefined;
  };

  for (;;) {
    // Expect a value.
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        onDepth(stack.length, i - 1);
        if (c === '{') {
          const e = key();
          if (e) return e;
        }
        continue;
      }
    } else if (c === '"') {
      const e = str();
      if (e) return e;
    } else if (c === ']' && stack[stack.length - 1] === '[' && text.slice(0, i).trimEnd().endsWith(',')) {
      return fail('a comma is not allowed after the last element of a list');
    } else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (m && m[0].length > 0 && m[0] !== '-') i += m[0].length;
      else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else return unexpected('a value');
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? fail('unexpected text after the end of the JSON value') : undefined;
      const ch = text[i];
      if (ch === ',') {
        i++;
        if (top === '{') {
          const e = key();
          if (e) return e;
        }
        break;
      }
      if (ch === (top === '[' ? ']' : '}')) {
        i++;
        stack.pop();
        continue;
      }
      return unexpected(top === '[' ? "',' or ']'" : "',' or '}'");
    }
  }
}
