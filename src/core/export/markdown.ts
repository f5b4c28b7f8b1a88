/** Markdown text from untrusted input: no markup, no HTML, no line breaks. */
export function mdText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    // A leading marker would start a heading, a list or a quote.
    .replace(/^(\s*)([#+\-=]|\d+[.)])/, '$1\\$2');
}

/** Text for a Markdown table cell: as {@link mdText}, pipes included. */
export function mdCell(value: string): string {
  return mdText(value) || ' ';
}
