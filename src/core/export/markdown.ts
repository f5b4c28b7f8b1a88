/**
 * Markdown text from untrusted input for the middle of a line (after other text): no markup, no
 * HTML, no line breaks. Use {@link mdText} where the text may start a line.
 */
export function mdInline(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** Markdown text from untrusted input: no markup, no HTML, no line breaks, no leading block marker. */
export function mdText(value: string): string {
  return mdInline(value)
    // A leading marker would start a heading, a list or a quote. CommonMark escapes only
    // punctuation, so an ordered-list marker is escaped on its `.` or `)`, not on its digits.
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Text for a Markdown table cell: as {@link mdText}, pipes included. */
export function mdCell(value: string): string {
  return mdText(value) || ' ';
}
