import { defineMessages } from '../core/issue.ts';

/** Plain-word hints for the yaml parser's error codes (the parser's own message is kept as the reason). */
const YAML_HINTS: Record<string, string> = {
  BAD_INDENT: 'Check the indentation: entries of the same mapping or list must start at the same column. Use spaces, usually 2 per level.',
  MISSING_CHAR: 'A quote or bracket was opened but never closed.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line and be followed by a colon and a space (key: value).',
  UNEXPECTED_TOKEN: 'Look for a missing colon, a stray character or wrong indentation on this line.',
  BLOCK_AS_IMPLICIT_KEY: 'A key must be followed by a colon and a space (key: value).',
  BAD_SCALAR_START: 'A plain value cannot start with this character; put the value in quotes.',
  TAB_AS_INDENT: 'YAML forbids tabs for indentation; indent with spaces.',
  BAD_ALIAS: 'An alias (*name) must refer to an anchor (&name) defined earlier in the same document.',
};

function listOrDefault(accepted: string[]): string {
  const exts = accepted.filter((g) => /^\*\.(ya?ml|json)$/.test(g)).map((g) => g.slice(1));
  const others = accepted.filter((g) => !/^\*\.(ya?ml|json)$/.test(g));
  const parts: string[] = [];
  if (exts.length > 0) parts.push(`a manifest (${exts.join(', ')})`);
  parts.push(...others);
  return parts.length > 0 ? parts.join(' or ') : 'an accepted file';
}

