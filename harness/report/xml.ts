/** Escapes text for XML content or a double-quoted attribute, replacing characters XML 1.0 forbids. */
export function xmlEscape(value: unknown): string {
  return String(value)
    // XML 1.0 cannot carry these even escaped; show them instead of writing an invalid file.
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/** Escapes text for XML element content, keeping newlines readable. */
export function xmlText(value: unknown): string {
  return xmlEscape(value).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}
