/** Escapes text for GitHub-flavoured Markdown and inline HTML: entities for `& < > "`, backslashes for punctuation. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[&<>"\\`*_{}[\]()#+\-.!|~:@=$^]/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `\\${ch}`;
    }
  });
}

/** Escapes text for raw HTML (a `<summary>` line is an HTML block, where Markdown escapes would show). */
export function escapeHtml(text: string, maxChars = 2000): string {
  return clip(text, maxChars)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
    .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Escapes text for one line of Markdown (line breaks become spaces). */
export function escapeInline(text: string, maxChars = 2000): string {
  return escapeMarkdown(clip(text, maxChars).replace(/\r\n|\r|\n|\u2028|\u2029/g, ' '));
}

/** Escapes multi-line text for Markdown, keeping the line breaks as `<br>`. */
export function escapeLines(text: string, maxChars = 2000): string {
  return clip(text, maxChars)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(escapeMarkdown)
    .join('<br>');
}

/** Shortens text to at most maxChars characters, saying so. */
export function clip(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars).join('')}… (${chars.length - maxChars} more characters)`;
}