/** Message table of the load stage; every code is `load/...`. */
export const loadMessages = {
  'load/not-a-folder': {
    severity: 'error' as const,
    message: (p: { dir: string; reason: string }) => `The submission folder ${p.dir} could not be read: ${p.reason}`,
  },
  'load/unreadable': {
    severity: 'error' as const,
    message: (p: { file: string; reason: string }) => `${p.file} could not be read: ${p.reason}`,
  },
  'load/symlink-outside': {
    severity: 'error' as const,
    message: (p: { file: string }) => `${p.file} is a symbolic link to a place outside the submission folder; it was not read`,
    hint: () => 'Copy the file into your submission folder instead of linking to it.',
  },
  'load/broken-symlink': {
    severity: 'warning' as const,
    message: (p: { file: string }) => `${p.file} is a symbolic link to a file that does not exist; it was not read`,
  },
  'load/ignored-file': {
    severity: 'info' as const,
    message: (p: { file: string; accepted: string[] }) =>
      `${p.file} is not ${listOrDefault(p.accepted)}; it was not graded`,
  },
  'load/file-too-large': {
    severity: 'error' as const,
    message: (p: { file: string; size: number; limit: number }) =>
      `${p.file} is too large (${p.size} bytes, the limit is ${p.limit} bytes); it was not read`,
    hint: () => 'Manifests are small text files; check that you did not save a log or a binary under this name.',
  },
  'load/submission-too-large': {
    severity: 'error' as const,
    message: (p: { file: string; total: number; limit: number }) =>
      `${p.file} was not read: together with the files before it the submission would be ${p.total} bytes, over the limit of ${p.limit} bytes`,
  },
  'load/too-many-files': {
    severity: 'error' as const,
    message: (p: { limit: number }) => `The submission has more than ${p.limit} files; only the first ${p.limit} were looked at`,
  },
  'load/too-many-documents': {
    severity: 'error' as const,
    message: (p: { file: string; limit: number }) =>
      `The submission has more than ${p.limit} documents; documents from ${p.file} on were not graded`,
  },
  'load/empty-file': {
    severity: 'warning' as const,
    message: (p: { file: string }) => `${p.file} is empty (no documents); nothing in it was graded`,
  },
  'load/binary-file': {
    severity: 'error' as const,
    message: (p: { file: string }) => `${p.file} is a binary file, not text; it was not read`,
    hint: () => 'Save the file as plain text (UTF-8).',
  },
  'load/not-utf8': {
    severity: 'error' as const,
    message: (p: { file: string; line: number; column: number; encoding?: string }) =>
      p.encoding
        ? `${p.file} is saved as ${p.encoding}, not UTF-8; it was not read`
        : `${p.file} is not valid UTF-8 text: bad byte at line ${p.line}, column ${p.column}; it was not read`,
    hint: (p: { encoding?: string }) =>
      p.encoding
        ? 'Save the file as UTF-8 (in PowerShell use `Out-File -Encoding utf8`, or change the encoding in your editor).'
        : 'Save the file as UTF-8 in your editor; the character at this place was written in another encoding.',
  },
  'load/yaml-syntax': {
    severity: 'error' as const,
    message: (p: { file: string; reason: string; line: number; column: number; yamlCode?: string }) =>
      `YAML syntax error in ${p.file} at line ${p.line}, column ${p.column}: ${p.reason}`,
    hint: (p: { yamlCode?: string }) => (p.yamlCode ? YAML_HINTS[p.yamlCode] : undefined),
  },
  'load/yaml-warning': {
    severity: 'warning' as const,
    message: (p: { file: string; reason: string; line: number; column: number }) =>
      `YAML warning in ${p.file} at line ${p.line}, column ${p.column}: ${p.reason}`,
  },
  'load/json-syntax': {
    severity: 'error' as const,
    message: (p: { file: string; reason: string; line: number; column: number }) =>
      `JSON syntax error in ${p.file} at line ${p.line}, column ${p.column}: ${p.reason}`,
    hint: () => 'JSON needs double-quoted keys and strings, commas between entries and no comma after the last one.',
  },
  'load/tab-indent': {
    severity: 'error' as const,
    message: (p: { file: string; line: number }) =>
      `${p.file} line ${p.line} is indented with a tab; YAML forbids tabs for indentation`,
    hint: () => 'Indent with spaces (usually 2 per level); set your editor to insert spaces when you press Tab.',
  },
  'load/duplicate-key': {
    severity: 'error' as const,
    message: (p: { file: string; key: string; line: number; firstLine: number }) =>
      `${p.file} line ${p.line}: mapping key "${p.key}" already defined at line ${p.firstLine}`,
    hint: () => 'kubectl rejects a file with a key written twice in the same mapping; merge the two entries into one.',
  },
  'load/forbidden-key': {
    severity: 'error' as const,
    message: (p: { key: string }) => `The key "${p.key}" is not allowed here; it was ignored`,
  },
  'load/unsupported-key': {
    severity: 'error' as const,
    message: () => 'A mapping key must be a plain value such as a name; a list or mapping used as a key was ignored',
  },
  'load/invalid-merge': {
    severity: 'error' as const,
    message: () => 'The merge key << must be followed by an alias of a mapping (<<: *name) or a list of such aliases',
  },
  'load/too-many-aliases': {
    severity: 'error' as const,
    message: (p: { file: string; limit: number }) =>
      `${p.file} uses aliases (*name) more than ${p.limit} times; the document was not expanded or graded`,
    hint: () => 'Write the repeated parts out instead of using many anchors and aliases.',
  },
  'load/too-deep': {
    severity: 'error' as const,
    message: (p: { file: string; limit: number }) =>
      `${p.file} nests mappings and lists more than ${p.limit} levels deep; the document was not graded`,
  },
  'load/number-out-of-range': {
    severity: 'warning' as const,
    message: (p: { text: string }) =>
      `The number ${p.text} cannot be represented exactly (it is too large or not finite); its value may be wrong`,
    hint: () => 'Kubernetes integer fields are at most 64-bit; if you meant text, put the value in quotes.',
  },
  'load/yaml11-boolean': {
    severity: 'warning' as const,
    message: (p: { text: string; asKey: boolean }) =>
      `The unquoted ${p.asKey ? 'key' : 'value'} ${p.text} is read by kubectl (YAML 1.1) as a boolean, not as the text "${p.text}"`,
    hint: (p: { text: string }) => `Write "${p.text}" in quotes if you mean text (for example a label value).`,
  },
  'load/not-an-object': {
    severity: 'error' as const,
    message: (p: { file: string; index: number; got: string }) =>
      `Document ${p.index + 1} of ${p.file} is ${p.got}, not a mapping; a Kubernetes object must be a mapping with apiVersion, kind and metadata`,
  },
};

/** Creates a load-stage issue from its code, params and location. */
export const loadIssue = defineMessages(loadMessages);
